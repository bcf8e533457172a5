/**
 * Assembling the dictionary: CC-CEDICT entries, the reviewed supplement and HSK levels, indexed by simplified
 * and traditional headword; and the segmenter's view of it, with the glossary's term finder on top.
 */
import { createChineseMatcher } from '$lib/glossary/matcher';
import type { GlossaryEntry } from '$lib/content/schema';
import type { Dictionary, DictionaryEntry, HskLevel, Postings, SegmenterLexicon } from './types';

const DEMOTED =
	/^(?:old |archaic |Japanese |erroneous )?variant of |^see |^used in |^surname |^\(old\)|^\(archaic\)/;

/** Whether an entry says little on its own (variant, cross-reference, surname only). */
export function isMinorEntry(e: DictionaryEntry): boolean {
	return e.definitions.every((d) => DEMOTED.test(d));
}

/** Whether an entry is a proper noun (CC-CEDICT capitalises their pinyin). */
export function isProperNoun(e: DictionaryEntry): boolean {
	return /^[A-Z]/.test(e.pinyinNumbered);
}

/** Sort key for readings of one headword: supplement, then common words, then proper nouns, then minor entries. */
function readingRank(e: DictionaryEntry): number {
	if (e.source === 'supplement') return 0;
	if (isMinorEntry(e)) return 3;
	return isProperNoun(e) ? 2 : 1;
}

/** The entry indices in a postings value. */
export function postings(value: Postings | undefined): readonly number[] {
	return value === undefined ? [] : typeof value === 'number' ? [value] : value;
}

/** Add an entry index to a headword's postings. */
export function addPosting(map: Map<string, Postings>, key: string, index: number): void {
	const prev = map.get(key);
	if (prev === undefined) map.set(key, index);
	else if (typeof prev === 'number') map.set(key, [prev, index]);
	else (prev as number[]).push(index);
}

/** Build the dictionary from parsed parts. Supplement entries come first among a headword's readings. */
export function buildDictionary(parts: {
	cedict: readonly DictionaryEntry[];
	supplement?: readonly DictionaryEntry[];
	hsk?: ReadonlyMap<string, HskLevel>;
}): Dictionary {
	const entries = [...(parts.supplement ?? []), ...parts.cedict];
	const bySimplified = new Map<string, Postings>();
	const byTraditional = new Map<string, Postings>();
	let maxWordLength = 1;
	for (let i = 0; i < entries.length; i++) {
		const e = entries[i]!;
		addPosting(bySimplified, e.simplified, i);
		if (e.traditional !== e.simplified) addPosting(byTraditional, e.traditional, i);
		// UTF-16 length bounds the code-point length from above, so most entries skip the count.
		if (e.simplified.length > maxWordLength)
			maxWordLength = Math.max(maxWordLength, [...e.simplified].length);
	}
	const rank = (i: number) => readingRank(entries[i]!);
	for (const map of [bySimplified, byTraditional])
		for (const list of map.values())
			if (typeof list !== 'number') (list as number[]).sort((a, b) => rank(a) - rank(b) || a - b);
	return { entries, bySimplified, byTraditional, hsk: parts.hsk ?? new Map(), maxWordLength };
}

/** Entries for a headword (simplified or traditional), in reading order, without duplicates. */
export function entriesFor(dictionary: Dictionary, word: string): DictionaryEntry[] {
	const simp = postings(dictionary.bySimplified.get(word));
	const trad = postings(dictionary.byTraditional.get(word));
	const indices = trad.length ? [...new Set([...simp, ...trad])] : simp;
	return indices.map((i) => dictionary.entries[i]!);
}

/** Whether a form is a headword (simplified or traditional) of the dictionary. */
export function hasWord(dictionary: Dictionary, word: string): boolean {
	return dictionary.bySimplified.has(word) || dictionary.byTraditional.has(word);
}

interface Bounds {
	from: Map<string, number>;
	to: Map<string, number>;
}
const boundsCache = new WeakMap<Dictionary, Bounds>();

/** Longest headword starting and ending with each character (computed once per dictionary). */
function wordBounds(dictionary: Dictionary): Bounds {
	let bounds = boundsCache.get(dictionary);
	if (bounds) return bounds;
	const from = new Map<string, number>();
	const to = new Map<string, number>();
	for (const map of [dictionary.bySimplified, dictionary.byTraditional])
		for (const word of map.keys()) {
			const chars = [...word];
			const n = chars.length;
			const first = chars[0]!;
			const last = chars[n - 1]!;
			if ((from.get(first) ?? 0) < n) from.set(first, n);
			if ((to.get(last) ?? 0) < n) to.set(last, n);
		}
	bounds = { from, to };
	boundsCache.set(dictionary, bounds);
	return bounds;
}

/**
 * The segmenter's lexicon: dictionary headwords plus, with the highest priority, the glossary's terms and
 * aliases (found by createChineseMatcher, so quotation marks inside a term are tolerated). Among equally short
 * segmentations, HSK words and reviewed supplement entries are preferred.
 */
export function segmenterLexicon(
	dictionary: Dictionary,
	glossary: readonly Pick<GlossaryEntry, 'id' | 'term' | 'aliases'>[] = [],
	cut?: SegmenterLexicon['cut']
): SegmenterLexicon {
	const { from, to } = wordBounds(dictionary);
	return {
		has: (word) => hasWord(dictionary, word),
		maxWordLength: dictionary.maxWordLength,
		maxLengthFrom: (c) => from.get(c) ?? 1,
		maxLengthTo: (c) => to.get(c) ?? 1,
		weight: (word) => {
			const level = dictionary.hsk.get(word);
			if (level) return 7 - level;
			const first = postings(dictionary.bySimplified.get(word))[0];
			return first !== undefined && dictionary.entries[first]!.source === 'supplement' ? 6 : 0;
		},
		findTerms: glossary.length ? createChineseMatcher(glossary) : undefined,
		cut
	};
}
