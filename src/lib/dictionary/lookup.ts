/**
 * Dictionary search for /dictionary?q=: a Chinese word (exact, then words containing it), pinyin in any spelling
 * (tone marks, tone numbers or none; spaced or not), or English (words of the definitions, exact senses first).
 * The index is built once per dictionary; a query then touches only its postings.
 */
import { isMinorEntry, isProperNoun } from './lexicon';
import { wordExtract } from './extract';
import { hasToneInfo, looksLikePinyin, toneSequence, tonelessKey } from './pinyin';
import type { Dictionary, LookupResult } from './types';

const HAN = /\p{Script=Han}/u;

/** Lookup maps over a dictionary. */
export interface SearchIndex {
	readonly dictionary: Dictionary;
	/** Entry indices by toneless pinyin key ("gangcheng"). */
	readonly byPinyin: ReadonlyMap<string, readonly number[]>;
	/** The pinyin keys, sorted, for prefix search. */
	readonly pinyinKeys: readonly string[];
	/** Entry indices by character (simplified and traditional), for "words containing". */
	readonly byChar: ReadonlyMap<string, readonly number[]>;
	/** Entry indices by English word of their definitions. */
	readonly byEnglishWord: ReadonlyMap<string, readonly number[]>;
	/** Entry indices by whole normalised definition ("develop", "port"), for exact-sense matches. */
	readonly byDefinition: ReadonlyMap<string, readonly number[]>;
	/** Tie-break weight per entry: HSK words up, variants and cross-references down. */
	readonly quality: Float32Array;
}

/** A definition reduced for comparison: lower case, no parentheses, brackets or Chinese, no leading "to"/"a"/"the". */
export function normaliseDefinition(definition: string): string {
	return definition
		.toLowerCase()
		.replace(/\([^)]*\)/g, ' ')
		.replace(/\[[^\]]*\]/g, ' ')
		.replace(/[^\p{Script=Latin}\p{N}'\s-]+/gu, ' ')
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/^(?:to|a|an|the) /, '');
}

/** The English words of a text, lower case (bracketed pinyin and Chinese dropped). */
export function englishWords(text: string): string[] {
	return (
		text
			.toLowerCase()
			.replace(/\[[^\]]*\]/g, ' ')
			.match(/[a-z0-9]+(?:'[a-z]+)?/g) ?? []
	);
}

function push(map: Map<string, number[]>, key: string, i: number) {
	const list = map.get(key);
	if (!list) map.set(key, [i]);
	else if (list[list.length - 1] !== i) list.push(i);
}

/** Build the search index (once per dictionary; a few hundred milliseconds for CC-CEDICT). */
export function buildSearchIndex(dictionary: Dictionary): SearchIndex {
	const byPinyin = new Map<string, number[]>();
	const byChar = new Map<string, number[]>();
	const byEnglishWord = new Map<string, number[]>();
	const byDefinition = new Map<string, number[]>();
	const quality = new Float32Array(dictionary.entries.length);
	dictionary.entries.forEach((e, i) => {
		push(byPinyin, tonelessKey(e.pinyinNumbered), i);
		for (const c of new Set([...e.simplified, ...e.traditional])) push(byChar, c, i);
		for (const d of e.definitions) {
			if (d.startsWith('CL:')) continue;
			const norm = normaliseDefinition(d);
			if (norm) push(byDefinition, norm, i);
			for (const w of englishWords(d)) push(byEnglishWord, w, i);
		}
		const hsk = dictionary.hsk.get(e.simplified);
		quality[i] =
			(hsk ? (7 - hsk) * 10 : 0) -
			(isMinorEntry(e) ? 50 : 0) -
			(isProperNoun(e) ? 10 : 0) +
			(e.source === 'supplement' ? 5 : 0) -
			[...e.simplified].length;
	});
	return {
		dictionary,
		byPinyin,
		pinyinKeys: [...byPinyin.keys()].sort(),
		byChar,
		byEnglishWord,
		byDefinition,
		quality
	};
}

type Match = LookupResult['match'];

/** Collects scored entries, one result per simplified headword (its best score). */
class Results {
	private best = new Map<string, { score: number; match: Match }>();
	constructor(private index: SearchIndex) {}
	add(i: number, score: number, match: Match) {
		const e = this.index.dictionary.entries[i]!;
		const total = score + this.index.quality[i]!;
		const prev = this.best.get(e.simplified);
		if (!prev || total > prev.score) this.best.set(e.simplified, { score: total, match });
	}
	get size() {
		return this.best.size;
	}
	top(limit: number): LookupResult[] {
		return [...this.best]
			.sort((a, b) => b[1].score - a[1].score || a[0].length - b[0].length || a[0].localeCompare(b[0]))
			.slice(0, limit)
			.map(([form, { score, match }]) => ({ entry: wordExtract(this.index.dictionary, form), match, score }));
	}
}

function searchChinese(index: SearchIndex, query: string, results: Results) {
	const q = [...query].filter((c) => HAN.test(c)).join('');
	if (!q) return;
	for (const i of index.dictionary.bySimplified.get(q) ?? []) results.add(i, 1000, 'simplified');
	for (const i of index.dictionary.byTraditional.get(q) ?? []) results.add(i, 990, 'traditional');
	// Words containing the query: scan the postings of its rarest character.
	let rarest: readonly number[] | undefined;
	for (const c of new Set(q)) {
		const postings = index.byChar.get(c) ?? [];
		if (!rarest || postings.length < rarest.length) rarest = postings;
	}
	const qLength = [...q].length;
	for (const i of rarest ?? []) {
		const e = index.dictionary.entries[i]!;
		const form = e.simplified.includes(q) ? e.simplified : e.traditional.includes(q) ? e.traditional : null;
		if (!form || form === q) continue;
		const extra = [...form].length - qLength;
		results.add(i, 500 + (form.startsWith(q) ? 50 : 0) - 10 * extra, 'contains');
	}
}

function searchPinyin(index: SearchIndex, query: string, limit: number, results: Results) {
	const key = tonelessKey(query);
	if (!key) return;
	const tones = toneSequence(query);
	const sameTones = (i: number) => {
		const t = toneSequence(index.dictionary.entries[i]!.pinyinNumbered);
		return t.length === tones.length && t.every((x, k) => x === tones[k]);
	};
	for (const i of index.byPinyin.get(key) ?? [])
		results.add(i, tones.length ? (sameTones(i) ? 900 : 600) : 800, 'pinyin');
	if (results.size >= limit || key.length < 2) return;
	// Prefix matches (a word still being typed): the keys that start with the query, shortest first.
	let lo = 0;
	let hi = index.pinyinKeys.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (index.pinyinKeys[mid]! < key) lo = mid + 1;
		else hi = mid;
	}
	for (let k = lo, seen = 0; k < index.pinyinKeys.length && seen < 400; k++, seen++) {
		const other = index.pinyinKeys[k]!;
		if (!other.startsWith(key)) break;
		if (other === key) continue;
		for (const i of index.byPinyin.get(other) ?? []) results.add(i, 300 - 5 * (other.length - key.length), 'pinyin-prefix');
	}
}

const STOPWORDS = new Set(['to', 'a', 'an', 'the', 'of', 'and', 'or', 'in', 'on', 'for', 'be', 'is']);
const MAX_CANDIDATES = 5000;

function postingsFor(index: SearchIndex, word: string): readonly number[] {
	return (
		index.byEnglishWord.get(word) ??
		(word.endsWith('s') ? index.byEnglishWord.get(word.slice(0, -1)) : undefined) ??
		[]
	);
}

function searchEnglish(index: SearchIndex, query: string, results: Results) {
	const phrase = normaliseDefinition(query);
	if (!phrase) return;
	for (const i of index.byDefinition.get(phrase) ?? []) results.add(i, 950, 'english');
	const all = englishWords(phrase);
	const words = all.filter((w) => !STOPWORDS.has(w));
	const keys = words.length ? words : all;
	if (!keys.length) return;
	const lists = keys.map((w) => postingsFor(index, w)).sort((a, b) => a.length - b.length);
	let candidates = lists[0]!.filter((i) => lists.every((l, k) => k === 0 || binaryHas(l, i)));
	if (candidates.length > MAX_CANDIDATES)
		candidates = candidates.sort((a, b) => index.quality[b]! - index.quality[a]!).slice(0, MAX_CANDIDATES);
	const phraseRe = new RegExp(`(?:^|[^a-z0-9])${phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:$|[^a-z0-9])`);
	for (const i of candidates) {
		let best = 400;
		for (const d of index.dictionary.entries[i]!.definitions) {
			const norm = normaliseDefinition(d);
			if (norm === phrase) best = Math.max(best, 950);
			else if (phraseRe.test(norm)) {
				// The query as whole words within a sense: shorter senses say it more directly.
				const extra = englishWords(norm).length - all.length;
				best = Math.max(best, 700 - 15 * Math.min(extra, 20));
			}
		}
		results.add(i, best, 'english');
	}
}

/** Whether a sorted (ascending) list holds a value. */
function binaryHas(list: readonly number[], value: number): boolean {
	let lo = 0;
	let hi = list.length - 1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		const v = list[mid]!;
		if (v === value) return true;
		if (v < value) lo = mid + 1;
		else hi = mid - 1;
	}
	return false;
}

/**
 * Search the dictionary. Chinese queries match headwords exactly, then words containing them; Latin queries are
 * read as pinyin when they can be (with tones, only as pinyin) and as English otherwise or as well. Results are
 * one per simplified headword, best first.
 */
export function search(index: SearchIndex, query: string, limit = 20): LookupResult[] {
	const q = query.normalize('NFC').trim();
	if (!q || limit <= 0) return [];
	const results = new Results(index);
	if (HAN.test(q)) searchChinese(index, q, results);
	else {
		if (looksLikePinyin(q)) searchPinyin(index, q, limit, results);
		if (!hasToneInfo(q)) searchEnglish(index, q, results);
	}
	return results.top(limit);
}
