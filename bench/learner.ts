/**
 * Learner features: what loading the dictionary costs, how much of the article the dictionary and glossary know, what the word markup costs
 * (per-word <ruby> against the alternatives), the per-article dictionary payload, server lookup latency, and
 * how fast a word popover opens in Chromium.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';
import { createAnnotator } from '$lib/content/annotate';
import { parseArticle, parseGlossary, parsePinyinOverrides } from '$lib/content/validate';
import { applyPinyinOverrides } from '$lib/pinyin/annotate';
import {
	buildSearchIndex,
	measureCoverage,
	search,
	segmentArticle,
	segmenterLexicon,
	type Dictionary
} from '$lib/dictionary';
import { segmentPieces, zhSegmentHtml } from '$lib/reader/markup';
import { loadDictionary } from './dictionary';
import { ROOT, kb, median, rubyHtml, table } from './lib';
import { articleSegments } from '$lib/content/walk';

const read = (f: string) => readFileSync(join(ROOT, f), 'utf8');
const gz = (text: string) => gzipSync(Buffer.from(text), { level: 6 }).length;
const QUERIES = [
	'港城',
	'高质量发展',
	'發展',
	'gangcheng',
	'gǎngchéng',
	'gang3 cheng2',
	'fazhan',
	'port',
	'development'
];

function coverage(slug: string, dictionary: Dictionary) {
	const glossary = parseGlossary('content/glossary.yaml', read('content/glossary.yaml'));
	const article = parseArticle(`content/articles/${slug}.yaml`, read(`content/articles/${slug}.yaml`));
	const tokens = segmentArticle(article, segmenterLexicon(dictionary, glossary));
	const c = measureCoverage(Object.values(tokens).flat(), dictionary);
	console.log(`\nDictionary coverage of /articles/${slug} (CC-CEDICT + supplement + glossary)`);
	console.log(
		`  ${(c.share * 100).toFixed(2)}% of ${c.total} Chinese tokens known (${(c.strictShare * 100).toFixed(2)}% as whole words; ${c.inRuns} tokens in single-character runs)`
	);
	const list = (items: { form: string; count: number }[]) =>
		items.length ? items.map((u) => `${u.form}×${u.count}`).join(' ') : 'none';
	console.log(`  not found: ${list(c.unknown)}`);
	console.log(`  single-character runs (names or terms the lexicon lacks): ${list(c.singleCharRuns)}`);
	return { glossary, article, tokens };
}

/** The article's Chinese markup three ways: one <ruby> per run (no words), per word (chosen), span per word. */
function markupCost(parts: ReturnType<typeof coverage>) {
	applyPinyinOverrides(
		parsePinyinOverrides('content/pinyin-overrides.yaml', read('content/pinyin-overrides.yaml'))
	);
	const annotated = createAnnotator(parts.glossary)(parts.article);
	const ways = { runs: '', rubyPerWord: '', spanPerWord: '' };
	for (const s of articleSegments(annotated)) {
		const tokens = parts.tokens[s.id];
		ways.runs += zhSegmentHtml(s.zhRuns);
		ways.rubyPerWord += zhSegmentHtml(s.zhRuns, { tokens });
		ways.spanPerWord += segmentPieces(s.zhRuns, tokens)
			.map((p) =>
				p.kind === 'word'
					? `<span class="w">${rubyHtml(p.chars)}</span>`
					: zhSegmentHtml([{ term: p.kind === 'term' ? p.id : null, chars: p.chars }])
			)
			.join('');
	}
	console.log('\nWord markup: the article’s Chinese as served (the words are tappable either way)');
	table([
		['', 'raw', 'gzip', 'gzip vs no words'],
		...Object.entries(ways).map(([k, html]) => [
			k === 'runs'
				? 'no word boundaries (before)'
				: k === 'rubyPerWord'
					? '<ruby> per word (chosen)'
					: '<span class="w"> per word',
			kb(html.length),
			kb(gz(html)),
			`+${kb(gz(html) - gz(ways.runs))}`
		])
	]);
}

function lookupLatency(dictionary: Dictionary) {
	const started = performance.now();
	const index = buildSearchIndex(dictionary, true);
	const indexMs = performance.now() - started;
	const rows = QUERIES.map((q) => {
		search(index, q, 20);
		const times: number[] = [];
		for (let i = 0; i < 30; i++) {
			const t = performance.now();
			search(index, q, 20);
			times.push((performance.now() - t) * 1000);
		}
		return [q, `${median(times).toFixed(0)} µs`, String(search(index, q, 20).length)];
	});
	console.log(`\nServer lookup (in process, search index built in ${indexMs.toFixed(0)} ms), median of 30`);
	table([['query', 'median', 'results'], ...rows]);
}

async function payload(baseUrl: string, slug: string) {
	const sizes = await Promise.all(
		['words.json', 'glossary.json'].map(async (f) => {
			const text = await (await fetch(`${baseUrl}/articles/${slug}/${f}`)).text();
			return [f, kb(Buffer.byteLength(text)), kb(gz(text))];
		})
	);
	console.log('\nPer-article popover data, fetched once on first interest (aim: dictionary ≤ 50 KB gzip)');
	table([['', 'raw', 'gzip'], ...sizes]);
}

/** Click a word, then wait for the frame that shows the popover; the median over many words. */
async function popoverLatency(browser: Browser, baseUrl: string, slug: string) {
	const rows: string[][] = [];
	for (const rate of [1, 4]) {
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
		const page = await context.newPage();
		const cdp = await context.newCDPSession(page);
		await page.goto(`${baseUrl}/articles/${slug}`, { waitUntil: 'load' });
		// The reader's first sign of interest fetches the words; then every popover opens from memory.
		const loaded = page.waitForResponse((r) => r.url().endsWith('/words.json'));
		await page.locator('.zh [data-seg] ruby').first().hover();
		await loaded;
		await page.waitForTimeout(200);
		await cdp.send('Emulation.setCPUThrottlingRate', { rate });
		const times = await page.evaluate(async () => {
			const words = [...document.querySelectorAll<HTMLElement>('.zh [data-seg] ruby')].filter(
				(_, i) => i % 37 === 0
			);
			const popover = document.getElementById('word-popover')!;
			const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
			const out: { handler: number; frame: number; repaint: number }[] = [];
			for (const word of words.slice(0, 40)) {
				word.scrollIntoView({ block: 'center' });
				await frame();
				// The floor: the next painted frame after merely repainting the word (no popover, no script).
				let t0 = performance.now();
				word.style.backgroundColor = '#fff3b0';
				await frame();
				const repaint = performance.now() - t0;
				word.style.backgroundColor = '';
				await frame();
				t0 = performance.now();
				word.click();
				const handler = performance.now() - t0;
				if (!popover.matches(':popover-open')) throw new Error('the popover did not open');
				// The next frame: style, layout and paint of the open popover.
				await frame();
				out.push({ handler, frame: performance.now() - t0, repaint });
				popover.hidePopover();
				await frame();
			}
			return out;
		});
		const mid = (k: 'handler' | 'frame' | 'repaint') => median(times.map((t) => t[k])).toFixed(1);
		rows.push([
			`${rate}×`,
			`${mid('handler')} ms`,
			`${mid('frame')} ms`,
			`${mid('repaint')} ms`,
			String(times.length)
		]);
		await context.close();
	}
	console.log('\nWord popover in Chromium: click to visible (aim: one frame, ≤ 16 ms)');
	console.log('  (headless, software raster: "floor" is the same wait after only repainting the word)');
	table([['CPU', 'click handler', 'click → next frame painted', 'floor: repaint only', 'words'], ...rows]);
}

/** Load the dictionary as the server does, and say what that cost. */
function timedDictionary(): Dictionary {
	const heap = process.memoryUsage().heapUsed;
	const started = performance.now();
	const dictionary = loadDictionary();
	const ms = performance.now() - started;
	const mb = (process.memoryUsage().heapUsed - heap) / 1048576;
	console.log('\nDictionary load (CC-CEDICT + HSK lists + supplement, in process)');
	console.log(
		`  ${ms.toFixed(0)} ms, heap +${mb.toFixed(1)} MB; ${dictionary.entries.length} entries, ${dictionary.hsk.size} HSK words`
	);
	return dictionary;
}

export async function benchLearner(browser: Browser, baseUrl: string, slug: string): Promise<void> {
	const dictionary = timedDictionary();
	const parts = coverage(slug, dictionary);
	markupCost(parts);
	await payload(baseUrl, slug);
	lookupLatency(dictionary);
	await popoverLatency(browser, baseUrl, slug);
}
