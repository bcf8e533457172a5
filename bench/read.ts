/**
 * /read: server time to read and render a pasted text of 2,000, 20,000 and 50,000 characters (the seed text
 * repeated; median of 3 posts on loopback after one warm-up, so the time is the server's), and the page's
 * gzipped bytes (HTML, stylesheet and the reader's script) beside a floor page holding only the same text's
 * ruby; and the word data the script fetches on the first tap (POST /read/words.json), which the page no
 * longer carries. Figures only. (/read allows 20 posts at once per client: this makes 12, and 3 for words.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildArticle, detectBlocks } from '$lib/import';
import { parseGlossary, parsePinyinOverrides } from '$lib/content/validate';
import { createAnnotator } from '$lib/content/annotate';
import { articleSegments } from '$lib/content/walk';
import { applyPinyinOverrides } from '$lib/pinyin/annotate';
import { escapeHtml } from '$lib/reader/markup';
import { ROOT, kb, median, rubyHtml, table } from './lib';

const SIZES = [2_000, 20_000, 50_000];
const RUNS = 3;

/** A text of exactly `length` characters: the seed's body, repeated, cut at the length. */
function textOf(length: number): string {
	const seed = readFileSync(join(ROOT, 'src/lib/import/testdata/beilun-seed.txt'), 'utf8').trim();
	let text = '';
	while (text.length < length) text += `${seed}\n\n`;
	return [...text].slice(0, length).join('');
}

/** The floor: the same text's ruby (title as h1, every other block a paragraph), and nothing else. */
function floorHtml(text: string): string {
	const read = (f: string) => readFileSync(join(ROOT, f), 'utf8');
	applyPinyinOverrides(
		parsePinyinOverrides('content/pinyin-overrides.yaml', read('content/pinyin-overrides.yaml'))
	);
	const annotate = createAnnotator(parseGlossary('content/glossary.yaml', read('content/glossary.yaml')));
	const article = annotate(buildArticle(detectBlocks(text), { slug: 'read' }).article);
	const body = articleSegments(article)
		.map((s) => `<p lang="zh-Hans">${s.zhRuns.map((r) => rubyHtml(r.chars)).join('')}</p>`)
		.join('');
	return `<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>${escapeHtml(article.title.zh)}</title></head><body>${body}</body></html>`;
}

const gz = (s: string | Uint8Array) => gzipSync(s, { level: 6 }).length;

async function post(url: string, text: string): Promise<{ ms: number; html: string; status: number }> {
	const form = new FormData();
	form.set('text', text);
	const started = performance.now();
	const response = await fetch(`${url}/read`, {
		method: 'POST',
		body: form,
		headers: { origin: url, accept: 'text/html' }
	});
	const html = await response.text();
	return { ms: performance.now() - started, html, status: response.status };
}

/**
 * The gzipped bytes of what the page loads with it: the stylesheets it links to and its scripts (the boot script;
 * the reader's script comes after first paint, on interaction or at idle, and is reported apart).
 */
async function stylesheets(url: string, html: string): Promise<number> {
	const hrefs = [
		...[...html.matchAll(/<link href="([^"]+)" rel="stylesheet">/g)].map((m) => m[1]!),
		...[...html.matchAll(/<script type="module" src="([^"]+)"/g)].map((m) => m[1]!)
	];
	let bytes = 0;
	for (const href of hrefs)
		bytes += gz(new Uint8Array(await (await fetch(new URL(href, `${url}/read`))).arrayBuffer()));
	return bytes;
}

/** The word data of a text, as the reader's script fetches it on the first tap. */
async function wordsBytes(url: string, text: string): Promise<number> {
	const form = new FormData();
	form.set('text', text);
	const response = await fetch(`${url}/read/words.json`, {
		method: 'POST',
		body: form,
		headers: { origin: url }
	});
	return gz(new Uint8Array(await response.arrayBuffer()));
}

export async function benchRead(url: string): Promise<void> {
	console.log('\n/read: a pasted text read and rendered by the server');
	const script = new Uint8Array(await (await fetch(`${url}/js/reader.js`)).arrayBuffer());
	console.log(
		`  bytes on load: HTML, stylesheets and the boot script; the reader's script (${kb(gz(script))}) follows on the` +
			` first interaction or at idle, and the word data on the first tap (last column). The floor holds the text's ruby only.`
	);
	console.log(
		`  "from the form": the HTML alone against the floor, as when the page comes from /read's form, which loaded the` +
			` same stylesheets and boot script (immutable URLs) — the only way to reach a result page, which answers a post`
	);
	const rows: (string | number)[][] = [
		[
			'characters',
			'status',
			'server ms (median)',
			'HTML gzip',
			'on load gzip',
			'floor gzip',
			'ratio',
			'from the form',
			'words on first tap gzip'
		]
	];
	for (const size of SIZES) {
		const text = textOf(size);
		await post(url, text);
		const runs = [];
		for (let i = 0; i < RUNS; i++) runs.push(await post(url, text));
		const html = gz(runs[0]!.html);
		const page = html + (await stylesheets(url, runs[0]!.html));
		const floor = gz(floorHtml(text));
		rows.push([
			size.toLocaleString('en'),
			runs[0]!.status,
			median(runs.map((r) => r.ms)).toFixed(0),
			kb(html),
			kb(page),
			kb(floor),
			`${(page / floor).toFixed(2)}× (${((page + gz(script)) / floor).toFixed(2)}× with the script)`,
			`${(html / floor).toFixed(2)}×`,
			kb(await wordsBytes(url, text))
		]);
	}
	table(rows);
}
