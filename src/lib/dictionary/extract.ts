/**
 * Per-article dictionary extracts: only the entries an article's tokens need, small enough to send to the browser.
 *
 * - Every token's form (word, glossary term, number with a measure word) gets its entry; words inside terms the
 *   dictionary lacks, and the parts of numbers, are entries too.
 * - Each character of a multi-character form gets an entry for the per-character breakdown. A character that is
 *   not itself a token keeps only the readings it has in the article's words (发 in 发展: fā, not fà) and its first
 *   few senses; the full entry is one lookup away (/dictionary?q=发).
 * - Variant-only readings ("variant of …") are dropped where a form has others; long sense lists are cut, with
 *   the number left out recorded in `more`.
 */
import { readableSense } from './cedict';
import { entriesFor, segmenterLexicon } from './lexicon';
import { tonelessKey, toneSequence } from './pinyin';
import { numberParts, segment, tokenKey } from './segment';
import type {
	ArticleDictionary,
	Dictionary,
	DictionaryEntry,
	ReadingExtract,
	SegmenterLexicon,
	Token,
	WordExtract
} from './types';
import { hasHan } from '$lib/chinese';

const VARIANT_ONLY = /^(?:old |archaic |Japanese |erroneous |ancient )?variant of /;

/** How much of each reading an extract keeps. */
export interface ExtractLimits {
	/** Senses per reading of a form the reader taps (a token, or a word inside a term). */
	senses: number;
	/** Senses per reading of a character shown only in a per-character breakdown. */
	breakdownSenses: number;
}

export const DEFAULT_LIMITS: ExtractLimits = { senses: 5, breakdownSenses: 2 };

function toReading(
	e: DictionaryEntry,
	form: string,
	senses: number,
	dropClassifiers: boolean
): ReadingExtract {
	let definitions = e.definitions;
	if (dropClassifiers) definitions = definitions.filter((d) => !d.startsWith('CL:'));
	const r: ReadingExtract = {
		pinyin: e.pinyin,
		definitions: definitions.slice(0, senses).map(readableSense)
	};
	if (e.traditional !== form) r.traditional = e.traditional;
	if (definitions.length > senses) r.more = definitions.length - senses;
	if (e.kind) r.kind = e.kind;
	return r;
}

/** The substantial readings of a form: variant-only readings dropped when the form has others. */
function readingsOf(dictionary: Dictionary, form: string): DictionaryEntry[] {
	const entries = entriesFor(dictionary, form);
	const substantial = entries.filter((e) => !e.definitions.every((d) => VARIANT_ONLY.test(d)));
	return substantial.length ? substantial : entries;
}

/** Whether a reading's pinyin is one of the syllables a character has in context (tone and letters). */
function matchesSyllable(e: DictionaryEntry, syllables: ReadonlySet<string>): boolean {
	return syllables.has(syllableKey(e.pinyin));
}

function syllableKey(pinyin: string): string {
	return `${tonelessKey(pinyin)}${toneSequence(pinyin).join('')}`;
}

/**
 * One form's entry. `breakdown` gives the syllables the character has in the article's words: only those readings
 * are kept (all of them if none match), with fewer senses.
 */
export function wordExtract(
	dictionary: Dictionary,
	form: string,
	options: { breakdown?: ReadonlySet<string>; limits?: ExtractLimits } = {}
): WordExtract {
	const limits = options.limits ?? DEFAULT_LIMITS;
	let entries = readingsOf(dictionary, form);
	if (options.breakdown) {
		const inContext = entries.filter((e) => matchesSyllable(e, options.breakdown!));
		if (inContext.length) entries = inContext;
	}
	const senses = options.breakdown ? limits.breakdownSenses : limits.senses;
	const simplified = entries[0]?.simplified ?? form;
	const readings = entries.map((e) => toReading(e, form, senses, !!options.breakdown));
	const extract: WordExtract = simplified === form ? { readings } : { simplified, readings };
	const hsk = dictionary.hsk.get(simplified) ?? dictionary.hsk.get(form);
	if (hsk) extract.hsk = hsk;
	return extract;
}

/** The characters of a form that have their own entries in an extract (its Chinese characters, in order). */
export function charactersOf(form: string): string[] {
	return [...form].filter((c) => hasHan(c));
}

/**
 * The dictionary entries an article's tokens need, keyed by `tokenKey(token)`: each word or term, each of its
 * characters, the words inside terms the dictionary lacks, and the parts of numbers with measure words.
 */
export function extractArticleDictionary(
	tokens: Iterable<Token>,
	dictionary: Dictionary,
	limits: ExtractLimits = DEFAULT_LIMITS
): ArticleDictionary {
	const plain: SegmenterLexicon = segmenterLexicon(dictionary);
	/** Forms a reader taps, in first-seen order. */
	const tapped = new Map<string, 'word' | 'number'>();
	/** Characters shown in breakdowns, with the syllables they have there and the word each came from. */
	const breakdown = new Map<string, { syllables: Set<string>; word: string; syllable?: string }>();

	const visit = (form: string) => {
		if (tapped.has(form)) return;
		tapped.set(form, 'word');
		const chars = [...form];
		if (chars.length < 2) return;
		const first = readingsOf(dictionary, form)[0];
		const syllables = first?.pinyin.split(' ');
		const aligned = syllables?.length === chars.length;
		chars.forEach((c, i) => {
			if (!hasHan(c)) return;
			const syllable = aligned ? syllables?.[i]?.toLowerCase() : undefined;
			let info = breakdown.get(c);
			if (!info) breakdown.set(c, (info = { syllables: new Set(), word: form, syllable }));
			if (syllable) info.syllables.add(syllableKey(syllable));
		});
		if (!first) {
			// A form the dictionary lacks (a glossary term): the dictionary words it is made of.
			const parts = segment(form, plain)
				.filter((t) => t.kind === 'word' || t.kind === 'unknown')
				.map((t) => t.text);
			if (parts.some((p) => [...p].length > 1)) for (const p of parts) visit(p);
		}
	};

	for (const token of tokens) {
		const key = tokenKey(token);
		if (!key || tapped.has(key)) continue;
		if (token.kind === 'number') {
			tapped.set(key, 'number');
			for (const p of numberParts(key)) visit(p);
		} else visit(key);
	}

	const out: ArticleDictionary = {};
	for (const [form, kind] of tapped) {
		if (kind === 'number') {
			out[form] = { readings: [], parts: numberParts(form) };
			continue;
		}
		const extract = wordExtract(dictionary, form, { limits });
		if (!extract.readings.length && charactersOf(form).length > 1) {
			const parts = segment(form, plain)
				.filter((t) => t.kind === 'word' || t.kind === 'unknown')
				.map((t) => t.text);
			if (parts.some((p) => [...p].length > 1)) extract.parts = parts;
		}
		out[form] = extract;
	}
	for (const [char, info] of breakdown) {
		if (out[char]) continue;
		const extract = wordExtract(dictionary, char, { breakdown: info.syllables, limits });
		if (!extract.readings.length && info.syllable)
			// A character the dictionary lacks (碶 in 新碶): its syllable in the word is known, its meaning is not.
			extract.readings = [{ pinyin: info.syllable, definitions: [], fromWord: info.word }];
		out[char] = extract;
	}
	return out;
}
