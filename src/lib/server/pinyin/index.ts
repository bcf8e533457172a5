/**
 * Server side of the pinyin engine: the generated data (data/, built by build-tools/pinyin/build-data.ts), the
 * jieba segmenter, and one engine per process with the proofread overrides.
 */
import type { Jieba } from '@node-rs/jieba';
import { marksToNumbered } from '$lib/dictionary/pinyin';
import type { PinyinOverride } from '$lib/content/schema';
import { createPinyinEngine, type NumberedOverride, type PinyinEngine } from '$lib/pinyin/engine';
import { normaliseSyllables } from '$lib/pinyin/syllable';
import lexicon from './data/lexicon.js';
import model from './data/model.js';
import { createJieba } from './segmenter';

export { createJieba, jiebaDictionaryWords } from './segmenter';

let jieba: Jieba | undefined;

/** The process's jieba instance (jieba's dictionary plus CC-CEDICT's and the supplement's words), made once. */
export function getJieba(): Jieba {
	return (jieba ??= createJieba(lexicon.extra));
}

/** Proofread overrides (tone marks) in the engine's numbered form. */
export function numberedOverrides(overrides: readonly PinyinOverride[]): NumberedOverride[] {
	return overrides.map((o) => ({
		word: o.word,
		syllables: normaliseSyllables(marksToNumbered(o.pinyin)) ?? []
	}));
}

/** A pinyin engine over the generated data and the process's jieba, with `overrides` applied first. */
export function loadPinyinEngine(overrides: readonly PinyinOverride[] = []): PinyinEngine {
	const segmenter = getJieba();
	return createPinyinEngine(
		{ model, words: lexicon.words, polyphonic: lexicon.polyphonic },
		(text) => segmenter.tag(text, false),
		numberedOverrides(overrides)
	);
}
