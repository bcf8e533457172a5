import { describe, expect, it } from 'vitest';
import { createQaContext } from '$lib/review/qa';
import { applyCorrections, figureTable, periodOf, scaled, usdText } from './figures';
import { GLOSSARY } from '$lib/review/qa/test-fixtures';

const ctx = createQaContext(GLOSSARY, { year: 2022 });
const rate = { year: 2022, rmbPerUsd: 6.7261, source: 'NBS', published: '2023-02-28' };
const seg = (id: string, zh: string, en = '') => ({ id, zh, en, anchor: id });

describe('figureTable (the numbers engine of the QA, read for analysts)', () => {
	it('gives an amount in familiar units with its period, change, rank and US dollars', () => {
		const { rows } = figureTable(
			[
				seg(
					'p3-2',
					'今年前三季度，全区实现地区生产总值1856.6亿元，同比增长5.3%，增速居全市第一，高质量发展的基石更加稳固。',
					'In the first three quarters of 2022, the district’s GDP reached RMB 185.66 billion, up 5.3% year on year.'
				)
			],
			{ ctx, year: 2022, rate, places: { 全市: 'Ningbo' } }
		);
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({
			zh: '1856.6亿元',
			kind: 'money',
			value: 185_660_000_000,
			unit: 'CNY',
			display: 'RMB 185.66 billion',
			period: 'Q1–Q3 2022',
			change: '+5.3% year on year',
			rank: 'first in Ningbo',
			usdDisplay: 'US$27.60 billion',
			measureFrom: 'english'
		});
		expect(rows[0]!.usd).toBeCloseTo(185_660_000_000 / 6.7261, 2);
	});

	it('converts 万 and 亩, keeps approximations and reads ranges of months', () => {
		const { rows } = figureTable(
			[
				seg('a', '截至10月底，全区新增就业人数3.7万人。'),
				seg('b', '完成拆除47.46万平方米。'),
				seg('c', '今年以来，累计盘活存量建设用地达5138亩。'),
				seg('d', '今年1至11月，总投资超1300亿元，新增集卡停车位近5000个，谋划30多个项目。')
			],
			{ ctx, year: 2022, rate }
		);
		const by = (zh: string) => rows.find((r) => r.zh === zh)!;
		expect(by('3.7万人')).toMatchObject({ display: '37,000 people', period: 'to the end of October 2022' });
		expect(by('47.46万平方米')).toMatchObject({ display: '474,600 m²', unit: 'm2' });
		expect(by('5138亩')).toMatchObject({
			display: '5,138 mu',
			secondary: 'about 342.5 ha',
			period: '2022 to date'
		});
		expect(by('超1300亿元')).toMatchObject({
			display: 'over RMB 130 billion',
			approx: 'over',
			usdDisplay: 'over US$19.33 billion',
			period: 'January–November 2022'
		});
		expect(by('近5000个').display).toBe('nearly 5,000');
		expect(by('30多个').display).toBe('more than 30');
	});

	it('lists a figure whose unit it cannot read as not normalised, never guessed', () => {
		const { rows } = figureTable([seg('x', '城乡收入比值缩至1.64，持续向好。')], { ctx, year: 2022, rate });
		expect(rows[0]).toMatchObject({
			kind: 'unnormalised',
			value: null,
			unit: null,
			display: '1.64',
			usd: null
		});
	});

	it('takes what a figure measures from the curation, omits what is not a quantity, and reports stray curation', () => {
		const { rows, omitted, unmatched } = figureTable(
			[seg('p', '推出“锋领企服”2.0模式，并成立12个突击小分队。')],
			{
				ctx,
				curation: [
					{ segment: 'p', figure: '2.0', occurrence: 1, omit: 'A version number.' },
					{ segment: 'p', figure: '12', occurrence: 1, measure: 'Shock teams formed' },
					{ segment: 'p', figure: '99', occurrence: 1, measure: 'Not in the text' }
				]
			}
		);
		expect(rows.map((r) => [r.zh, r.measure, r.measureFrom])).toEqual([
			['12个', 'Shock teams formed', 'curated']
		]);
		expect(omitted.map((o) => [o.zh, o.reason])).toEqual([['2.0', 'A version number.']]);
		expect(unmatched.map((u) => u.figure)).toEqual(['99']);
	});

	it('applies editors’ corrections, the latest of a field winning, and keeps them with their author', () => {
		const { rows } = figureTable([seg('s', '共有上市企业21家。')], { ctx });
		const corrected = applyCorrections(rows, [
			{
				key: rows[0]!.key,
				field: 'measure',
				value: 'Listed firms',
				author: 'ann',
				at: '2026-01-01T00:00:00Z'
			},
			{
				key: rows[0]!.key,
				field: 'measure',
				value: 'Listed companies',
				author: 'bo',
				at: '2026-01-02T00:00:00Z'
			},
			{ key: rows[0]!.key, field: 'period', value: '', author: 'bo', at: '2026-01-02T00:00:00Z' }
		]);
		expect(corrected[0]).toMatchObject({
			measure: 'Listed companies',
			measureFrom: 'correction',
			period: null
		});
		expect(corrected[0]!.corrections.map((c) => c.author)).toEqual(['ann', 'bo', 'bo']);
	});
});

describe('units and periods', () => {
	it('writes amounts with billion and million, dollars to the cent of their scale', () => {
		expect(scaled(185_660_000_000)).toBe('185.66 billion');
		expect(scaled(500_000_000)).toBe('500 million');
		expect(scaled(37_000)).toBe('37,000');
		expect(usdText(74_337_283.2)).toBe('US$74.34 million');
	});
	it('reads the periods the articles use', () => {
		expect(periodOf('今年前三季度，全区', 2022)).toBe('Q1–Q3 2022');
		expect(periodOf('今年1至11月，全区', 2022)).toBe('January–November 2022');
		expect(periodOf('截至10月底，全区', 2022)).toBe('to the end of October 2022');
		expect(periodOf('目前，全区已有', 2022, 'Late 2022')).toBe('as of late 2022');
		expect(periodOf('全区已有', 2022)).toBeNull();
	});
});
