import { describe, expect, it } from 'vitest';
import {
	hasToneInfo,
	looksLikePinyin,
	marksToNumbered,
	numberedToMarks,
	syllableToMarks,
	toneSequence,
	tonelessKey
} from './pinyin';

describe('tone numbers to tone marks', () => {
	it.each([
		['gang3 cheng2', 'gǎng chéng'],
		['fa1 zhan3', 'fā zhǎn'],
		['Bei3 lun2', 'Běi lún'],
		['lu:4 se4', 'lǜ sè'],
		['nu:3 er2', 'nǚ ér'],
		['gui4', 'guì'],
		['liu4', 'liù'],
		['zhou1', 'zhōu'],
		['lüe4', 'lüè'],
		['er5', 'er'],
		['A quan1 r5', 'A quān r'],
		['san1 D da3 yin4', 'sān D dǎ yìn'],
		['m2', 'ḿ'],
		['11 Qu1', '11 Qū']
	])('%s → %s', (numbered, marked) => {
		expect(numberedToMarks(numbered)).toBe(marked);
	});

	it('puts the mark on a, then e, then the o of ou, else the last vowel', () => {
		expect(['hao3', 'xie4', 'dou1', 'shui3', 'jiu3', 'xue2'].map(syllableToMarks)).toEqual([
			'hǎo',
			'xiè',
			'dōu',
			'shuǐ',
			'jiǔ',
			'xué'
		]);
	});

	it('goes back from marks to numbers, neutral tone as 5 and ü as u:', () => {
		expect(marksToNumbered('Xīn qì')).toBe('Xin1 qi4');
		expect(marksToNumbered('lǜ sè')).toBe('lu:4 se4');
		expect(marksToNumbered('péng you')).toBe('peng2 you5');
		expect(numberedToMarks(marksToNumbered('Zhōu Sōng huá'))).toBe('Zhōu Sōng huá');
	});
});

describe('toneless search keys', () => {
	it('reduce every spelling of a word to one key', () => {
		const spellings = ['gangcheng', 'gǎngchéng', 'gang3 cheng2', 'Gǎng chéng', "gang'cheng", 'GANG3CHENG2'];
		expect(new Set(spellings.map(tonelessKey))).toEqual(new Set(['gangcheng']));
	});

	it('write ü as v whichever way it is typed', () => {
		expect(['lǜ', 'lu:4', 'lv', 'lü'].map(tonelessKey)).toEqual(['lv', 'lv', 'lv', 'lv']);
	});

	it('keep digits that are not tone numbers', () => {
		expect(tonelessKey('11 Qu1')).toBe('11qu');
	});
});

describe('tone sequences and query shape', () => {
	it('read tones from marks or numbers, neutral tones left out', () => {
		expect(toneSequence('gǎngchéng')).toEqual([3, 2]);
		expect(toneSequence('gang3 cheng2')).toEqual([3, 2]);
		expect(toneSequence('péngyou')).toEqual(toneSequence('peng2 you5'));
		expect(toneSequence('gangcheng')).toEqual([]);
	});

	it('tell pinyin from other text', () => {
		expect(hasToneInfo('gǎngchéng')).toBe(true);
		expect(hasToneInfo('gang3cheng2')).toBe(true);
		expect(hasToneInfo('gangcheng')).toBe(false);
		expect(hasToneInfo('covid 19')).toBe(false);
		expect(looksLikePinyin('gǎng chéng')).toBe(true);
		expect(looksLikePinyin('high-quality')).toBe(true); // plain letters could be pinyin; search tries both
		expect(looksLikePinyin('港城')).toBe(false);
		expect(looksLikePinyin('5.3%')).toBe(false);
	});
});
