/**
 * The context of a polyphonic character as the disambiguation model sees it: the segmenter's word around it (and
 * the character's place in that word), its part of speech, the neighbouring characters and words up to two away,
 * and the characters up to four away on either side as a bag (where they are not counted).
 * Shared by the training script (build-tools/pinyin/) and the engine, so both see exactly the same features.
 */

/** One word of a segmented sentence; offsets count code points. */
export interface Word {
	text: string;
	start: number;
	end: number;
	/** Part-of-speech tag from the segmenter ("v", "n", "p", "x" …); empty when there is none. */
	tag: string;
}

/** A segmented sentence: its code points, its words, and for every code point the index of its word. */
export interface Sentence {
	chars: string[];
	words: Word[];
	wordAt: Int32Array;
}

/** How many code points a string has (without spreading it). */
function codePoints(text: string): number {
	let n = 0;
	for (let k = 0; k < text.length; k++) {
		const code = text.charCodeAt(k);
		if (code < 0xdc00 || code > 0xdfff) n++;
	}
	return n;
}

/** Build a Sentence from code points and the segmenter's words (which must concatenate to the text). */
export function sentenceOf(chars: string[], tagged: readonly { word: string; tag: string }[]): Sentence {
	const words: Word[] = [];
	const wordAt = new Int32Array(chars.length).fill(-1);
	let at = 0;
	for (const t of tagged) {
		const len = codePoints(t.word);
		if (len === 0) continue;
		const w: Word = { text: t.word, start: at, end: Math.min(at + len, chars.length), tag: t.tag };
		for (let k = w.start; k < w.end; k++) wordAt[k] = words.length;
		words.push(w);
		at += len;
	}
	// A segmenter that lost or changed characters: fall back to one word per remaining character, so offsets hold.
	for (let k = 0; k < chars.length; k++) {
		if (wordAt[k]! >= 0 && words[wordAt[k]!]!.text.length > 0) continue;
		wordAt[k] = words.length;
		words.push({ text: chars[k]!, start: k, end: k + 1, tag: '' });
	}
	return { chars, words, wordAt };
}

const BOUNDARY = '#';

/** The features of the character at `i` (strings; the model weighs each per candidate reading). */
export function featuresAt(s: Sentence, i: number): string[] {
	const out = contextAt(s, i);
	const from = Math.max(0, i - BAG);
	const to = Math.min(s.chars.length - 1, i + BAG);
	for (let k = from; k <= to; k++) if (k !== i) out.push(`bag:${s.chars[k]!}`);
	return out;
}

/** How far the bag of neighbouring characters reaches on each side (chosen by cross-validation on the training part). */
const BAG = 4;

function contextAt(s: Sentence, i: number): string[] {
	const c = (k: number) => (k >= 0 && k < s.chars.length ? s.chars[k]! : BOUNDARY);
	const wi = s.wordAt[i]!;
	const w = s.words[wi]!;
	const word = (k: number) => (k >= 0 && k < s.words.length ? s.words[k]! : undefined);
	const prev = word(wi - 1);
	const next = word(wi + 1);
	const prev2 = word(wi - 2);
	const next2 = word(wi + 2);
	const pos = `${i - w.start}/${w.end - w.start}`;
	return [
		'b',
		`w:${w.text}@${pos}`,
		`tp:${w.tag}@${pos}`,
		`l1:${c(i - 1)}`,
		`r1:${c(i + 1)}`,
		`l2:${c(i - 2)}${c(i - 1)}`,
		`r2:${c(i + 1)}${c(i + 2)}`,
		`lr:${c(i - 1)}${c(i + 1)}`,
		`pw:${prev?.text ?? BOUNDARY}`,
		`nw:${next?.text ?? BOUNDARY}`,
		`pt:${prev?.tag ?? BOUNDARY}`,
		`nt:${next?.tag ?? BOUNDARY}`,
		`ptnt:${prev?.tag ?? BOUNDARY}_${next?.tag ?? BOUNDARY}`,
		`p2w:${prev2?.text ?? BOUNDARY}`,
		`n2w:${next2?.text ?? BOUNDARY}`
	];
}
