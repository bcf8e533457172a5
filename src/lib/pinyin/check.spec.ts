/** The readings to check: the word around each unsure reading, in its sentence, each once. */
import { describe, expect, it } from 'vitest';
import type { EngineReading } from './engine';
import { readingsToCheck } from './check';

/** A reader that is unsure of the characters in `unsure` and reads every Chinese character "x1". */
const reader =
	(unsure: string) =>
	(text: string): EngineReading[] =>
		[...text].map((c) =>
			/\p{Script=Han}/u.test(c)
				? { c, p: unsure.includes(c) ? 'diao4' : 'x1', sure: !unsure.includes(c), source: 'model' }
				: { c, p: null, sure: true, source: 'none' }
		);
const cut = (words: string[]) => () => words;

describe('readingsToCheck', () => {
	it('lists the word around an unsure reading, with the sentence and the engine’s reading', () => {
		const list = readingsToCheck(['定下工作基调。'], reader('调'), cut(['定下', '工作', '基调', '。']));
		expect(list).toEqual([
			{ sentence: '定下工作基调。', word: '基调', start: 4, syllables: ['x1', 'diao4'], unsure: ['调'] }
		]);
	});

	it('lists nothing where the engine is sure, a repeated sentence once, a word once per sentence', () => {
		expect(readingsToCheck(['基调，基调。'], reader('调'), cut(['基调', '，', '基调', '。']))).toHaveLength(
			1
		);
		expect(readingsToCheck(['工作。'], reader(''), cut(['工作', '。']))).toEqual([]);
		expect(readingsToCheck(['调。', '调。'], reader('调'), cut(['调', '。']))).toHaveLength(1);
	});

	it('takes the character alone when the segmenter’s word is not all Chinese characters', () => {
		const list = readingsToCheck(['调A'], reader('调'), cut(['调A']));
		expect(list).toEqual([{ sentence: '调A', word: '调', start: 0, syllables: ['diao4'], unsure: ['调'] }]);
	});

	it('keeps offsets in code points past astral characters', () => {
		const list = readingsToCheck(['𠮷基调'], reader('调'), cut(['𠮷', '基调']));
		expect(list[0]).toMatchObject({ word: '基调', start: 1 });
	});
});
