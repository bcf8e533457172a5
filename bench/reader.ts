/**
 * Reader page weight and Largest Contentful Paint, beside a floor: a bare HTML page holding only the
 * article's text, ruby and translation. Bytes are response bodies as served and gzipped (level 6, what a
 * compressing proxy sends); LCP is the median of several cold loads with 4× CPU throttling.
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
import { ROOT, kb, median, rubyHtml, table } from './lib';

const RUNS = 5;

/** The floor: the article's text, ruby and translation, and nothing else. */
export function floorHtml(slug: string): string {
	const read = (f: string) => readFileSync(join(ROOT, f), 'utf8');
	applyPinyinOverrides(
		parsePinyinOverrides('content/pinyin-overrides.yaml', read('content/pinyin-overrides.yaml'))
	);
	const annotate = createAnnotator(parseGlossary('content/glossary.yaml', read('content/glossary.yaml')));
	const article = annotate(
		parseArticle(`content/articles/${slug}.yaml`, read(`content/articles/${slug}.yaml`))
	);
	const pair = (segs: { zhRuns: { chars: Parameters<typeof rubyHtml>[0] }[]; en: string }[], tag: string) =>
		`<${tag} lang="zh-Hans">${segs.map((s) => s.zhRuns.map((r) => rubyHtml(r.chars)).join('')).join('')}</${tag}>` +
		`<${tag} lang="en">${escapeHtml(segs.map((s) => s.en).join(' '))}</${tag}>`;
	const body = [pair([article.title], 'h1')];
	for (const b of article.blocks)
		if (b.type !== 'gap') body.push(pair(b.segments, b.type === 'heading' ? 'h2' : 'p'));
	return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(article.title.en)}</title></head><body>${body.join('')}</body></html>`;
}

interface PageFigures {
	bytes: Record<'html' | 'css' | 'js' | 'other', { raw: number; gzip: number }>;
	lcp: number;
}

async function measure(browser: Browser, url: string): Promise<PageFigures> {
	const lcps: number[] = [];
	let bytes: PageFigures['bytes'] | undefined;
	for (let run = 0; run < RUNS; run++) {
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
		const page = await context.newPage();
		const cdp = await context.newCDPSession(page);
		await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
		const tally: PageFigures['bytes'] = {
			html: { raw: 0, gzip: 0 },
			css: { raw: 0, gzip: 0 },
			js: { raw: 0, gzip: 0 },
			other: { raw: 0, gzip: 0 }
		};
		const pending: Promise<void>[] = [];
		page.on('response', (response) =>
			pending.push(
				response
					.body()
					.then((body) => {
						const type = response.headers()['content-type'] ?? '';
						const kind = type.includes('html')
							? 'html'
							: type.includes('css')
								? 'css'
								: type.includes('javascript')
									? 'js'
									: 'other';
						tally[kind].raw += body.length;
						tally[kind].gzip += gzipSync(body, { level: 6 }).length;
					})
					.catch(() => {})
			)
		);
		await page.goto(url, { waitUntil: 'load' });
		await page.waitForTimeout(300);
		const lcp = await page.evaluate(
			() =>
				new Promise<number>((resolve) => {
					new PerformanceObserver((list) => {
						const entries = list.getEntries();
						resolve(entries[entries.length - 1]!.startTime);
					}).observe({ type: 'largest-contentful-paint', buffered: true });
				})
		);
		await Promise.all(pending);
		lcps.push(lcp);
		bytes ??= tally;
		await context.close();
	}
	return { bytes: bytes!, lcp: median(lcps) };
}

export async function benchReader(browser: Browser, baseUrl: string, slug: string): Promise<void> {
	const floor = floorHtml(slug);
	const server = createServer((_, res) =>
		res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(floor)
	);
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	const address = server.address();
	const floorUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
	try {
		const reader = await measure(browser, `${baseUrl}/articles/${slug}`);
		const bare = await measure(browser, floorUrl);
		const total = (f: PageFigures, k: 'raw' | 'gzip') => Object.values(f.bytes).reduce((n, b) => n + b[k], 0);
		console.log(`\nReader page /articles/${slug} vs the floor (bare HTML: text, ruby, translation)`);
		table([
			['', 'reader raw', 'reader gzip', 'floor raw', 'floor gzip'],
			...(['html', 'css', 'js', 'other'] as const).map((k) => [
				k.toUpperCase(),
				kb(reader.bytes[k].raw),
				kb(reader.bytes[k].gzip),
				kb(bare.bytes[k].raw),
				kb(bare.bytes[k].gzip)
			]),
			[
				'total',
				kb(total(reader, 'raw')),
				kb(total(reader, 'gzip')),
				kb(total(bare, 'raw')),
				kb(total(bare, 'gzip'))
			]
		]);
		const byteRatio = total(reader, 'gzip') / total(bare, 'gzip');
		const lcpRatio = reader.lcp / bare.lcp;
		const ms = (n: number) => `${Math.round(n).toLocaleString('en')} ms`;
		console.log(
			`  LCP, 4× CPU throttling, median of ${RUNS} cold loads: reader ${ms(reader.lcp)} (goal < 2,500 ms: ${reader.lcp < 2500 ? 'met' : 'not met'}), floor ${ms(bare.lcp)}`
		);
		console.log(
			`  ratios: bytes (gzip) ${byteRatio.toFixed(2)}× (aim ≤ 1.5×), LCP ${lcpRatio.toFixed(2)}× (aim ≤ 1.0×: no later than the floor)`
		);
	} finally {
		server.close();
	}
}
