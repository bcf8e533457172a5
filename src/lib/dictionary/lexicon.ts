/**
 * Assembling the dictionary: CC-CEDICT entries, the reviewed supplement and HSK levels, indexed by simplified
 * and traditional headword; and the segmenter's view of it, with the glossary's term finder on top.
 */
import { createChineseMatcher } from '$lib/glossary/matcher';
import type { GlossaryEntry } from '$lib/content/schema';
import type { Dictionary, DictionaryEntry, HskLevel, SegmenterLexicon } from './types';

const DEMOTED = /^(?:old |archaic |Japanese |erroneous )?variant of |^see |^used in |^surname |^\(old\)|^\(archaic\)/;

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

function addTo(map: Map<string, number[]>, key: string, index: number) {
	const list = map.get(key);
	if (list) list.push(index);
	else map.set(key, [index]);
}

/** Build the dictionary from parsed parts. Supplement entries come first among a headword's readings. */
export function buildDictionary(parts: {
	cedict: readonly DictionaryEntry[];
	supplement?: readonly DictionaryEntry[];
	hsk?: ReadonlyMap<string, HskLevel>;
}): Dictionary {
	const entries = [...(parts.supplement ?? []), ...parts.cedict];
	const bySimplified = new Map<string, number[]>();
	const byTraditional = new Map<string, number[]>();
	let maxWordLength = 1;
	entries.forEach((e, i) => {
		addTo(bySimplified, e.simplified, i);
		addTo(byTraditional, e.traditional, i);
		// UTF-16 length bounds the code-point length from above, so most entries skip the count.
		if (e.simplified.length > maxWordLength) maxWordLength = Math.max(maxWordLength, [...e.simplified].length);
	});
	const rank = (i: number) => readingRank(entries[i]!);
	for (const map of [bySimplified, byTraditional])
		for (const list of map.values()) if (list.length > 1) list.sort((a, b) => rank(a) - rank(b) || a - b);
	return { entries, bySimplified, byTraditional, hsk: parts.hsk ?? new Map(), maxWordLength };
}

/** Entries for a headword, simplified first, then traditional (deduplicated), in reading order. */
export function entriesFor(dictionary: Dictionary, word: string): DictionaryEntry[] {
	const simp = dictionary.bySimplified.get(word) ?? [];
	const trad = dictionary.byTraditional.get(word) ?? [];
	const seen = new Set<number>();
	const out: DictionaryEntry[] = [];
	for (const i of [...simp, ...trad]) {
		if (seen.has(i)) continue;
		seen.add(i);
		out.push(dictionary.entries[i]!);
	}
	return out;
}

/** Whether a form is a headword (simplified or traditional) of the dictionary. */
export function hasWord(dictionary: Dictionary, word: string): boolean {
	return dictionary.bySimplified.has(word) || dictionary.byTraditional.has(word);
}

/**
 * The segmenter's lexicon: dictionary headwords plus, with the highest priority, the glossary's terms and
 * aliases (found by createChineseMatcher, so quotation marks inside a term are tolerated).
 */
export function segmenterLexicon(
	dictionary: Dictionary,
	glossary: readonly Pick<GlossaryEntry, 'id' | 'term' | 'aliases'>[] = []
): SegmenterLexicon {
	return {
		has: (word) => hasWord(dictionary, word),
		maxWordLength: dictionary.maxWordLength,
		findTerms: glossary.length ? createChineseMatcher(glossary) : undefined
	};
}
