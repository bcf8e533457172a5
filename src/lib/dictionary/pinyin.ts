/**
 * Pinyin forms used by the dictionary: CC-CEDICT's tone numbers ("gang3 cheng2"), tone marks ("gǎng chéng"),
 * and the toneless search key ("gangcheng") that every query form reduces to.
 */
import { TONE_OF_MARK, hasToneMarks, stripToneMarks } from '$lib/chinese';

const COMBINING_TONE = TONE_OF_MARK;
const TONE_COMBINING = ['', '\u0304', '\u0301', '\u030C', '\u0300'] as const;

/** Which letter of a syllable carries the tone mark (index into `letters`), by the standard rules. */
function markIndex(letters: string): number {
	const lower = letters.toLowerCase();
	const a = lower.indexOf('a');
	if (a >= 0) return a;
	const e = lower.search(/[eê]/);
	if (e >= 0) return e;
	const ou = lower.indexOf('ou');
	if (ou >= 0) return ou;
	for (let i = lower.length - 1; i >= 0; i--) if ('iouü'.includes(lower[i]!)) return i;
	// Syllabic nasals (m, n, ng, hm, hng): the mark sits on the m or n.
	return lower.search(/[mn]/);
}

const syllableCache = new Map<string, string>();

/** One CC-CEDICT syllable ("lu:4", "Bei3", "r5", "A", "11") in tone marks ("lǜ", "Běi", "r", "A", "11"). */
export function syllableToMarks(syllable: string): string {
	const cached = syllableCache.get(syllable);
	if (cached !== undefined) return cached;
	let out = syllable;
	const m = /^([A-Za-zÜüÊê:]+)([1-5])$/.exec(syllable);
	if (m) {
		const letters = m[1]!.replace(/u:/g, 'ü').replace(/U:/g, 'Ü').replace(/v/g, 'ü').replace(/V/g, 'Ü');
		const tone = Number(m[2]) as 1 | 2 | 3 | 4 | 5;
		const at = tone === 5 ? -1 : markIndex(letters);
		out =
			at < 0
				? letters
				: (
						letters.slice(0, at + 1) +
						TONE_COMBINING[tone as 1 | 2 | 3 | 4] +
						letters.slice(at + 1)
					).normalize('NFC');
	}
	syllableCache.set(syllable, out);
	return out;
}

/** CC-CEDICT's numbered pinyin ("gang3 cheng2") in tone marks ("gǎng chéng"); non-syllables pass through. */
export function numberedToMarks(numbered: string): string {
	return numbered.split(' ').filter(Boolean).map(syllableToMarks).join(' ');
}

/** Tone-marked pinyin, space-separated ("Xīn qì"), in CC-CEDICT's numbered form ("Xin1 qi4"); ü is written u:. */
export function marksToNumbered(marked: string): string {
	return marked
		.split(/\s+/)
		.filter(Boolean)
		.map((syllable) => {
			const decomposed = syllable.normalize('NFD');
			let tone = 5;
			let letters = '';
			for (const ch of decomposed) {
				const t = COMBINING_TONE[ch];
				if (t) tone = t;
				else letters += ch;
			}
			letters = letters.normalize('NFC').replace(/ü/g, 'u:').replace(/Ü/g, 'U:');
			return /^[A-Za-z:]+$/.test(letters) ? `${letters}${tone}` : letters;
		})
		.join(' ');
}

/**
 * The toneless search key of any pinyin spelling: lower case, no tones (marks or numbers), no separators, ü as v.
 * "gǎngchéng", "gang3 cheng2", "Gang cheng" and "gangcheng" all give "gangcheng"; "lǜ", "lu:4", "lv" give "lv".
 */
export function tonelessKey(pinyin: string): string {
	// Fast path for CC-CEDICT's own ASCII spelling (every entry goes through here when the index is built).
	if (/^[A-Za-z0-9: ]*$/.test(pinyin))
		return pinyin
			.toLowerCase()
			.replace(/u:/g, 'v')
			.replace(/([a-z])[1-5]/g, '$1')
			.replace(/ /g, '');
	return stripToneMarks(pinyin)
		.toLowerCase()
		.replace(/ü|u:/g, 'v')
		.replace(/ê/g, 'e')
		.replace(/([a-z])[1-5]/g, '$1')
		.replace(/[\s'’\-·,]+/g, '');
}

/**
 * The tone sequence of a pinyin spelling, neutral tones left out (so "péngyou" and "peng2 you5" agree): marks and
 * tone numbers both count, in order. Empty when the spelling carries no tone information.
 */
export function toneSequence(pinyin: string): number[] {
	const tones: number[] = [];
	const decomposed = pinyin.normalize('NFD');
	for (let i = 0; i < decomposed.length; i++) {
		const ch = decomposed[i]!;
		const mark = COMBINING_TONE[ch];
		if (mark) tones.push(mark);
		else if (/[1-4]/.test(ch) && i > 0 && /[a-zA-Z:]/.test(decomposed[i - 1]!)) tones.push(Number(ch));
	}
	return tones;
}

/** Whether text carries explicit tone information (marks, or tone numbers after letters). */
export function hasToneInfo(text: string): boolean {
	return hasToneMarks(text) || /[a-zA-Z:][1-5](?![0-9])/.test(text);
}

/** Whether text looks like pinyin (Latin letters with optional tone marks/numbers, spaces and apostrophes only). */
export function looksLikePinyin(text: string): boolean {
	const key = stripToneMarks(text).replace(/ü/g, 'u').replace(/Ü/g, 'U');
	return /^[a-zA-Z:1-5\s'’-]+$/.test(key) && /[a-zA-Z]/.test(key);
}
