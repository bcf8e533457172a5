/**
 * Translation memory lookup: a memory of 100,000 generated Chinese–English segments (clauses of the seed article
 * recombined, so the characters and their bigrams are real Chinese), then fuzzy lookups of the article's own
 * sentences with one to three characters changed, as the workspace makes them. Prints the index build time and the
 * lookup latency (median, 95th percentile, slowest; the aim is a 95th percentile ≤ 30 ms).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArticle, segmentsWithPaths } from '$lib/content/validate';
import { MemoryIndex, type MemoryEntry } from '$lib/review/memory';
import { ROOT, median, percentile, random, table } from './lib';

export const MEMORY_SIZE = 100_000;
const LOOKUPS = 1_000;

/** The seed article and its sentences, and a seeded generator with helpers to pick from lists and change characters. */
export function seedText(slug: string, seed = 42) {
	const file = `content/articles/${slug}.yaml`;
	const article = parseArticle(file, readFileSync(join(ROOT, file), 'utf8'));
	const sentences = segmentsWithPaths(article).map((s) => s.segment.zh);
	const clauses = sentences.flatMap((zh) => zh.split(/(?<=[，。；：！？、])/u)).filter((c) => c.length > 1);
	const chars = [...new Set(sentences.join(''))];
	const next = random(seed);
	const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
	/** `zh` with one to three characters replaced by others of the article. */
	const changed = (zh: string) => {
		const chs = [...zh];
		const edits = 1 + Math.floor(next() * 3);
		for (let e = 0; e < edits; e++) chs[Math.floor(next() * chs.length)] = pick(chars);
		return chs.join('');
	};
	/** A sentence of two to four clauses of the article, recombined. */
	const recombined = () => {
		const parts = 2 + Math.floor(next() * 3);
		let zh = '';
		for (let p = 0; p < parts; p++) zh += pick(clauses);
		return zh;
	};
	return { article, sentences, next, pick, changed, recombined };
}

/** `size` generated memory entries (recombined clauses, English "English <n>"). */
export function generatedMemory(
	text: ReturnType<typeof seedText>,
	size = MEMORY_SIZE
): MemoryEntry<number>[] {
	return Array.from({ length: size }, (_, i) => ({ zh: text.recombined(), en: `English ${i}`, origin: i }));
}

export function benchMemory(slug: string): void {
	const text = seedText(slug);
	const entries = generatedMemory(text);
	const started = performance.now();
	const index = new MemoryIndex(entries);
	const buildMs = performance.now() - started;

	const times: number[] = [];
	let found = 0;
	for (let i = 0; i < LOOKUPS; i++) {
		const query = text.changed(text.pick(text.sentences));
		const t = performance.now();
		if (index.lookup(query).length) found++;
		times.push(performance.now() - t);
	}
	times.sort((a, b) => a - b);
	console.log(
		`\nTranslation memory: fuzzy lookup in ${MEMORY_SIZE.toLocaleString('en')} generated segments (${LOOKUPS} lookups of changed article sentences)`
	);
	table([
		['index build ms', 'lookup median ms', 'p95 ms', 'slowest ms', 'with a match'],
		[
			buildMs.toFixed(0),
			median(times).toFixed(2),
			percentile(times, 0.95).toFixed(2),
			times.at(-1)!.toFixed(2),
			`${found}/${LOOKUPS}`
		]
	]);
}
