import { describe, expect, it } from 'vitest';
import { measureCoverage } from './coverage';
import { extractArticleDictionary } from './extract';
import { GLOSSARY_SAMPLE, sampleDictionary } from './fixtures';
import { segmenterLexicon } from './lexicon';
import { segment, tokenKey } from './segment';

const dictionary = sampleDictionary();
const lexicon = segmenterLexicon(dictionary, GLOSSARY_SAMPLE);

describe('extractArticleDictionary', () => {
	const tokens = segment('新碶城中村的发展是专精特新“小巨人”，1856.6亿元。', lexicon);
	const extract = extractArticleDictionary(tokens, dictionary);

	it('has an entry for every token that needs one', () => {
		for (const t of tokens) {
			const key = tokenKey(t);
			if (key) expect(extract[key], key).toBeDefined();
		}
	});

	it('gives a word its readings, traditional forms, HSK level and characters', () => {
		expect(extract['发展']).toEqual({
			simplified: '发展',
			traditional: ['發展'],
			readings: [
				{
					pinyin: 'fā zhǎn',
					traditional: '發展',
					definitions: ['development', 'growth', 'to develop', 'to grow', 'to expand']
				}
			],
			hsk: 4,
			chars: ['发', '展']
		});
		expect(extract['发']!.readings.map((r) => r.pinyin)).toEqual(['fā', 'fà']);
		expect(extract['展']!.readings[0]!.definitions).toContain('to exhibit');
	});

	it('takes supplement entries with their kind and source note', () => {
		expect(extract['新碶']!.readings[0]).toMatchObject({ pinyin: 'Xīn qì', kind: 'place', note: 'test fixture' });
	});

	it('gives a character the dictionary lacks the reading it has in its word, and no meaning', () => {
		expect(extract['碶']).toEqual({
			simplified: '碶',
			traditional: ['碶'],
			readings: [{ pinyin: 'qì', traditional: '碶', definitions: [], fromWord: '新碶' }]
		});
	});

	it('breaks a glossary term the dictionary lacks into its words and characters', () => {
		const term = extract['专精特新小巨人']!;
		expect(term.readings).toEqual([]);
		expect(term.parts).toEqual(['专', '精', '特', '新', '小', '巨人']);
		expect(term.chars).toEqual([...'专精特新小巨人']);
		expect(extract['巨人']!.readings[0]!.definitions).toEqual(['giant']);
	});

	it('breaks a number into its magnitude and measure word', () => {
		expect(extract['1856.6亿元']).toEqual({ simplified: '1856.6亿元', traditional: [], readings: [], parts: ['亿', '元'] });
		expect(extract['亿']!.readings[0]!.definitions).toEqual(['100 million']);
	});

	it('holds nothing else', () => {
		const expected = new Set([
			...tokens.map(tokenKey).filter((k): k is string => !!k),
			...Object.values(extract).flatMap((e) => [...(e.chars ?? []), ...(e.parts ?? [])])
		]);
		expect(new Set(Object.keys(extract))).toEqual(expected);
	});
});

describe('measureCoverage', () => {
	it('counts Chinese tokens known to the dictionary or glossary and lists the rest', () => {
		const tokens = segment('高质量发展的城中村，碶碶，峰会。', lexicon);
		const coverage = measureCoverage(tokens, dictionary);
		// 高质量发展 (term), 的, 城中村, 碶, 碶, 峰, 会
		expect(coverage).toMatchObject({ total: 7, known: 3 });
		expect(coverage.share).toBeCloseTo(3 / 7);
		expect(coverage.unknown).toEqual([
			{ form: '碶', count: 2 },
			{ form: '峰', count: 1 }, // ties in Chinese collation order (fēng before huì)
			{ form: '会', count: 1 }
		]);
		expect(coverage.singleCharRuns.map((r) => r.form)).toEqual(['峰会', '碶碶']);
	});

	it('is complete for text with no Chinese', () => {
		expect(measureCoverage(segment('G20, 2022.', lexicon), dictionary)).toMatchObject({ total: 0, share: 1 });
	});
});
