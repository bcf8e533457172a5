/**
 * Fuzzy matching of Chinese sentences as CAT tools score it: character-level similarity, 1 − Levenshtein distance
 * / the longer length, shown as a percentage. Lookup shortlists candidates through a character-bigram inverted
 * index read only for texts of a possible length (a sentence that shares few bigrams cannot be similar), then
 * scores only the shortlist. Pure.
 */
import { distance } from 'fastest-levenshtein';

/** Character-level similarity of two texts, 0…1 (1 = identical). */
export function similarity(a: string, b: string): number {
	if (a === b) return 1;
	const longest = Math.max(a.length, b.length);
	return longest === 0 ? 1 : 1 - distance(a, b) / longest;
}

/** The percentage shown for a similarity: rounded down, so only an identical text shows 100%. */
export const matchPercent = (score: number): number =>
	score >= 1 ? 100 : Math.min(99, Math.floor(score * 100));

/** The lowest similarity offered as a match (CAT tools' usual fuzzy threshold). */
export const MIN_SIMILARITY = 0.7;

/** The most matches shown per segment. */
export const MAX_MATCHES = 3;

/** How many shortlisted candidates (most bigrams shared) are scored per lookup. */
const SHORTLIST = 60;

/** A memory entry: the Chinese and its English, with whatever the caller wants to know about where it came from. */
export interface MemoryEntry<O> {
	zh: string;
	en: string;
	origin: O;
}

/** A match found for a text. */
export interface FuzzyHit<O> {
	entry: MemoryEntry<O>;
	/** 0…1, see similarity. */
	score: number;
}

/** The text as compared: Unicode NFC, whitespace removed (Chinese does not space words; tools differ). */
export const matchKey = (zh: string): string => zh.normalize('NFC').replace(/\s+/g, '');

/** The distinct character bigrams of a text, with start and end markers so one-character texts have some. */
function bigrams(text: string): Set<string> {
	const out = new Set<string>();
	const padded = `\u0002${text}\u0003`;
	for (let i = 0; i + 1 < padded.length; i++) out.add(padded.slice(i, i + 2));
	return out;
}

/** The first position in an ascending list whose value is at least `value` (the list's length if none). */
function lowerBound(list: ArrayLike<number>, value: number, from = 0): number {
	let lo = from;
	let hi = list.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (list[mid]! < value) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/** Guards the length bounds against floating-point error (0.7 × 10 is 6.999…). */
const EPSILON = 1e-9;

/**
 * An index over memory entries for fuzzy lookup. Build once, look up many times.
 *
 * Entries are kept in order of length, so each bigram's posting list is too: a lookup reads only the part of each
 * list whose texts are long enough and short enough to be `min` similar (the distance is at least the difference
 * in length). A candidate must then share enough bigrams for its own length: within `d` edits, where
 * d = ⌊(1 − min) × the longer length⌋, a text keeps all but 2d of its distinct bigrams, counted from whichever of
 * the two texts has more. Only the candidates left are scored.
 */
export class MemoryIndex<O> {
	readonly entries: readonly MemoryEntry<O>[];
	readonly #keys: string[];
	/** Position (in order of length) → entry index. */
	readonly #order: Int32Array;
	/** Key length and distinct bigrams per position. */
	readonly #lengths: Int32Array;
	readonly #grams: Uint16Array;
	/** Bigram → positions holding it, ascending (so also by length). */
	readonly #postings = new Map<string, number[]>();
	readonly #counts: Uint16Array;
	/** Key → entry indexes, ascending: for exact (min = 1) lookups, as pre-translation makes; built when first needed. */
	#exact: Map<string, number[]> | undefined;

	constructor(entries: readonly MemoryEntry<O>[]) {
		this.entries = entries;
		this.#keys = entries.map((e) => matchKey(e.zh));
		const keys = this.#keys;
		this.#order = Int32Array.from(keys.keys()).sort((a, b) => keys[a]!.length - keys[b]!.length || a - b);
		this.#lengths = new Int32Array(entries.length);
		this.#grams = new Uint16Array(entries.length);
		this.#counts = new Uint16Array(entries.length);
		this.#order.forEach((i, position) => {
			const key = keys[i]!;
			const grams = bigrams(key);
			this.#lengths[position] = key.length;
			this.#grams[position] = Math.min(grams.size, 0xffff);
			for (const gram of grams) {
				const list = this.#postings.get(gram);
				if (list) list.push(position);
				else this.#postings.set(gram, [position]);
			}
		});
	}

	get size(): number {
		return this.entries.length;
	}

	/**
	 * The best matches for `zh`, best first: at least `min` similar, at most `limit`, skipping entries `skip`
	 * refuses (the segment itself). Ties keep the entries' order.
	 */
	lookup(
		zh: string,
		{
			min = MIN_SIMILARITY,
			limit = MAX_MATCHES,
			skip
		}: { min?: number; limit?: number; skip?: (entry: MemoryEntry<O>) => boolean } = {}
	): FuzzyHit<O>[] {
		const key = matchKey(zh);
		if (!key) return [];
		if (min >= 1) return this.#exactHits(key, limit, skip);
		const grams = bigrams(key);
		const length = key.length;
		// Only texts from min × length to length / min characters long can be min similar.
		const lengths = this.#lengths;
		const first = lowerBound(lengths, Math.ceil(length * min - EPSILON));
		const end = lowerBound(lengths, Math.floor(length / min + EPSILON) + 1, first);
		const counts = this.#counts;
		const touched: number[] = [];
		for (const gram of grams) {
			const list = this.#postings.get(gram);
			if (!list) continue;
			for (let k = lowerBound(list, first); k < list.length; k++) {
				const p = list[k]!;
				if (p >= end) break;
				if (counts[p] === 0) touched.push(p);
				counts[p]!++;
			}
		}
		const candidates: number[] = [];
		for (const p of touched) {
			const edits = Math.floor((1 - min) * Math.max(length, lengths[p]!) + EPSILON);
			if (counts[p]! >= Math.max(1, Math.max(grams.size, this.#grams[p]!) - 2 * edits)) candidates.push(p);
		}
		const order = this.#order;
		candidates.sort((a, b) => counts[b]! - counts[a]! || order[a]! - order[b]!);
		for (const p of touched) counts[p] = 0;

		const hits: (FuzzyHit<O> & { at: number })[] = [];
		for (const p of candidates.slice(0, SHORTLIST)) {
			const at = order[p]!;
			const entry = this.entries[at]!;
			if (skip?.(entry)) continue;
			const score = similarity(key, this.#keys[at]!);
			if (score >= min) hits.push({ entry, score, at });
		}
		hits.sort((a, b) => b.score - a.score || a.at - b.at);
		return hits.slice(0, limit).map(({ entry, score }) => ({ entry, score }));
	}

	/** The entries whose text is `key` exactly (score 1), in entry order: a hash lookup, not a bigram count. */
	#exactHits(key: string, limit: number, skip?: (entry: MemoryEntry<O>) => boolean): FuzzyHit<O>[] {
		if (!this.#exact) {
			this.#exact = new Map();
			this.#keys.forEach((k, i) => {
				const list = this.#exact!.get(k);
				if (list) list.push(i);
				else this.#exact!.set(k, [i]);
			});
		}
		const hits: FuzzyHit<O>[] = [];
		for (const i of this.#exact.get(key) ?? []) {
			const entry = this.entries[i]!;
			if (hits.length === limit) break;
			if (!skip?.(entry)) hits.push({ entry, score: 1 });
		}
		return hits;
	}
}
