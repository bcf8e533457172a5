import { describe, expect, it } from 'vitest';
import { measureCoverage } from './coverage';
import { charactersOf, extractArticleDictionary } from './extract';
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

	it('gives a word its readings (traditional form where it differs), HSK level and characters', () => {
		expect(extract['发展']).toEqual({
			readings: [
				{
					pinyin: 'fā zhǎn',
					traditional: '發展',
					definitions: ['development', 'growth', 'to develop', 'to grow', 'to expand']
				}
			],
			hsk: 4
		});
		expect(charactersOf('发展').map((c) => extract[c] !== undefined)).toEqual([true, true]);
		expect(extract['城中村']!.readings[0]!.traditional).toBeUndefined();
	});

	it('gives a character seen only inside words the readings it has there, and fewer senses', () => {
		// 发 occurs only in 发展 (fā), so its fà reading (髮 hair) is left out.
		expect(extract['发']).toEqual({
			readings: [
				{ pinyin: 'fā', traditional: '發', definitions: ['to send out', "to show (one's feeling)"], more: 2 }
			]
		});
		// 的 is a token of its own: every reading, up to five senses.
		expect(extract['的']!.readings).toEqual([{ pinyin: 'de', definitions: ['of'] }]);
	});

	it('cuts long sense lists and says how many senses are left out', () => {
		const few = extractArticleDictionary(tokens, dictionary, { senses: 2, breakdownSenses: 1 });
		expect(few['发展']!.readings[0]).toMatchObject({ definitions: ['development', 'growth'], more: 3 });
	});

	it('takes supplement entries with their kind and source note', () => {
		expect(extract['新碶']!.readings[0]).toEqual({
			pinyin: 'Xīn qì',
			definitions: ['Xinqi, a subdistrict of Beilun District, Ningbo'],
			kind: 'place'
		});
	});

	it('gives a character the dictionary lacks the reading it has in its word, and no meaning', () => {
		expect(extract['碶']).toEqual({ readings: [{ pinyin: 'qì', definitions: [], fromWord: '新碶' }] });
	});

	it('breaks a glossary term the dictionary lacks into its words and characters', () => {
		const term = extract['专精特新小巨人']!;
		expect(term.readings).toEqual([]);
		expect(term.parts).toEqual(['专', '精', '特', '新', '小', '巨人']);
		for (const c of charactersOf('专精特新小巨人')) expect(extract[c], c).toBeDefined();
		expect(extract['巨人']!.readings[0]!.definitions).toEqual(['giant']);
	});

	it('breaks a number into its magnitude and measure word', () => {
		expect(extract['1856.6亿元']).toEqual({ readings: [], parts: ['亿', '元'] });
		expect(extract['亿']!.readings[0]!.definitions).toEqual(['100 million']);
	});

	it('holds nothing else', () => {
		const expected = new Set([
			...tokens.map(tokenKey).filter((k): k is string => !!k),
			...Object.entries(extract).flatMap(([k, e]) => [...charactersOf(k), ...(e.parts ?? [])])
		]);
		expect(new Set(Object.keys(extract))).toEqual(expected);
	});
});

describe('measureCoverage', () => {
	it('counts Chinese tokens known to the dictionary or glossary and lists the rest', () => {
		const tokens = segment('高质量发展的城中村，碶碶，峰会，是的。', lexicon);
		const coverage = measureCoverage(tokens, dictionary);
		// 高质量发展 (term), 的, 城中村, 碶, 碶, 峰, 会, 是, 的: unknown 碶 ×2, 峰, 会.
		expect(coverage).toMatchObject({ total: 9, known: 5 });
		expect(coverage.share).toBeCloseTo(5 / 9);
		expect(coverage.unknown).toEqual([
			{ form: '碶', count: 2 },
			{ form: '峰', count: 1 }, // ties in Chinese collation order (fēng before huì)
			{ form: '会', count: 1 }
		]);
		// Runs of single characters: 碶碶 and 峰会 (unknown), 是的 (two known characters).
		expect(coverage.singleCharRuns.map((r) => r.form)).toEqual(['峰会', '碶碶', '是的']);
		expect(coverage.inRuns).toBe(2);
		expect(coverage.strictShare).toBeCloseTo(3 / 9);
	});

	it('is complete for text with no Chinese', () => {
		expect(measureCoverage(segment('G20, 2022.', lexicon), dictionary)).toMatchObject({ total: 0, share: 1 });
	});
});
