/**
 * The readings an editor should check in imported text: every word that holds a character the engine is unsure
 * of, in its sentence, with the engine's reading of the word. The import preview lists them; a correction made
 * there becomes an override of the word with the sentence as its example. Pure: the caller gives the engine's
 * reader and the segmenter.
 */
import { hasHan } from '$lib/chinese';
import type { EngineReading } from './engine';

/** The longest word a correction may name (the corrections' own limit). */
export const CHECK_WORD_MAX = 16;

/** A word to check: where it is, how the engine reads it, and which of its characters it is unsure of. */
export interface ReadingToCheck {
	sentence: string;
	word: string;
	/** Code-point offset of the word in the sentence. */
	start: number;
	/** The engine's numbered reading of each character of the word ("diao4"). */
	syllables: string[];
	/** The characters of the word the engine is unsure of, in order. */
	unsure: string[];
}

/**
 * The words to check in `sentences` (a word once per sentence, a sentence once, in order): the segmenter's word around each
 * unsure reading when it is all Chinese characters and at most CHECK_WORD_MAX long, else the character alone.
 */
export function readingsToCheck(
	sentences: readonly string[],
	read: (text: string) => EngineReading[],
	cut: (text: string) => string[]
): ReadingToCheck[] {
	const out: ReadingToCheck[] = [];
	for (const sentence of new Set(sentences)) {
		const listed = new Set<string>();
		const readings = read(sentence);
		if (readings.every((r) => r.sure || r.p === null)) continue;
		let at = 0;
		for (const token of cut(sentence)) {
			const chars = [...token];
			const span = readings.slice(at, at + chars.length);
			const start = at;
			at += chars.length;
			const unsure = span.filter((r) => !r.sure && r.p !== null);
			if (!unsure.length) continue;
			const whole = chars.length <= CHECK_WORD_MAX && chars.every(hasHan);
			const words = whole
				? [{ start, rs: span }]
				: span.flatMap((r, k) => (!r.sure && r.p !== null ? [{ start: start + k, rs: [r] }] : []));
			for (const w of words) {
				const word = w.rs.map((r) => r.c).join('');
				if (listed.has(word)) continue;
				listed.add(word);
				out.push({
					sentence,
					word,
					start: w.start,
					syllables: w.rs.map((r) => r.p ?? r.c),
					unsure: w.rs.filter((r) => !r.sure && r.p !== null).map((r) => r.c)
				});
			}
		}
	}
	return out;
}
