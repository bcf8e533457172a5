import { describe, expect, it } from 'vitest';
import { GLOSSARY_SAMPLE, sampleDictionary } from './fixtures';
import { segmenterLexicon } from './lexicon';
import { numberParts, segment, tokenKey } from './segment';
import type { Token } from './types';

const dictionary = sampleDictionary();
const plain = segmenterLexicon(dictionary);
const withGlossary = segmenterLexicon(dictionary, GLOSSARY_SAMPLE);
const texts = (tokens: Token[]) => tokens.map((t) => t.text);

describe('segment', () => {
	it('keeps the input intact: token texts concatenate to it and offsets count code points', () => {
		const text = '北仑“扩中”“提低”，城中村 3D打印 𰻞 1856.6亿元。';
		const tokens = segment(text, withGlossary);
		expect(tokens.map((t) => t.text).join('')).toBe(text);
		const chars = [...text];
		for (const t of tokens) expect(chars.slice(t.start, t.end).join('')).toBe(t.text);
		expect(tokens.every((t, i) => i === 0 || t.start === tokens[i - 1]!.end)).toBe(true);
	});

	it('takes the longest dictionary words', () => {
		expect(texts(segment('城中村的高质量', plain))).toEqual(['城中村', '的', '高质量']);
		expect(texts(segment('宁波北仑区', plain))).toEqual(['宁波', '北仑区']);
	});

	it('follows a frequency segmenter when given one, matching again what it leaves loose or the lexicon lacks', () => {
		// A stand-in for jieba: fixed cuts of the runs it is asked about.
		const cuts: Record<string, string[]> = {
			城中村的高质量: ['城中', '村', '的', '高', '质', '量'],
			宁波北仑区: ['宁波北仑区']
		};
		const cut = (run: string) => cuts[run] ?? [...run];
		const lexicon = segmenterLexicon(dictionary, [], cut);
		// 城中 is not a dictionary word and 村 is loose: matched again they give 城中村; 高|质|量 give 高质量.
		expect(texts(segment('城中村的高质量', lexicon))).toEqual(['城中村', '的', '高质量']);
		// A word the dictionary lacks is split by the dictionary.
		expect(texts(segment('宁波北仑区', lexicon))).toEqual(['宁波', '北仑区']);
		// A segmenter that changes the text is ignored.
		const broken = segmenterLexicon(dictionary, [], () => ['城中村']);
		expect(texts(segment('城中村的高质量', broken))).toEqual(['城中村', '的', '高质量']);
	});

	it('uses the supplement, so names CC-CEDICT lacks stay whole', () => {
		const tokens = segment('新碶是北仑', plain);
		expect(texts(tokens)).toEqual(['新碶', '是', '北仑']);
		expect(tokens[0]!.kind).toBe('word');
	});

	it('gives glossary terms priority and keeps them whole across quotation marks', () => {
		const tokens = segment('专精特新“小巨人”企业，“扩中”“提低”，高质量发展', withGlossary);
		const terms = tokens.filter((t) => t.kind === 'term');
		expect(terms.map((t) => [t.text, t.termId])).toEqual([
			['专精特新“小巨人”', 'zhuan-jing-te-xin'],
			['扩中”“提低', 'kuo-zhong-ti-di'],
			['高质量发展', 'high-quality-development']
		]);
		expect(texts(tokens).slice(-5)).toEqual(['“', '扩中”“提低', '”', '，', '高质量发展']);
	});

	it('gives a term that closes a quotation its opening mark too', () => {
		const lexicon = segmenterLexicon(dictionary, [{ id: 'park', term: '“246”产业园', aliases: [] }]);
		expect(texts(segment('建设“246”产业园等', lexicon))).toContain('“246”产业园');
	});

	it('without the glossary, splits the same text into dictionary words', () => {
		expect(texts(segment('高质量发展', plain))).toEqual(['高质量', '发展']);
	});

	it('breaks ties between forward and backward matching towards better-known words', () => {
		// Forward: 今年|初; backward: 今|年初. Same counts; 今年 is an HSK word.
		expect(texts(segment('今年初', plain))).toEqual(['今年', '初']);
	});

	it('keeps numbers with their magnitude and measure word', () => {
		const tokens = segment('1856.6亿元，5.3%，47.46万平方米，30多个，1至11月，2.0科技', plain);
		expect(tokens.filter((t) => t.kind === 'number').map((t) => t.text)).toEqual([
			'1856.6亿元',
			'5.3%',
			'47.46万平方米',
			'30多个',
			'1',
			'11月',
			'2.0'
		]);
		expect(texts(tokens).slice(-2)).toEqual(['2.0', '科技']);
	});

	it('keeps Latin runs together and punctuation separate', () => {
		const tokens = segment('（COVID-19）……G20峰会', plain);
		expect(tokens.map((t) => [t.text, t.kind])).toEqual([
			['（', 'punct'],
			['COVID-19', 'latin'],
			['）', 'punct'],
			['……', 'punct'],
			['G20', 'latin'],
			['峰', 'unknown'],
			['会', 'unknown']
		]);
	});

	it('marks characters in no lexicon as unknown', () => {
		expect(segment('碶', plain)).toEqual([{ text: '碶', kind: 'unknown', start: 0, end: 1 }]);
	});
});

describe('tokenKey and numberParts', () => {
	it('strip quotation marks from terms and give numbers their whole text', () => {
		expect(tokenKey({ text: '专精特新“小巨人”', kind: 'term' })).toBe('专精特新小巨人');
		expect(tokenKey({ text: '1856.6亿元', kind: 'number' })).toBe('1856.6亿元');
		expect(tokenKey({ text: '5.3%', kind: 'number' })).toBeNull();
		expect(tokenKey({ text: '，', kind: 'punct' })).toBeNull();
	});

	it('split the Chinese of a number into magnitude and measure word', () => {
		expect(numberParts('1856.6亿元')).toEqual(['亿', '元']);
		expect(numberParts('47.46万平方米')).toEqual(['万', '平方米']);
		expect(numberParts('30多个')).toEqual(['多', '个']);
	});
});
