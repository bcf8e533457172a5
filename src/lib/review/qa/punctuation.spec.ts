import { describe, expect, it } from 'vitest';
import { checkPunctuation, unbalancedMarks } from './punctuation';

const ZH = '今年1至11月，北仑完成投资405.9亿元，同比增长13.4%，居全市第三。';
const GOOD =
	"From January to November, Beilun's investment reached RMB 40.59 billion, up 13.4% year on year, third in the city.";
const punct = (en: string) => checkPunctuation({ id: 'p7-2', zh: ZH, en });
const codes = (en: string) => punct(en).map((w) => [w.code, w.text]);

describe('punctuation', () => {
	it('passes well-punctuated English', () => {
		expect(punct(GOOD)).toEqual([]);
		expect(
			punct(
				'Beilun has kept expanding the middle-income group ("kuozhong") and raising low incomes: the share of industrial workers\' households with an annual income of RMB 100,000 to 500,000 rose to 93.8%; the ‘dual-track linkage’ mechanism, Beilun’s [own] {idea}, worked.'
			)
		).toEqual([]);
	});

	it('reports full-width punctuation with the ASCII to use', () => {
		const warnings = punct('From January to November，Beilun invested RMB 40.59 billion。');
		expect(warnings.map((w) => w.message)).toEqual([
			'Full-width character ， (U+FF0C) in the English; use , instead',
			'Full-width character 。 (U+3002) in the English; use . instead'
		]);
		expect(warnings[0]).toMatchObject({
			key: 'punctuation:p7-2:full-width:，',
			params: { character: '，', codePoint: 'U+FF0C', replacement: ',' },
			range: { side: 'en', start: 24, end: 25 }
		});
		expect(codes('up 13.4％ year on year：third； really！ yes？ （note） the 、 list 《Measures》')).toEqual(
			[
				['full-width', '％'],
				['full-width', '：'],
				['full-width', '；'],
				['full-width', '！'],
				['full-width', '？'],
				['full-width', '（'],
				['full-width', '）'],
				['full-width', '、'],
				['full-width', '《'],
				['full-width', '》']
			]
		);
	});

	it('reports one warning per distinct character', () => {
		expect(codes('a，b，c')).toEqual([['full-width', '，']]);
	});

	it('allows full-width marks inside a quotation of Chinese', () => {
		expect(punct('the Measures (《北仑区（开发区）促进产业高质量发展扶持办法》) were issued')).toEqual([]);
	});

	it('reports unbalanced brackets and quotation marks', () => {
		expect(codes('the Measures (Trial were issued')).toEqual([['unbalanced', '(']]);
		expect(codes('the Measures Trial) were issued')).toEqual([['unbalanced', ')']]);
		expect(codes('the "246" parks and the "1244 mechanism')).toEqual([['unbalanced', '"']]);
		expect(codes('the “little giant enterprises')).toEqual([['unbalanced', '“']]);
		expect(codes('the little giant” enterprises')).toEqual([['unbalanced', '”']]);
		expect(codes('the ‘dual-track linkage mechanism')).toEqual([['unbalanced', '‘']]);
		expect(codes("the 'dual-track linkage mechanism")).toEqual([['unbalanced', "'"]]);
		expect(codes('the (list [of] items]')).toEqual([
			['unbalanced', '('],
			['unbalanced', ']']
		]);
		expect(punct('the Measures (Trial were issued')[0]?.message).toBe(
			'Unbalanced bracket ( in the English: no matching )'
		);
	});

	it('takes apostrophes for apostrophes', () => {
		expect(unbalancedMarks("Beilun's workers' incomes and Beilun’s workers’ incomes")).toEqual([]);
		expect(unbalancedMarks("the 'smallest unit' approach, the workers' 'grid' teams")).toEqual([]);
	});

	it('reports doubled spaces with their context', () => {
		const warnings = punct(GOOD.replace('reached RMB', 'reached  RMB'));
		expect(warnings.map((w) => [w.code, w.text, w.message])).toEqual([
			['double-space', 'reached  RMB', 'Doubled space in the English: “reached  RMB”']
		]);
	});

	it('reports a space before , . ; : ! ?', () => {
		expect(codes(GOOD.replace('billion,', 'billion ,'))).toEqual([['space-before', 'billion ,']]);
		expect(codes(GOOD.replace('city.', 'city .'))).toEqual([['space-before', 'city .']]);
		expect(codes('first ; second : third ! fourth ?')).toEqual([
			['space-before', 'first ;'],
			['space-before', 'second :'],
			['space-before', 'third !'],
			['space-before', 'fourth ?']
		]);
	});

	it('does not take a decimal point or an ellipsis for punctuation after a space', () => {
		expect(punct('a ratio of .64 and so on ...')).toEqual([]);
	});
});
