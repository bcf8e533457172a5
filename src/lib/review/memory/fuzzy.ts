/**
 * Fuzzy matching of Chinese sentences as CAT tools score it: character-level similarity, 1 − Levenshtein distance
 * / the longer length, shown as a percentage. Lookup shortlists candidates through a character-bigram inverted
 * index (a sentence that shares few bigrams cannot be similar), then scores only the shortlist. Pure.
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

/** An index over memory entries for fuzzy lookup. Build once, look up many times. */
export class MemoryIndex<O> {
	readonly entries: readonly MemoryEntry<O>[];
	readonly #keys: string[];
	readonly #postings = new Map<string, number[]>();
	readonly #counts: Uint16Array;

	constructor(entries: readonly MemoryEntry<O>[]) {
		this.entries = entries;
		this.#keys = entries.map((e) => matchKey(e.zh));
		this.#counts = new Uint16Array(entries.length);
		this.#keys.forEach((key, i) => {
			for (const gram of bigrams(key)) {
				const list = this.#postings.get(gram);
				if (list) list.push(i);
				else this.#postings.set(gram, [i]);
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
		const grams = bigrams(key);
		// A text at least `min` similar keeps at least this many of the query's bigrams (each edit breaks ≤ 2).
		const maxEdits = Math.floor(((1 - min) * key.length) / min) + 1;
		const needed = Math.max(1, grams.size - 2 * maxEdits);
		const counts = this.#counts;
		const touched: number[] = [];
		for (const gram of grams) {
			const list = this.#postings.get(gram);
			if (!list) continue;
			for (const i of list) {
				if (counts[i] === 0) touched.push(i);
				counts[i]!++;
			}
		}
		const candidates: number[] = [];
		for (const i of touched) {
			if (counts[i]! >= needed) {
				const other = this.#keys[i]!;
				// Length alone can rule a candidate out: the distance is at least the difference in length.
				const longest = Math.max(other.length, key.length);
				if (1 - Math.abs(other.length - key.length) / longest >= min) candidates.push(i);
			}
		}
		candidates.sort((a, b) => counts[b]! - counts[a]! || a - b);
		for (const i of touched) counts[i] = 0;

		const hits: (FuzzyHit<O> & { at: number })[] = [];
		for (const i of candidates.slice(0, SHORTLIST)) {
			const entry = this.entries[i]!;
			if (skip?.(entry)) continue;
			const score = similarity(key, this.#keys[i]!);
			if (score >= min) hits.push({ entry, score, at: i });
		}
		hits.sort((a, b) => b.score - a.score || a.at - b.at);
		return hits.slice(0, limit).map(({ entry, score }) => ({ entry, score }));
	}
}
