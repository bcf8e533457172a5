/**
 * Facts about Chinese text that the server markup, the browser script, the dictionary, the glossary and QA must
 * agree on: what a Chinese character is, which marks are quotation marks, full-width forms, pinyin tone marks
 * and how a proper noun's pinyin is written. Pure and browser-safe: no imports.
 */

/** The Han test as a regular-expression fragment, for building larger patterns. */
export const HAN_SOURCE = '\\p{Script=Han}';
/** CJK symbols and punctuation (U+3000–U+303F) and full-width forms (U+FF01–U+FF60), as a character-class body. */
export const CJK_PUNCTUATION_SOURCE = '\\u3000-\\u303F\\uFF01-\\uFF60';

const HAN = new RegExp(HAN_SOURCE, 'u');
const HAN_ALL = new RegExp(HAN_SOURCE, 'gu');

/** Whether text holds a Chinese (Han) character; for a single character, whether it is one. */
export function hasHan(text: string): boolean {
	return HAN.test(text);
}

/** The Chinese characters of a text, in order (punctuation, digits and Latin left out). */
export function hanChars(text: string): string[] {
	return text.match(HAN_ALL) ?? [];
}

/** Quotation marks, curly, straight and corner: ignored inside glossary terms and word keys. */
export const QUOTATION_MARKS: readonly string[] = ['“', '”', '‘', '’', '"', "'", '「', '」', '『', '』'];
/** The quotation marks that open a quotation. */
export const OPENING_QUOTATION_MARKS: ReadonlySet<string> = new Set(['“', '‘', '「', '『']);
/** The quotation marks that close a quotation. */
export const CLOSING_QUOTATION_MARKS: ReadonlySet<string> = new Set(['”', '’', '」', '』']);

const QUOTATION_MARK_SET: ReadonlySet<string> = new Set(QUOTATION_MARKS);
const QUOTATION_MARKS_ALL = new RegExp(`[${QUOTATION_MARKS.join('')}]`, 'g');

/** Whether a character is a quotation mark. */
export function isQuotationMark(ch: string): boolean {
	return QUOTATION_MARK_SET.has(ch);
}

/** Text without its quotation marks: 专精特新“小巨人” → 专精特新小巨人 (the key of a word or term). */
export function withoutQuotationMarks(text: string): string {
	return text.replace(QUOTATION_MARKS_ALL, '');
}

/** Full-width forms of the printable ASCII characters, ！ (U+FF01) to ～ (U+FF5E). */
const FULL_WIDTH_ASCII = /[\uFF01-\uFF5E]/g;
/** How far a full-width form sits from its ASCII character. */
const WIDTH_OFFSET = 0xfee0;

/**
 * Full-width forms as ASCII, one code unit for one, so offsets are unchanged: "１８５６．６％" → "1856.6%".
 * `only` limits the folding to some characters (a global pattern; default all of U+FF01–U+FF5E).
 */
export function toHalfWidth(text: string, only: RegExp = FULL_WIDTH_ASCII): string {
	return text.replace(only, (c) => {
		const code = c.charCodeAt(0);
		return code >= 0xff01 && code <= 0xff5e ? String.fromCharCode(code - WIDTH_OFFSET) : c;
	});
}

/** The combining marks of the four pinyin tones (after NFD), with their tone: ā á ǎ à. */
export const TONE_OF_MARK: Readonly<Record<string, 1 | 2 | 3 | 4>> = {
	'\u0304': 1,
	'\u0301': 2,
	'\u030C': 3,
	'\u0300': 4
};

const TONE_MARKS = /[\u0300\u0301\u0304\u030C]/g;

/** Whether text carries a pinyin tone mark ("gǎng" yes, "gang3" and "gang" no). */
export function hasToneMarks(text: string): boolean {
	return /[\u0300\u0301\u0304\u030C]/.test(text.normalize('NFD'));
}

/** Pinyin without its tone marks, other letters kept as they are: "lǜ gǎng" → "lü gang". */
export function stripToneMarks(pinyin: string): string {
	return pinyin.normalize('NFD').replace(TONE_MARKS, '').normalize('NFC');
}

/**
 * A proper noun's tone-marked pinyin, spaced by syllable as CC-CEDICT writes it ("Zhōu Sōng huá", "Xī ān"), as
 * the orthography rules write proper nouns (GB/T 16159): each name's syllables joined, a new word at each capital,
 * an apostrophe before a syllable that starts with a, o or e ("Zhōu Sōnghuá", "Xī'ān", "Máo Zédōng"). Anything
 * else (a common word in lower case, letters or digits that are not syllables) is returned as it is.
 */
export function properNounPinyin(marked: string): string {
	const syllables = marked.split(' ').filter(Boolean);
	const plain = syllables.map((s) => stripToneMarks(s));
	// A capital on its own with no tone is a Latin letter (AA制 "A A zhì"), not a name's syllable.
	const letter = (s: string, i: number) => /^[A-Z]$/.test(s) && s === syllables[i];
	if (!/^[A-Z]/.test(plain[0] ?? '') || !plain.every((s, i) => /^[A-Za-zÜü]+$/.test(s) && !letter(s, i)))
		return marked;
	return syllables
		.map((s, i) => (i === 0 || /^[A-Z]/.test(plain[i]!) ? ` ${s}` : /^[aoe]/.test(plain[i]!) ? `'${s}` : s))
		.join('')
		.trim();
}

/** Text without any diacritic (tone marks and the umlaut of ü too), for folding: "Lǜsè" → "Luse". */
export function stripDiacritics(text: string): string {
	return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}
