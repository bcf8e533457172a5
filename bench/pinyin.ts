/**
 * Pinyin and segmentation figures: the engine's accuracy on the held-out 20 % of the CPP development split beside
 * pinyin-pro alone, milliseconds per sentence for both, the memory the engine adds to a server process, how many
 * of the proofread overrides the engine alone no longer needs, and the seed article's share of tokens segmented as
 * whole dictionary words by maximum matching and by jieba.
 */
import { execFileSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { customPinyin, pinyin } from 'pinyin-pro';
import { measureCoverage, segmentArticle, segmenterLexicon, type Dictionary } from '$lib/dictionary';
import { parseArticle, parseGlossary, parsePinyinOverrides } from '$lib/content/validate';
import { baseReadings } from '$lib/pinyin/engine';
import { getJieba, loadPinyinEngine, numberedOverrides } from '$lib/server/pinyin';
import { isHeldOut, readCpp } from '../build-tools/pinyin/cpp';
import { ROOT, table } from './lib';

const read = (f: string) => readFileSync(join(ROOT, f), 'utf8');
const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(2)} %`;
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

function accuracy() {
	customPinyin({}); // pinyin-pro as it comes, no overrides registered
	const engine = loadPinyinEngine();
	const items = readCpp('dev').filter((x) => isHeldOut(x.line));
	engine.read(items[0]!.text); // load the segmenter before timing
	const base = items.filter((x) => baseReadings(x.text)[x.at] === x.label).length;
	let right = 0;
	let unsure = 0;
	let unsureWrong = 0;
	for (const x of items) {
		const r = engine.read(x.text)[x.at]!;
		if (r.p === x.label) right++;
		if (!r.sure) {
			unsure++;
			if (r.p !== x.label) unsureWrong++;
		}
	}
	const sure = items.length - unsure;
	const sureRight = right - (unsure - unsureWrong);
	// Timed on a shared machine: each way five times, interleaved; the fastest pass counts, in wall-clock time and
	// in this process's CPU time (which other processes on the machine disturb less).
	const ways = {
		all: (text: string) => pinyin(text, { type: 'all', toneType: 'symbol' }),
		array: (text: string) => pinyin(text, { type: 'array', toneType: 'num' }),
		engine: (text: string) => engine.read(text)
	};
	type Way = keyof typeof ways;
	const wall = { all: Infinity, array: Infinity, engine: Infinity };
	const cpu = { all: Infinity, array: Infinity, engine: Infinity };
	for (let k = 0; k < 5; k++) {
		for (const way of Object.keys(ways) as Way[]) {
			const read = ways[way];
			const t = performance.now();
			const c = process.cpuUsage();
			for (const x of items) read(x.text);
			const used = process.cpuUsage(c);
			wall[way] = Math.min(wall[way], (performance.now() - t) / items.length);
			cpu[way] = Math.min(cpu[way], (used.user + used.system) / 1000 / items.length);
		}
	}
	console.log(
		`\nPinyin on the CPP development split, held-out 20 % (${items.length} sentences; build-tools/pinyin/cpp.ts); ` +
			`load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`
	);
	const row = (name: string, accuracy: string, way: Way) => [
		name,
		accuracy,
		wall[way].toFixed(3),
		cpu[way].toFixed(3),
		`${(wall[way] / wall.array).toFixed(1)}× / ${(cpu[way] / cpu.array).toFixed(1)}×`
	];
	table([
		['', 'accuracy', 'ms / sentence', 'CPU ms / sentence', 'against the fastest call'],
		row('pinyin-pro 3.29.4 alone (type all, as the reader called it)', pct(base, items.length), 'all'),
		row('pinyin-pro 3.29.4 alone (type array, its fastest call)', pct(base, items.length), 'array'),
		row('engine (segmenter, rules, model, pinyin-pro)', pct(right, items.length), 'engine')
	]);
	console.log(
		`  the engine marks ${pct(unsure, items.length)} of these readings unsure; ${unsureWrong} of its ${items.length - right} errors are among them\n` +
			`  sure readings right: ${pct(sureRight, sure)} (${sure}); unsure readings right: ${pct(unsure - unsureWrong, unsure)} (${unsure})`
	);
}

function memory() {
	const run = (mode: string) =>
		JSON.parse(
			execFileSync(
				process.execPath,
				['--expose-gc', join(ROOT, 'scripts/run-ts.mjs'), 'bench/pinyin-memory.ts', mode],
				{
					cwd: ROOT,
					encoding: 'utf8'
				}
			)
		) as { rss: number; heap: number; external: number };
	const none = run('none');
	const engine = run('engine');
	console.log(
		'\nMemory of a Node process with and without the pinyin engine (data, jieba and its dictionaries)'
	);
	table([
		['', 'rss', 'JS heap', 'external'],
		['without', mb(none.rss), mb(none.heap), mb(none.external)],
		['with the engine', mb(engine.rss), mb(engine.heap), mb(engine.external)],
		[
			'difference',
			mb(engine.rss - none.rss),
			mb(engine.heap - none.heap),
			mb(engine.external - none.external)
		]
	]);
}

function overrides() {
	customPinyin({});
	const list = parsePinyinOverrides('content/pinyin-overrides.yaml', read('content/pinyin-overrides.yaml'));
	const engine = loadPinyinEngine();
	const numbered = numberedOverrides(list);
	const needed: string[] = [];
	list.forEach((o, k) => {
		const chars = [...o.example];
		const word = [...o.word];
		const at = chars.findIndex((_, i) => word.every((c, j) => chars[i + j] === c));
		const got = engine
			.read(o.example)
			.slice(at, at + word.length)
			.map((r) => r.p)
			.join(' ');
		if (got !== numbered[k]!.syllables.join(' ')) needed.push(`${o.word} (${got})`);
	});
	console.log(
		`\nProofread overrides the engine alone no longer needs: ${list.length - needed.length} of ${list.length}; still needed: ${needed.join(', ') || 'none'}`
	);
}

function segmentation(dictionary: Dictionary, slug: string) {
	const glossary = parseGlossary('content/glossary.yaml', read('content/glossary.yaml'));
	const article = parseArticle(`content/articles/${slug}.yaml`, read(`content/articles/${slug}.yaml`));
	const jieba = getJieba();
	const rows: (string | number)[][] = [['segmenter', 'tokens', 'whole words', 'in single-character runs']];
	let runs = '';
	for (const [name, cut] of [
		['maximum matching', undefined],
		['jieba + CC-CEDICT', (run: string) => jieba.cut(run, false)]
	] as const) {
		const tokens = Object.values(segmentArticle(article, segmenterLexicon(dictionary, glossary, cut))).flat();
		const c = measureCoverage(tokens, dictionary);
		rows.push([name, c.total, pct(c.strictShare * c.total, c.total), c.inRuns]);
		runs = c.singleCharRuns.map((u) => `${u.form}×${u.count}`).join(' ');
	}
	console.log(`\nSegmentation of /articles/${slug} (glossary terms first, then the segmenter)`);
	table(rows);
	console.log(`  still falling apart with jieba: ${runs || 'none'}`);
}

/** Print the pinyin engine's and the segmenter's figures. */
export function benchPinyin(dictionary: Dictionary, slug: string): void {
	accuracy();
	overrides();
	memory();
	segmentation(dictionary, slug);
}
