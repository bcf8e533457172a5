/**
 * Translators' assistance at the size of a long document: a generated article of 2,000 segments (the seed
 * article's sentences as they are, with one to three characters changed, or their clauses recombined) stored in
 * the production server's database beside a memory of 100,000 generated TMX units plus the seed sentences.
 *
 * - Pre-translation through the real form action on a fresh server, so the figure includes building the memory's
 *   index (the first request that needs it); the aim is within 10 s.
 * - The review page of that article in Chromium: bytes as served and gzipped (level 6), the time from navigation
 *   until the page is hydrated (its keys work), and from Alt+↓ until the next segment is open with the cursor in
 *   its English (median of five), without and with a 4× CPU slowdown (a modest laptop or phone). The seed
 *   article's page is measured the same way for comparison.
 */
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import type { Article } from '$lib/content/schema';
import { walkSegments } from '$lib/content/walk';
import { addReviewer } from '$lib/server/auth';
import { openDatabase } from '$lib/server/db';
import { saveArticle } from '$lib/server/articles/store';
import { createReviewStore } from '$lib/server/review/store';
import { actionHeaders, kb, median, onResponseBytes, signIn, table } from './lib';
import { MEMORY_SIZE, generatedMemory, seedText } from './memory';

const SEGMENTS = 2_000;
const PER_PARAGRAPH = 10;
const KEY_PRESSES = 5;
const BENCH_SLUG = 'bench-two-thousand';

/** The generated article: a title and 1,999 body segments, ten to a paragraph. */
function generatedArticle(text: ReturnType<typeof seedText>): Article {
	const zh = () => {
		const r = text.next();
		const sentence = text.pick(text.sentences);
		return r < 0.3 ? sentence : r < 0.6 ? text.changed(sentence) : text.recombined();
	};
	const body = Array.from({ length: SEGMENTS - 1 }, zh);
	const blocks: Article['blocks'] = [];
	for (let i = 0; i < body.length; i += PER_PARAGRAPH) {
		const id = `p${i / PER_PARAGRAPH + 1}`;
		blocks.push({
			type: 'paragraph',
			id,
			segments: body.slice(i, i + PER_PARAGRAPH).map((s, k) => ({ id: `${id}-${k + 1}`, zh: s, en: '' }))
		});
	}
	return {
		slug: BENCH_SLUG,
		title: { id: 'title', zh: '二千句段的基准测试文章', en: '' },
		source: { zh: '基准测试', en: '' },
		date: { zh: '2026年', en: '' },
		notes: [],
		blocks
	} as Article;
}

interface PageFigures {
	gzip: Record<'html' | 'css' | 'js' | 'other', number>;
	readyMs: number;
	keyMs: number;
}

/** Load the review page once, counting response bytes, then press Alt+↓ KEY_PRESSES times. */
async function measurePage(
	browser: Browser,
	url: string,
	cookie: string,
	ids: readonly string[],
	slowdown: number
): Promise<PageFigures> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
	const [name = '', value = ''] = cookie.split('=');
	await context.addCookies([{ name, value, url }]);
	const page = await context.newPage();
	if (slowdown > 1)
		await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: slowdown });
	const gzip: PageFigures['gzip'] = { html: 0, css: 0, js: 0, other: 0 };
	const pending = onResponseBytes(page, (kind, _raw, bytes) => (gzip[kind] += bytes));
	// When the page marks itself ready (hydrated: its keys work), and when the last key went down.
	await page.addInitScript(() => {
		const w = window as unknown as { __ready?: number; __keyAt?: number };
		new MutationObserver(() => {
			if (w.__ready === undefined && document.querySelector('.review-page[data-ready="true"]'))
				w.__ready = performance.now();
		}).observe(document, { subtree: true, childList: true, attributes: true });
		addEventListener('keydown', () => (w.__keyAt = performance.now()), { capture: true });
	});
	await page.goto(url, { waitUntil: 'load' });
	await page.locator('.review-page[data-ready="true"]').waitFor();
	const readyMs = await page.evaluate(() => (window as unknown as { __ready: number }).__ready);
	await Promise.all(pending);
	const gzipOnLoad = { ...gzip };

	// The first segment is open; each Alt+↓ opens the next, with the cursor in its English.
	const times: number[] = [];
	for (const id of ids.slice(1, KEY_PRESSES + 1)) {
		await page.keyboard.press('Alt+ArrowDown');
		times.push(await keyToFocus(page, id));
	}
	await context.close();
	return { gzip: gzipOnLoad, readyMs, keyMs: median(times) };
}

/** Milliseconds from the last keydown until the English field of segment `id` has the focus. */
function keyToFocus(page: Page, id: string): Promise<number> {
	return page.evaluate(
		(target) =>
			new Promise<number>((resolve) => {
				const w = window as unknown as { __keyAt: number };
				const check = () =>
					document.activeElement?.id === target
						? resolve(performance.now() - w.__keyAt)
						: requestAnimationFrame(check);
				check();
			}),
		`en-${id}`
	);
}

export async function benchTranslators(
	browser: Browser,
	server: { url: string; dataDir: string },
	slug: string
): Promise<void> {
	const text = seedText(slug, 7);
	const article = generatedArticle(text);
	const username = 'bench-translator';
	const password = 'bench translator passphrase';

	const db = await openDatabase(join(server.dataDir, 'app.sqlite'));
	const account = await addReviewer(username, password, db, 'editor');
	await saveArticle({ article, createdBy: account.id, publish: true }, db);
	const units = [
		...generatedMemory(text).map(({ zh, en }) => ({ zh, en })),
		...text.sentences.map((zh, i) => ({ zh, en: `Approved English of seed sentence ${i + 1}.` }))
	];
	await createReviewStore(db).importMemoryUnits({ file: 'bench.tmx', reviewerId: account.id, units });
	const cookie = await signIn(server.url, username, password);

	const started = performance.now();
	const response = await fetch(`${server.url}/articles/${BENCH_SLUG}/review?/pretranslate`, {
		method: 'POST',
		headers: actionHeaders(cookie, server.url),
		body: ''
	});
	const body = (await response.json()) as { type?: string };
	const pretranslateMs = performance.now() - started;
	if (body.type !== 'success') throw new Error(`pre-translation failed: ${JSON.stringify(body)}`);
	const filled = (
		await db.first(
			db.kysely
				.selectFrom('segment_states')
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.where('slug', '=', BENCH_SLUG)
				.where('status', '=', 'draft')
		)
	)?.n;
	await db.close();

	console.log(
		`\nPre-translation of a generated ${SEGMENTS.toLocaleString('en')}-segment article against ${(MEMORY_SIZE + text.sentences.length).toLocaleString('en')} memory units (form action, fresh server: includes building the memory index)`
	);
	table([
		['segments', 'filled as drafts', 'ms'],
		[SEGMENTS, filled ?? 0, pretranslateMs.toFixed(0)]
	]);

	const pages = [
		{ label: `seed article (${text.sentences.length} segments)`, slug, article: text.article },
		{ label: `generated (${SEGMENTS.toLocaleString('en')} segments)`, slug: BENCH_SLUG, article }
	];
	const rows: (string | number)[][] = [
		['review page', 'CPU', 'html gz', 'css gz', 'js gz', 'total gz', 'ready ms', 'Alt+↓ ms']
	];
	for (const p of pages) {
		const pageIds = walkSegments(p.article).map(({ segment }) => segment.id);
		for (const slowdown of [1, 4]) {
			const f = await measurePage(
				browser,
				`${server.url}/articles/${p.slug}/review`,
				cookie,
				pageIds,
				slowdown
			);
			const total = f.gzip.html + f.gzip.css + f.gzip.js + f.gzip.other;
			rows.push([
				p.label,
				slowdown === 1 ? '1×' : `${slowdown}× slower`,
				kb(f.gzip.html),
				kb(f.gzip.css),
				kb(f.gzip.js),
				kb(total),
				f.readyMs.toFixed(0),
				f.keyMs.toFixed(0)
			]);
		}
	}
	console.log(
		`\nThe review page in Chromium: bytes gzipped, navigation → hydrated (keys work), Alt+↓ → next segment open with the cursor in its English (median of ${KEY_PRESSES})`
	);
	table(rows);
}
