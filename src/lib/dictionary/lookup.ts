/**
 * Dictionary search for /dictionary?q=: a Chinese word (exact, then words containing it), pinyin in any spelling
 * (tone marks, tone numbers or none; spaced or not), or English (words of the definitions, exact senses first).
 * The index is built once per dictionary; a query then touches only its postings.
 */
import { addPosting, isMinorEntry, isProperNoun, postings } from './lexicon';
import { wordExtract } from './extract';
import { hasToneInfo, looksLikePinyin, toneSequence, tonelessKey } from './pinyin';
import type { Dictionary, DictionaryEntry, LookupResult, Postings } from './types';
import { hasHan } from '$lib/chinese';

/** Lookup structures over a dictionary; each part is built on first use (or all at once, see `buildSearchIndex`). */
export interface SearchIndex {
	readonly dictionary: Dictionary;
	/** Entries whose toneless pinyin key is `key` ("gangcheng"). */
	byPinyin(key: string): readonly number[];
	/** All toneless pinyin keys, sorted, for prefix search. */
	readonly pinyinKeys: readonly string[];
	/** Entries whose simplified or traditional form contains a character, ascending. */
	byChar(char: string): readonly number[];
	/** Entries with an English word in their definitions, ascending (a view on one shared array). */
	byEnglishWord(word: string): ArrayLike<number>;
	/** Tie-break weight of an entry: HSK words up, variants and cross-references down. */
	quality(index: number): number;
}

const PLAIN_DEFINITION = /^[a-z0-9' -]+$/;

/** A definition reduced for comparison: lower case, no parentheses, brackets or Chinese, no leading "to"/"a"/"the". */
export function normaliseDefinition(definition: string): string {
	const lower = definition.toLowerCase();
	const plain = PLAIN_DEFINITION.test(lower)
		? lower.trim()
		: lower
				.replace(/\([^)]*\)/g, ' ')
				.replace(/\[[^\]]*\]/g, ' ')
				.replace(/[^\p{Script=Latin}\p{N}'\s-]+/gu, ' ')
				.replace(/\s+/g, ' ')
				.trim();
	return plain.replace(/^(?:to|a|an|the) /, '');
}

/** The English words of a text, lower case (bracketed pinyin dropped). */
export function englishWords(text: string): string[] {
	const lower = text.toLowerCase();
	return (
		(lower.includes('[') ? lower.replace(/\[[^\]]*\]/g, ' ') : lower).match(/[a-z0-9]+(?:'[a-z]+)?/g) ?? []
	);
}

/** English word → entries, as one flat Int32Array of postings with offsets (far lighter than a Map of arrays). */
interface EnglishPostings {
	ids: Map<string, number>;
	start: Int32Array;
	end: Int32Array;
	postings: Int32Array;
}

function buildEnglishPostings(entries: readonly DictionaryEntry[]): EnglishPostings {
	const ids = new Map<string, number>();
	let words = new Int32Array(1 << 20);
	let owners = new Int32Array(1 << 20);
	let n = 0;
	entries.forEach((e, i) => {
		for (const d of e.definitions) {
			if (d.startsWith('CL:')) continue;
			for (const w of englishWords(d)) {
				let id = ids.get(w);
				if (id === undefined) ids.set(w, (id = ids.size));
				if (n === words.length) {
					const grownWords = new Int32Array(n * 2);
					grownWords.set(words);
					words = grownWords;
					const grownOwners = new Int32Array(n * 2);
					grownOwners.set(owners);
					owners = grownOwners;
				}
				words[n] = id;
				owners[n++] = i;
			}
		}
	});
	const start = new Int32Array(ids.size + 1);
	for (let k = 0; k < n; k++) start[words[k]! + 1]!++;
	for (let w = 1; w <= ids.size; w++) start[w]! += start[w - 1]!;
	const end = start.slice(0, ids.size);
	const postings = new Int32Array(n);
	// Pairs come in entry order, so each word's postings are ascending; skip repeats of the same entry.
	for (let k = 0; k < n; k++) {
		const w = words[k]!;
		const at = end[w]!;
		if (at > start[w]! && postings[at - 1] === owners[k]) continue;
		postings[at] = owners[k]!;
		end[w] = at + 1;
	}
	return { ids, start: start.subarray(0, ids.size), end, postings };
}

class LazySearchIndex implements SearchIndex {
	private pinyin?: { map: Map<string, Postings>; keys: string[] };
	private chars?: Map<string, number[]>;
	private english?: EnglishPostings;
	private weights: Float32Array;

	constructor(readonly dictionary: Dictionary) {
		this.weights = new Float32Array(dictionary.entries.length).fill(Number.NaN);
	}

	private get pinyinPart() {
		if (!this.pinyin) {
			const map = new Map<string, Postings>();
			this.dictionary.entries.forEach((e, i) => addPosting(map, tonelessKey(e.pinyinNumbered), i));
			this.pinyin = { map, keys: [...map.keys()].sort() };
		}
		return this.pinyin;
	}
	byPinyin(key: string) {
		return postings(this.pinyinPart.map.get(key));
	}
	get pinyinKeys() {
		return this.pinyinPart.keys;
	}

	byChar(char: string) {
		if (!this.chars) {
			const byChar = new Map<string, number[]>();
			const add = (c: string, i: number) => {
				const list = byChar.get(c);
				if (!list) byChar.set(c, [i]);
				else if (list[list.length - 1] !== i) list.push(i);
			};
			this.dictionary.entries.forEach((e, i) => {
				for (const c of e.simplified) add(c, i);
				if (e.traditional !== e.simplified) for (const c of e.traditional) add(c, i);
			});
			this.chars = byChar;
		}
		return this.chars.get(char) ?? [];
	}

	byEnglishWord(word: string): ArrayLike<number> {
		this.english ??= buildEnglishPostings(this.dictionary.entries);
		const id = this.english.ids.get(word);
		return id === undefined
			? []
			: this.english.postings.subarray(this.english.start[id], this.english.end[id]);
	}

	/** How many headwords start with a form: a rough stand-in for how common and productive it is. */
	private prefixCount(form: string): number {
		this.sortedHeadwords ??= [...this.dictionary.bySimplified.keys()].sort();
		const words = this.sortedHeadwords;
		let lo = 0;
		let hi = words.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (words[mid]! < form) lo = mid + 1;
			else hi = mid;
		}
		let n = 0;
		while (lo + n < words.length && words[lo + n]!.startsWith(form) && n < 1000) n++;
		return n;
	}
	private sortedHeadwords?: string[];

	quality(i: number) {
		let q = this.weights[i]!;
		if (Number.isNaN(q)) {
			const e = this.dictionary.entries[i]!;
			const level = this.dictionary.hsk.get(e.simplified);
			q =
				(level ? (7 - level) * 10 : 0) +
				4 * Math.log2(this.prefixCount(e.simplified)) -
				(isMinorEntry(e) ? 50 : 0) -
				(isProperNoun(e) ? 10 : 0) +
				(e.source === 'supplement' ? 5 : 0) -
				Math.min(e.simplified.length, 10);
			this.weights[i] = q;
		}
		return q;
	}
}

/**
 * The search index over a dictionary. Its parts (pinyin keys, characters, English words) are built on first use;
 * `eager` builds them all now.
 */
export function buildSearchIndex(dictionary: Dictionary, eager = false): SearchIndex {
	const index = new LazySearchIndex(dictionary);
	if (eager) {
		index.byPinyin('');
		index.byChar('');
		index.byEnglishWord('');
		index.quality(0);
	}
	return index;
}

type Match = LookupResult['match'];

/** Lookup results carry every sense. */
const FULL = { senses: Number.POSITIVE_INFINITY, breakdownSenses: Number.POSITIVE_INFINITY };

/** Collects scored entries, one result per simplified headword (its best score). */
class Results {
	private best = new Map<string, { score: number; match: Match }>();
	constructor(private index: SearchIndex) {}
	add(i: number, score: number, match: Match) {
		const e = this.index.dictionary.entries[i]!;
		const total = score + this.index.quality(i);
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
			.map(([form, { score, match }]) => ({
				entry: { simplified: form, ...wordExtract(this.index.dictionary, form, { limits: FULL }) },
				match,
				score
			}));
	}
}

function searchChinese(index: SearchIndex, query: string, results: Results) {
	const q = [...query].filter((c) => hasHan(c)).join('');
	if (!q) return;
	for (const i of postings(index.dictionary.bySimplified.get(q))) results.add(i, 1000, 'simplified');
	for (const i of postings(index.dictionary.byTraditional.get(q))) results.add(i, 990, 'traditional');
	// Words containing the query: scan the postings of its rarest character.
	let rarest: readonly number[] | undefined;
	for (const c of new Set(q)) {
		const list = index.byChar(c);
		if (!rarest || list.length < rarest.length) rarest = list;
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
	for (const i of index.byPinyin(key))
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
		for (const i of index.byPinyin(other))
			results.add(i, 300 - 5 * (other.length - key.length), 'pinyin-prefix');
	}
}

const STOPWORDS = new Set(['to', 'a', 'an', 'the', 'of', 'and', 'or', 'in', 'on', 'for', 'be', 'is']);
const MAX_CANDIDATES = 5000;

function postingsFor(index: SearchIndex, word: string): ArrayLike<number> {
	const list = index.byEnglishWord(word);
	return list.length || !word.endsWith('s') ? list : index.byEnglishWord(word.slice(0, -1));
}

function searchEnglish(index: SearchIndex, query: string, results: Results) {
	const phrase = normaliseDefinition(query);
	if (!phrase) return;
	const all = englishWords(phrase);
	const words = all.filter((w) => !STOPWORDS.has(w));
	const keys = words.length ? words : all;
	if (!keys.length) return;
	const lists = keys.map((w) => postingsFor(index, w)).sort((a, b) => a.length - b.length);
	let candidates = Array.from(lists[0]!).filter((i) => lists.every((l, k) => k === 0 || binaryHas(l, i)));
	if (candidates.length > MAX_CANDIDATES)
		candidates = candidates.sort((a, b) => index.quality(b) - index.quality(a)).slice(0, MAX_CANDIDATES);
	const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	const phraseRe = new RegExp(`(?:^|[^a-z0-9])${escaped}(?:$|[^a-z0-9])`);
	for (const i of candidates) {
		// Every query word somewhere in the entry; better when one sense holds the phrase, best when a sense is it.
		let best = 400;
		for (const d of index.dictionary.entries[i]!.definitions) {
			if (d.startsWith('CL:')) continue;
			const norm = normaliseDefinition(d);
			if (norm === phrase) best = 950;
			else if (
				best < 930 &&
				d.includes(';') &&
				d.split(';').some((part) => normaliseDefinition(part) === phrase)
			)
				best = 930; // one of the senses CC-CEDICT groups with semicolons ("wharf; pier; port town")
			else if (best < 930 && phraseRe.test(norm)) {
				const extra = englishWords(norm).length - all.length;
				best = Math.max(best, 700 - 15 * Math.min(extra, 20));
			}
		}
		results.add(i, best, 'english');
	}
}

/** Whether a sorted (ascending) list holds a value. */
function binaryHas(list: ArrayLike<number>, value: number): boolean {
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
	if (hasHan(q)) searchChinese(index, q, results);
	else {
		if (looksLikePinyin(q)) searchPinyin(index, q, limit, results);
		if (!hasToneInfo(q)) searchEnglish(index, q, results);
	}
	return results.top(limit);
}
