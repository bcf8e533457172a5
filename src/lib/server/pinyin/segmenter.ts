/**
 * The word segmenter: jieba (@node-rs/jieba, MIT) with its frequency dictionary, plus CC-CEDICT's and the lexicon
 * supplement's words that jieba lacks (generated into data/lexicon.json) as low-frequency user words, so a
 * dictionary word is found when nothing more frequent competes. Native code: server and scripts only.
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

/** Frequency given to user words: low, so jieba's own statistics decide between competing words. */
const USER_FREQUENCY = 3;

/** The words of jieba's bundled dictionary. */
export function jiebaDictionaryWords(): Set<string> {
	const words = new Set<string>();
	for (const line of Buffer.from(dict).toString('utf8').split('\n')) {
		const word = line.slice(0, line.indexOf(' '));
		if (word) words.add(word);
	}
	return words;
}

/** How many words' tags a tagger remembers (then it starts afresh): far more than a text's vocabulary. */
const TAGS_KEPT = 100_000;

/** A jieba instance with `extraWords` (newline-separated or a list) added as user words. */
export function createJieba(extraWords: string | readonly string[]): Jieba {
	const jieba = Jieba.withDict(dict);
	const list = typeof extraWords === 'string' ? extraWords.split('\n') : extraWords;
	const lines = list.filter(Boolean).map((w) => `${w} ${USER_FREQUENCY}`);
	if (lines.length) jieba.loadDict(Buffer.from(lines.join('\n') + '\n'));
	return jieba;
}

/**
 * A part-of-speech tagger over a jieba instance (dictionary words only, no HMM guesses): the words of jieba's
 * `cut`, each with the tag jieba's `tag` gives it (which depends on the word alone), asked once per word and
 * remembered. Words as `tag` gives them, at half its time: `cut` passes fewer objects out of native code.
 */
export function taggerOf(
	jieba: Pick<Jieba, 'cut' | 'tag'>
): (text: string) => { word: string; tag: string }[] {
	const tags = new Map<string, string>();
	const tagOf = (word: string) => {
		let tag = tags.get(word);
		if (tag === undefined) {
			const alone = jieba.tag(word, false);
			tag = alone.length === 1 ? alone[0]!.tag : 'x';
			if (tags.size >= TAGS_KEPT) tags.clear();
			tags.set(word, tag);
		}
		return tag;
	};
	return (text) => jieba.cut(text, false).map((word) => ({ word, tag: tagOf(word) }));
}

/** A part-of-speech tagger over a new jieba instance with `extraWords` (see taggerOf). */
export function createTagger(extraWords: string | readonly string[]) {
	return taggerOf(createJieba(extraWords));
}
