import { describe, expect, it } from 'vitest';
import { createChineseMatcher, createEnglishMatcher } from './matcher';

/** A glossary entry as the matcher reads it: id, term, English rendering, other renderings, aliases. */
const entry = (
	id: string,
	term: string,
	en: string,
	alsoRendered: string[] = [],
	aliases: string[] = []
) => ({
	id,
	term,
	aliases,
	rendering: { en, source: '' },
	alsoRendered
});

const entries = [
	entry('kuo-zhong-ti-di', '扩中提低', 'expanding the middle and raising the low', [
		'expanding middle-income groups and raising low incomes'
	]),
	entry('zhuan-jing-te-xin', '专精特新', 'specialised and sophisticated'),
	entry('xiao-ju-ren', '专精特新“小巨人”', 'little giant', ['little giants'], ['小巨人']),
	entry('liang-chang', '两场', 'two yards'),
	entry('liang-chang-yi-cang', '两场一仓', 'two yards and one warehouse')
];

describe('Chinese term matching', () => {
	const find = createChineseMatcher(entries);

	it('finds a term split by quotation marks, as the source writes “扩中”“提低”', () => {
		const text = '北仑持续推进“扩中”“提低”，城乡收入比值缩至1.64';
		const [m] = find(text);
		expect(m?.id).toBe('kuo-zhong-ti-di');
		expect([...text].slice(m!.start, m!.end).join('')).toBe('扩中”“提低');
	});

	it('prefers the longest match and keeps a quoted part inside the term', () => {
		const text = '新培育国家级专精特新“小巨人”企业9家';
		const [m] = find(text);
		expect(m?.id).toBe('xiao-ju-ren');
		expect([...text].slice(m!.start, m!.end).join('')).toBe('专精特新“小巨人”');
	});

	it('longest match: 两场一仓 over 两场; 两场 alone still found', () => {
		expect(find('北仑加快“两场一仓”分类整治').map((m) => m.id)).toEqual(['liang-chang-yi-cang']);
		expect(find('破解“两场”管').map((m) => m.id)).toEqual(['liang-chang']);
	});

	it('finds aliases and reports code-point offsets', () => {
		expect(find('小巨人企业')).toEqual([{ id: 'xiao-ju-ren', start: 0, end: 3 }]);
	});

	it('finds nothing in text without terms', () => {
		expect(find('潮起东海，奔竞不息。')).toEqual([]);
	});
});

describe('English term matching', () => {
	const find = createEnglishMatcher(entries);

	it('finds the rendering or a variant, case-insensitively, as whole words, only for the given ids', () => {
		const text = 'Nine new national Little Giants were nurtured.';
		expect(find(text, ['xiao-ju-ren'])).toEqual([{ id: 'xiao-ju-ren', start: 18, end: 31 }]);
		expect(find(text, ['kuo-zhong-ti-di'])).toEqual([]);
		expect(find('the little giantess', ['xiao-ju-ren'])).toEqual([]);
	});

	it('tolerates quotation marks between the words of a rendering', () => {
		const find2 = createEnglishMatcher([
			{ id: 'p246', rendering: { en: '246 Industrial Demonstration Park', source: '' }, alsoRendered: [] }
		]);
		expect(find2('the “246” Industrial Demonstration Park and', ['p246'])).toEqual([
			{ id: 'p246', start: 5, end: 39 }
		]);
	});

	it('never returns overlapping marks: the longer rendering wins', () => {
		const text = 'the two yards and one warehouse were sorted';
		expect(find(text, ['liang-chang', 'liang-chang-yi-cang'])).toEqual([
			{ id: 'liang-chang-yi-cang', start: 4, end: 31 }
		]);
	});
});
