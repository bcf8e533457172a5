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
	return new Set(dictionaryTags().keys());
}

let tags: Map<string, string> | undefined;

/** The part-of-speech tag of every word of jieba's bundled dictionary ("word frequency tag" lines), read once. */
function dictionaryTags(): Map<string, string> {
	if (tags) return tags;
	tags = new Map();
	for (const line of Buffer.from(dict).toString('utf8').split('\n')) {
		const [word, , tag] = line.split(' ');
		if (word) tags.set(word, tag ?? '');
	}
	return tags;
}

const USER_WORD = /^\p{Script=Han}{2,}$/u;

/**
 * jieba's tag for a word outside its bundled dictionary, as its `tag` gives it: none for the user words (Han words
 * of two characters or more: a cut yields no other outside the dictionary), "m" for ASCII digits only, "eng" for
 * other ASCII letters and digits, "x" for anything else.
 */
function tagOutsideDictionary(word: string): string {
	if (USER_WORD.test(word)) return '';
	let alnum = 0;
	let digits = 0;
	for (let k = 0; k < word.length; k++) {
		const code = word.charCodeAt(k);
		const digit = code >= 48 && code <= 57;
		if (digit || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)) alnum++;
		if (digit) digits++;
	}
	if (alnum === 0) return 'x';
	return alnum === digits ? 'm' : 'eng';
}

/** A jieba instance with `extraWords` (newline-separated or a list) added as user words. */
export function createJieba(extraWords: string | readonly string[]): Jieba {
	const jieba = Jieba.withDict(dict);
	const list = typeof extraWords === 'string' ? extraWords.split('\n') : extraWords;
	const lines = list.filter(Boolean).map((w) => `${w} ${USER_FREQUENCY}`);
	if (lines.length) jieba.loadDict(Buffer.from(lines.join('\n') + '\n'));
	return jieba;
}

/**
 * A part-of-speech tagger over a jieba instance (dictionary words only, no HMM guesses): jieba's `cut` with the
 * tags of its dictionary looked up here, which is twice as fast as its `tag` (fewer objects cross from native code).
 */
export function taggerOf(jieba: Pick<Jieba, 'cut'>): (text: string) => { word: string; tag: string }[] {
	const byWord = dictionaryTags();
	return (text) =>
		jieba.cut(text, false).map((word) => ({ word, tag: byWord.get(word) ?? tagOutsideDictionary(word) }));
}

/** A part-of-speech tagger over a new jieba instance with `extraWords` (see taggerOf). */
export function createTagger(extraWords: string | readonly string[]) {
	return taggerOf(createJieba(extraWords));
}
