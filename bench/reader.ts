/**
 * Reader page weight and Largest Contentful Paint, beside a floor: a bare HTML page holding only the
 * article's text, ruby and translation. Bytes are response bodies as served and gzipped (level 6, what a
 * compressing proxy sends); LCP comes from 21 cold loads of each page with 4× CPU throttling, on a laptop's screen
 * and a phone's, the reader's and the floor's taken in pairs, and is reported as medians, quartiles and the
 * ratio's bootstrap interval, because single loads on a shared machine differ by 15%.
 */
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';
import { parseArticle, parseGlossary, parsePinyinOverrides } from '$lib/content/validate';
import { createAnnotator } from '$lib/content/annotate';
import { applyPinyinOverrides } from '$lib/pinyin/annotate';
import { escapeHtml } from '$lib/reader/markup';
import { articleSegments } from '$lib/content/walk';
import {
	ROOT,
	kb,
	median,
	onResponseBytes,
	percentile,
	random,
	rubyHtml,
	table,
	type ResponseKind
} from './lib';

/** Cold loads of each page, taken in turn: LCP at 4× throttling moves by 15% between identical loads here. */
const RUNS = 21;

/**
 * The floor: the visible text the reader shows, with ruby and the translation, and nothing else — the title,
 * subtitle, byline, date and source, every heading and paragraph, every caption with its credit and its
 * translator's note, the note blocks, what each gap says is missing, the article's notes and the segment notes
 * (as text). No tools, links, popovers, styles or scripts.
 */
export const FLOOR_HOLDS =
	'title, subtitle, byline, date and source, headings, paragraphs, captions with credits and their notes, note blocks, gap notes, translator’s and segment notes; ruby and English; no CSS, no JS';

export function floorHtml(slug: string): string {
	const read = (f: string) => readFileSync(join(ROOT, f), 'utf8');
	applyPinyinOverrides(
		parsePinyinOverrides('content/pinyin-overrides.yaml', read('content/pinyin-overrides.yaml'))
	);
	const annotate = createAnnotator(parseGlossary('content/glossary.yaml', read('content/glossary.yaml')));
	const article = annotate(
		parseArticle(`content/articles/${slug}.yaml`, read(`content/articles/${slug}.yaml`))
	);
	type Seg = { zhRuns: { chars: Parameters<typeof rubyHtml>[0] }[]; en: string };
	const zh = (segs: Seg[]) => segs.map((s) => s.zhRuns.map((r) => rubyHtml(r.chars)).join('')).join('');
	const pair = (segs: Seg[], tag: string, enExtra = '') =>
		`<${tag} lang="zh-Hans">${zh(segs)}</${tag}>` +
		`<${tag} lang="en">${escapeHtml(segs.map((s) => s.en).join(' '))}${enExtra}</${tag}>`;
	const text = (zhText: string | undefined, en: string | undefined, tag = 'p') =>
		(zhText ? `<${tag} lang="zh-Hans">${escapeHtml(zhText)}</${tag}>` : '') +
		(en ? `<${tag} lang="en">${escapeHtml(en)}</${tag}>` : '');
	const body = [pair([article.title], 'h1')];
	if (article.subtitle) body.push(pair([article.subtitle], 'p'));
	if (article.byline) body.push(pair([article.byline], 'p'));
	body.push(
		text(
			[article.date.zh, article.source.zh].filter(Boolean).join(' · '),
			[article.date.en, article.source.en].filter(Boolean).join(' · ')
		)
	);
	for (const b of article.blocks) {
		if (b.type === 'gap') body.push(text(b.note.zh, b.note.en));
		else if (b.type === 'caption')
			body.push(
				pair(
					b.credit ? [...b.segments, b.credit] : b.segments,
					'p',
					b.note ? ` ${escapeHtml(b.note.en)}` : ''
				)
			);
		else body.push(pair(b.segments, b.type === 'heading' ? 'h2' : 'p'));
	}
	for (const note of article.notes) body.push(text(note.zh, note.en));
	for (const s of articleSegments(article)) if (s.note) body.push(text(undefined, s.note.en));
	return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(article.title.en)}</title></head><body>${body.join('')}</body></html>`;
}

type Kind = ResponseKind;
type Tally = Record<Kind, { raw: number; gzip: number }>;
/** When a response was asked for: before the load event, while the page sat idle after it, after the first tap. */
type Phase = 'load' | 'idle' | 'tap';

interface PageFigures {
	bytes: Record<Phase, Tally>;
	/** LCP of each cold load, in the order taken. */
	lcps: number[];
}

const emptyTally = (): Tally => ({
	html: { raw: 0, gzip: 0 },
	css: { raw: 0, gzip: 0 },
	js: { raw: 0, gzip: 0 },
	other: { raw: 0, gzip: 0 }
});

/** How long the page sits untouched after its load event before the tap (the boot script may fetch at idle). */
const IDLE_MS = 5000;

/** The two screens the reader is tried on: a laptop's (where the bytes are counted) and a phone's. */
const VIEWPORTS = { laptop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } };
type Viewport = (typeof VIEWPORTS)[keyof typeof VIEWPORTS];

/**
 * One cold load at 4× CPU throttling: its LCP, and the bytes of every response by phase — until the load event,
 * then while the page sits idle (`idleMs`), then after a tap on `tap` (when given) until its popover has its data.
 */
async function loadOnce(
	browser: Browser,
	url: string,
	viewport: Viewport,
	idleMs: number,
	tap?: string
): Promise<{ lcp: number; bytes: PageFigures['bytes'] }> {
	const context = await browser.newContext({ viewport });
	const page = await context.newPage();
	const cdp = await context.newCDPSession(page);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
	const tally: PageFigures['bytes'] = { load: emptyTally(), idle: emptyTally(), tap: emptyTally() };
	let phase: Phase = 'load';
	const phaseOf = new Map<object, Phase>();
	page.on('request', (request) => phaseOf.set(request, phase));
	const pending = onResponseBytes(page, (kind, raw, gzip, request) => {
		const t = tally[phaseOf.get(request) ?? 'load'][kind];
		t.raw += raw;
		t.gzip += gzip;
	});
	await page.goto(url, { waitUntil: 'load' });
	phase = 'idle';
	await page.waitForTimeout(idleMs);
	const lcp = await page.evaluate(
		() =>
			new Promise<number>((resolve) => {
				new PerformanceObserver((list) => {
					const entries = list.getEntries();
					resolve(entries[entries.length - 1]!.startTime);
				}).observe({ type: 'largest-contentful-paint', buffered: true });
			})
	);
	if (tap) {
		phase = 'tap';
		await page.locator(tap).first().click();
		await page.locator('#word-popover [data-slot="readings"] li').first().waitFor({ timeout: 30_000 });
	}
	await Promise.all(pending);
	await context.close();
	return { lcp, bytes: tally };
}

/**
 * The reader and the floor, loaded in turn (reader then floor, then floor then reader, …) so that both medians
 * come from the same spells of a shared machine's load: LCP of each load, and from the first of each the bytes by
 * phase.
 */
async function measure(
	browser: Browser,
	readerUrl: string,
	floorUrl: string,
	viewport: Viewport,
	tap?: string
): Promise<{ reader: PageFigures; floor: PageFigures }> {
	const lcps = { reader: [] as number[], floor: [] as number[] };
	let readerBytes: PageFigures['bytes'] | undefined;
	let floorBytes: PageFigures['bytes'] | undefined;
	for (let run = 0; run < RUNS; run++) {
		// The bytes come from the first pair, which sits idle and taps; the phone's pairs count only LCP.
		const first = run === 0 && tap !== undefined;
		const loadReader = () =>
			loadOnce(browser, readerUrl, viewport, first ? IDLE_MS : 300, first ? tap : undefined);
		const loadFloor = () => loadOnce(browser, floorUrl, viewport, first ? IDLE_MS : 300);
		// Which page goes first alternates, so that neither always follows the other's load.
		const [reader, floor] =
			run % 2 === 0
				? [await loadReader(), await loadFloor()]
				: await loadFloor().then(async (f) => [await loadReader(), f] as const);
		lcps.reader.push(reader.lcp);
		lcps.floor.push(floor.lcp);
		readerBytes ??= reader.bytes;
		floorBytes ??= floor.bytes;
	}
	return {
		reader: { bytes: readerBytes!, lcps: lcps.reader },
		floor: { bytes: floorBytes!, lcps: lcps.floor }
	};
}

/**
 * The LCP comparison: each page's median and quartiles, the ratio of the medians with a 90% bootstrap interval
 * (pairs of loads resampled 2,000 times with a seeded generator, so a run's figures can be reproduced from its
 * samples), and in how many pairs of loads the reader painted no later.
 */
function lcpFigures(reader: number[], floor: number[]) {
	const stats = (values: number[]) => {
		const sorted = [...values].sort((a, b) => a - b);
		return { median: median(sorted), q1: percentile(sorted, 0.25), q3: percentile(sorted, 0.75) };
	};
	const next = random(12);
	const ratios: number[] = [];
	for (let i = 0; i < 2000; i++) {
		const picks = reader.map(() => Math.floor(next() * reader.length));
		ratios.push(median(picks.map((p) => reader[p]!)) / median(picks.map((p) => floor[p]!)));
	}
	ratios.sort((a, b) => a - b);
	return {
		reader: stats(reader),
		floor: stats(floor),
		ratio: median(reader) / median(floor),
		low: percentile(ratios, 0.05),
		high: percentile(ratios, 0.95),
		pairsAhead: reader.filter((r, i) => r <= floor[i]!).length
	};
}

const gz = (b: Uint8Array) => gzipSync(b, { level: 6 }).length;
const fetchGzip = async (url: string) => gz(new Uint8Array(await (await fetch(url)).arrayBuffer()));

export async function benchReader(browser: Browser, baseUrl: string, slug: string): Promise<void> {
	const floor = floorHtml(slug);
	const server = createServer((_, res) =>
		res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(floor)
	);
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	const address = server.address();
	const floorUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
	try {
		const readerUrl = `${baseUrl}/articles/${slug}`;
		// Rendered once and kept, as the page is for every visitor after the first.
		await fetch(readerUrl);
		const { reader, floor: bare } = await measure(
			browser,
			readerUrl,
			floorUrl,
			VIEWPORTS.laptop,
			'#p2 .zh ruby'
		);
		const phone = await measure(browser, readerUrl, floorUrl, VIEWPORTS.phone);
		const sum = (t: Tally, k: 'raw' | 'gzip') => Object.values(t).reduce((n, b) => n + b[k], 0);
		console.log(`\nReader page /articles/${slug} vs the floor`);
		console.log(`  the floor holds: ${FLOOR_HOLDS}`);
		console.log('  reader: a first visit without saved words, columns by when each response was asked for');
		table([
			['', 'on load raw', 'on load gzip', '+ idle gzip', '+ first tap gzip', 'floor raw', 'floor gzip'],
			...(['html', 'css', 'js', 'other'] as const).map((k) => [
				k.toUpperCase(),
				kb(reader.bytes.load[k].raw),
				kb(reader.bytes.load[k].gzip),
				kb(reader.bytes.idle[k].gzip),
				kb(reader.bytes.tap[k].gzip),
				kb(bare.bytes.load[k].raw),
				kb(bare.bytes.load[k].gzip)
			]),
			[
				'total',
				kb(sum(reader.bytes.load, 'raw')),
				kb(sum(reader.bytes.load, 'gzip')),
				kb(sum(reader.bytes.idle, 'gzip')),
				kb(sum(reader.bytes.tap, 'gzip')),
				kb(sum(bare.bytes.load, 'raw')),
				kb(sum(bare.bytes.load, 'gzip'))
			]
		]);
		const onLoad = sum(reader.bytes.load, 'gzip');
		const floorBytes = sum(bare.bytes.load, 'gzip');
		const afterTap = onLoad + sum(reader.bytes.idle, 'gzip') + sum(reader.bytes.tap, 'gzip');
		const page = await (await fetch(readerUrl)).text();
		const site = /data-site="([^"]+)"/.exec(page)?.[1];
		const siteBytes = site ? await fetchGzip(new URL(site, baseUrl).href) : 0;
		const countsBytes = await fetchGzip(`${readerUrl}/word-counts.json`);
		console.log(
			`  "+ idle": what follows without a touch when the browser is idle after the load event (the reader's script,` +
				` then the word and glossary data it prefetches 3 s later);` +
				` "+ first tap": a tap on a word of paragraph 2, until its popover has its data (${IDLE_MS / 1000} s after load)`
		);
		console.log(
			`  a learner with saved words also loads on load the site script (${kb(siteBytes)}) and the text's word counts (${kb(countsBytes)})`
		);
		const ms = (n: number) => `${Math.round(n).toLocaleString('en')} ms`;
		console.log(
			`  ratios (the goal is judged on bytes on load): bytes on load (gzip) ${(onLoad / floorBytes).toFixed(2)}× (aim ≤ 1.5×);` +
				` after the first tap ${(afterTap / floorBytes).toFixed(2)}×`
		);
		console.log(
			`  LCP, 4× CPU throttling, ${RUNS} cold loads of each page, in pairs taken in turn (goal < 2,500 ms, and a ratio` +
				` ≤ 1.0×: no later than the floor; the interval is the ratio's 90% bootstrap interval over the pairs):`
		);
		const lcpRows: (string | number)[][] = [
			[
				'screen',
				'reader median (quartiles)',
				'floor median (quartiles)',
				'ratio (90% interval)',
				'reader no later'
			]
		];
		for (const [screen, figures] of [
			[`laptop ${VIEWPORTS.laptop.width}×${VIEWPORTS.laptop.height}`, { reader, floor: bare }],
			[`phone ${VIEWPORTS.phone.width}×${VIEWPORTS.phone.height}`, phone]
		] as const) {
			const lcp = lcpFigures(figures.reader.lcps, figures.floor.lcps);
			const spread = (s: typeof lcp.reader) => `${ms(s.median)} (${ms(s.q1)}–${ms(s.q3)})`;
			lcpRows.push([
				screen,
				spread(lcp.reader),
				spread(lcp.floor),
				`${lcp.ratio.toFixed(2)}× (${lcp.low.toFixed(2)}–${lcp.high.toFixed(2)})`,
				`in ${lcp.pairsAhead} of ${RUNS} pairs`
			]);
		}
		table(lcpRows);
		const slow = await firstTapOnSlowNetwork(browser, readerUrl);
		console.log(
			`  a tap on a word the moment the page has loaded, on a slow network (${SLOW_NETWORK.name}: ${SLOW_NETWORK.latency} ms,` +
				` ${SLOW_NETWORK.downloadThroughput / 125_000} Mbit/s down), median of ${SLOW_RUNS}:` +
				` popover open ${ms(slow.open)}, with the word's entry ${ms(slow.complete)}` +
				` (the reader's script, its parts and the word data all come after the tap)`
		);
	} finally {
		server.close();
	}
}

/** Chromium's "Slow 4G" preset (DevTools), in bytes per second. */
const SLOW_NETWORK = {
	name: 'Slow 4G',
	latency: 150,
	downloadThroughput: 1_600_000 / 8,
	uploadThroughput: 750_000 / 8
};
const SLOW_RUNS = 5;

/**
 * A reader who taps a word of paragraph 2 as soon as the page has loaded, on a slow network: the time until the
 * popover is open, and until it shows the word's entry (its loading note gone). Medians of cold loads.
 */
async function firstTapOnSlowNetwork(
	browser: Browser,
	readerUrl: string
): Promise<{ open: number; complete: number }> {
	const open: number[] = [];
	const complete: number[] = [];
	for (let run = 0; run < SLOW_RUNS; run++) {
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
		const page = await context.newPage();
		const cdp = await context.newCDPSession(page);
		await cdp.send('Network.enable');
		await cdp.send('Network.emulateNetworkConditions', { offline: false, ...SLOW_NETWORK });
		await page.goto(readerUrl, { waitUntil: 'load' });
		const tapped = Date.now();
		await page.locator('#p2 .zh ruby').nth(3).click();
		await page.locator('#word-popover').waitFor({ state: 'visible' });
		open.push(Date.now() - tapped);
		await page.waitForFunction(() => {
			const popover = document.getElementById('word-popover');
			const status = popover?.querySelector('[data-slot="status"]');
			return !!popover?.matches(':popover-open') && !!status && !status.textContent?.trim();
		});
		complete.push(Date.now() - tapped);
		await context.close();
	}
	return { open: median(open), complete: median(complete) };
}
