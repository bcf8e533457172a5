/**
 * Server side of the pinyin engine: the generated data (data/, built by build-tools/pinyin/build-data.ts), the
 * jieba segmenter, and one engine per process with the proofread overrides.
 */
import type { Jieba } from '@node-rs/jieba';
import { marksToNumbered } from '$lib/dictionary/pinyin';
import { hanChars, withoutQuotationMarks } from '$lib/chinese';
import type { GlossaryEntry, PinyinOverride } from '$lib/content/schema';
import { applyPinyinOverrides, setPinyinEngine } from '$lib/pinyin/annotate';
import { createPinyinEngine, type NumberedOverride, type PinyinEngine } from '$lib/pinyin/engine';
import { normaliseSyllables } from '$lib/pinyin/syllable';
import lexicon from './data/lexicon.js';
import model from './data/model.js';
import { createJieba, taggerOf } from './segmenter';

export { createJieba, jiebaDictionaryWords } from './segmenter';

let jieba: Jieba | undefined;

/** The process's jieba instance (jieba's dictionary plus CC-CEDICT's and the supplement's words), made once. */
export function getJieba(): Jieba {
	return (jieba ??= createJieba(lexicon.extra));
}

const added = new Set<string>();

/**
 * Add glossary terms (and aliases) to the segmenter as words it must keep whole, so the engine sees 六促六优 as
 * one word, as the reader does. Quotation marks are dropped; terms with anything but Chinese characters are
 * skipped (jieba's dictionary lines are space-separated).
 */
export function addGlossaryWords(glossary: readonly Pick<GlossaryEntry, 'term' | 'aliases'>[]): void {
	const words = glossary
		.flatMap((e) => [e.term, ...e.aliases])
		.map(withoutQuotationMarks)
		.filter((w) => [...w].length >= 2 && hanChars(w).length === [...w].length && !added.has(w));
	if (!words.length) return;
	for (const w of words) added.add(w);
	getJieba().loadDict(Buffer.from(words.map((w) => `${w} ${GLOSSARY_FREQUENCY}`).join('\n') + '\n'));
}

/** High enough that a glossary term is kept whole against any split. */
const GLOSSARY_FREQUENCY = 100_000;

/** Proofread overrides (tone marks) in the engine's numbered form. */
export function numberedOverrides(overrides: readonly PinyinOverride[]): NumberedOverride[] {
	return overrides.map((o) => ({
		word: o.word,
		syllables: normaliseSyllables(marksToNumbered(o.pinyin)) ?? []
	}));
}

/**
 * A pinyin engine over the generated data and the process's jieba, with `overrides` applied first (after
 * `corrections`, already numbered: editors' corrections for imported text, see corrections.ts).
 */
export function loadPinyinEngine(
	overrides: readonly PinyinOverride[] = [],
	corrections: readonly NumberedOverride[] = []
): PinyinEngine {
	return createPinyinEngine(
		{ model, words: lexicon.words, polyphonic: lexicon.polyphonic, light: lexicon.light },
		taggerOf(getJieba()),
		[...corrections, ...numberedOverrides(overrides)]
	);
}

/**
 * Pinyin as the reader annotates: the overrides registered with pinyin-pro, the glossary's terms as whole words for
 * the segmenter, and the engine (with the overrides) behind annotatePinyin. Once per process (the content store).
 */
export function installPinyinEngine(
	overrides: readonly PinyinOverride[],
	glossary: readonly Pick<GlossaryEntry, 'term' | 'aliases'>[]
): void {
	applyPinyinOverrides(overrides);
	addGlossaryWords(glossary);
	setPinyinEngine(loadPinyinEngine(overrides));
}
