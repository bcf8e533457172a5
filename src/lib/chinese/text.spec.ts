import { describe, expect, it } from 'vitest';
import {
	COUNTING_MEASURE_WORDS,
	NUMBER_UNITS,
	hanChars,
	hasHan,
	hasToneMarks,
	isQuotationMark,
	properNounPinyin,
	stripDiacritics,
	stripToneMarks,
	toHalfWidth,
	withoutQuotationMarks
} from './index';

describe('Chinese text', () => {
	it('tells Chinese characters from the rest', () => {
		expect(hasHan('北')).toBe(true);
		expect(hasHan('Beilun，2022')).toBe(false);
		expect(hanChars('“六促六优”2022年')).toEqual(['六', '促', '六', '优', '年']);
	});

	it('drops every kind of quotation mark from a word key, and only those', () => {
		expect(withoutQuotationMarks('专精特新“小巨人”')).toBe('专精特新小巨人');
		expect(withoutQuotationMarks(`「两场」『a』"b"'c'‘d’`)).toBe('两场abcd');
		expect(isQuotationMark('《')).toBe(false);
	});

	it('folds full-width forms to ASCII, keeping offsets', () => {
		expect(toHalfWidth('１８５６．６％（Ａ）')).toBe('1856.6%(A)');
		expect(toHalfWidth('１，０', /[０-９]/g)).toBe('1，0');
		expect(toHalfWidth('。')).toBe('。');
	});

	it('strips tone marks, or every diacritic', () => {
		expect(stripToneMarks('lǜ gǎng Ê')).toBe('lü gang Ê');
		expect(stripDiacritics('Lǜsè')).toBe('Luse');
		expect(hasToneMarks('gǎng')).toBe(true);
		expect(hasToneMarks('gang3')).toBe(false);
	});

	it('keeps units with numbers, longest first, and counts after measure words', () => {
		expect(NUMBER_UNITS.indexOf('平方米')).toBeLessThan(NUMBER_UNITS.indexOf('米'));
		const lengths = NUMBER_UNITS.map((u) => [...u].length);
		expect(lengths).toEqual([...lengths].sort((a, b) => b - a));
		expect(COUNTING_MEASURE_WORDS.has('期')).toBe(true);
		expect(COUNTING_MEASURE_WORDS.has('分')).toBe(false);
	});
});

describe('proper nouns written as names', () => {
	it('joins each name, a new word at each capital, with an apostrophe before a, o and e', () => {
		expect(properNounPinyin('Zhōu Sōng huá')).toBe('Zhōu Sōnghuá');
		expect(properNounPinyin('Máo Zé dōng')).toBe('Máo Zédōng');
		expect(properNounPinyin('Xī ān')).toBe("Xī'ān");
		expect(properNounPinyin('Běi lún qū')).toBe('Běilúnqū');
		expect(properNounPinyin('Tiān ān mén')).toBe("Tiān'ānmén");
		expect(properNounPinyin('Níng bō Zhōu shān Gǎng')).toBe('Níngbō Zhōushān Gǎng');
		expect(properNounPinyin('Lǚ Dòng bīn')).toBe('Lǚ Dòngbīn');
	});

	it('leaves common words, and pinyin with letters or digits that are not syllables, as they are', () => {
		expect(properNounPinyin('gǎng chéng')).toBe('gǎng chéng');
		expect(properNounPinyin('xī ān')).toBe('xī ān');
		expect(properNounPinyin('A A zhì')).toBe('A A zhì');
		expect(properNounPinyin('Kǎ lā O K')).toBe('Kǎ lā O K');
		expect(properNounPinyin('G 20')).toBe('G 20');
		expect(properNounPinyin('')).toBe('');
	});
});
