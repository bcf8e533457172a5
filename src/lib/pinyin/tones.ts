/**
 * Tones of single pinyin syllables as the reader displays them: the tone of a syllable (for tone colours), tone
 * numbers instead of marks, and the dictionary (citation) tone of 一 and 不 where speech changes it (sandhi).
 * Pure and small: the server renders with these, and the browser script uses the same functions.
 */
import { TONE_OF_MARK, stripToneMarks } from '$lib/chinese';

/** 1–4 for the four tones, 5 for the neutral tone. */
export type Tone = 1 | 2 | 3 | 4 | 5;

/** The tone of one syllable written with a tone mark ("gǎng" → 3) or a tone number ("gang3" → 3); else 5. */
export function toneOf(syllable: string): Tone {
	const numbered = /[1-5]$/.exec(syllable);
	if (numbered) return Number(numbered[0]) as Tone;
	for (const ch of syllable.normalize('NFD')) {
		const tone = TONE_OF_MARK[ch];
		if (tone) return tone;
	}
	return 5;
}

/** A tone-marked syllable with a tone number instead ("gǎng" → "gang3", "lǜ" → "lü4", "de" → "de5"). */
export function withToneNumber(syllable: string): string {
	if (/[1-5]$/.test(syllable)) return syllable;
	const letters = stripToneMarks(syllable);
	return `${letters}${toneOf(syllable)}`;
}

/**
 * The dictionary reading of a character where pinyin-pro gave its spoken reading: 一 yí/yì → yī and 不 bú → bù
 * (the tone sandhi pinyin-pro applies by default); every other reading is returned as it is, neutral tones too.
 */
export function citationTone(char: string, syllable: string): string {
	if (char === '一' && (syllable === 'yí' || syllable === 'yì')) return 'yī';
	if (char === '不' && syllable === 'bú') return 'bù';
	return syllable;
}
