/**
 * The briefing: search latency over a library of 500 generated articles (clauses of the seed article
 * recombined with their pinyin, so the characters, pairs and syllables are real; the aim is a 95th percentile
 * within 50 ms), with the index's build time (the server builds it on the first search, and again when a
 * published sentence changes) and how many queries matched more documents than one query ranks; and the
 * briefing page's bytes (HTML with its inlined stylesheet, raw and gzipped; the page ships no script).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import os from 'node:os';
import { gzipSync } from 'node:zlib';
import { parseArticle, segmentsWithPaths } from '$lib/content/validate';
import { marksToNumbered } from '$lib/dictionary/pinyin';
import { annotatePinyin } from '$lib/pinyin/annotate';
import { CANDIDATE_CAP, createSearchIndex, type SearchDoc } from '$lib/search';
import { ROOT, kb, median, percentile, random, table } from './lib';

const ARTICLES = 500;
const SEGMENTS_PER_ARTICLE = 60;
const QUERIES = 600;

export async function benchBriefing(url: string, slug: string): Promise<void> {
	const file = `content/articles/${slug}.yaml`;
	const article = parseArticle(file, readFileSync(join(ROOT, file), 'utf8'));
	const segments = segmentsWithPaths(article).map((s) => s.segment);
	// Clauses with their readings, split after Chinese punctuation.
	const clauses: { zh: string; pinyin: string[] }[] = [];
	for (const s of segments) {
		let zh = '';
		let pinyin: string[] = [];
		for (const { c, p } of annotatePinyin(s.zh)) {
			zh += c;
			if (p) pinyin.push(marksToNumbered(p).toLowerCase());
			if (/[，。；：！？、]/.test(c)) {
				clauses.push({ zh, pinyin });
				zh = '';
				pinyin = [];
			}
		}
		if (zh) clauses.push({ zh, pinyin });
	}
	const english = segments.map((s) => s.en);
	const next = random(13);
	const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;

	const docs: SearchDoc[] = [];
	for (let a = 0; a < ARTICLES; a++)
		for (let s = 0; s < SEGMENTS_PER_ARTICLE; s++) {
			const parts = Array.from({ length: 2 + Math.floor(next() * 3) }, () => pick(clauses));
			docs.push({
				id: `s:${a}:${s}`,
				kind: 'sentence',
				zh: parts.map((p) => p.zh).join(''),
				en: pick(english),
				pinyin: parts.flatMap((p) => p.pinyin),
				href: `/articles/generated-${a}#seg-${s}`,
				article: `Generated ${a}`
			});
		}
	console.log(
		`\n(load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores: wall times grow with it)`
	);
	const heapBefore = process.memoryUsage().heapUsed;
	const started = performance.now();
	const index = createSearchIndex(docs);
	const buildMs = performance.now() - started;
	const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;

	// Queries as analysts type them: characters (names, terms), pinyin with and without tones, English words.
	const han = [
		'梅山',
		'北仑',
		'地区生产总值',
		'集卡',
		'投资',
		'宁波舟山港',
		'共同富裕',
		'项目',
		'甬江科创区'
	];
	const latin = [
		'meishan',
		'Méishān',
		'mei shan',
		'beilun',
		'GDP',
		'investment',
		'port',
		'common prosperity',
		'gongtong fuyu'
	];
	const queries = Array.from({ length: QUERIES }, (_, i) => (i % 2 ? pick(han) : pick(latin)));
	for (const q of queries.slice(0, 20)) index.search(q); // warm up
	// Wall time, and this process's CPU time (what the query costs when other processes share the cores).
	const times: number[] = [];
	const cpu: number[] = [];
	let results = 0;
	let capped = 0;
	for (const q of queries) {
		const c0 = process.cpuUsage();
		const t0 = performance.now();
		const found = index.search(q);
		results += found.total;
		if (found.capped) capped++;
		times.push(performance.now() - t0);
		const c = process.cpuUsage(c0);
		cpu.push((c.user + c.system) / 1000);
	}
	times.sort((x, y) => x - y);
	cpu.sort((x, y) => x - y);

	console.log(
		`\nBriefing: search over ${ARTICLES} generated articles (${docs.length.toLocaleString('en')} sentences); aim: 95th percentile ≤ 50 ms`
	);
	table([
		['', 'index build', 'index heap', 'queries', 'median', '95th pct', 'slowest', 'mean results', 'capped'],
		[
			'wall',
			`${(buildMs / 1000).toFixed(1)} s`,
			`${heapMb.toFixed(0)} MB`,
			QUERIES,
			`${median(times).toFixed(2)} ms`,
			`${percentile(times, 0.95).toFixed(2)} ms`,
			`${times.at(-1)!.toFixed(2)} ms`,
			Math.round(results / QUERIES),
			`${capped} (at ${CANDIDATE_CAP.toLocaleString('en')} candidates)`
		],
		[
			'CPU',
			'',
			'',
			'',
			`${median(cpu).toFixed(2)} ms`,
			`${percentile(cpu, 0.95).toFixed(2)} ms`,
			`${cpu.at(-1)!.toFixed(2)} ms`,
			'',
			''
		]
	]);
	if (!url) return;
	const html = await (await fetch(`${url}/articles/${slug}/briefing`)).text();
	const gz = gzipSync(html, { level: 6 }).length;

	console.log(`\nBriefing page /articles/${slug}/briefing (HTML with inlined styles; no script)`);
	table([
		['raw', 'gzip'],
		[kb(Buffer.byteLength(html)), kb(gz)]
	]);
}
