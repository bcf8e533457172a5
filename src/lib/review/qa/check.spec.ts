import { describe, expect, it } from 'vitest';
import { checkArticle, checkSegment, createQaContext, QA_RULES, warningKey, type QaWarning } from './index';
import { ctx, GLOSSARY } from './test-fixtures';

const ZH =
	'今年前三季度，全区实现地区生产总值1856.6亿元，同比增长5.3%，增速居全市第一，高质量发展的基石更加稳固。';
const EN =
	"In the first three quarters of 2022, the district's GDP reached RMB 185.66 billion, up 5.3% year on year, the fastest growth in the city, putting high-quality development on an ever firmer footing.";
const TITLE = {
	id: 'title',
	zh: '北仑紧扣“六促六优”，作表率、勇争先',
	en: 'Beilun holds to the Six Promotions and Six Optimisations'
};

describe('checkSegment', () => {
	it('returns nothing for a good segment', () => {
		expect(checkSegment({ id: 'p2-2', zh: ZH, en: EN }, ctx)).toEqual([]);
		expect(checkSegment(TITLE, ctx)).toEqual([]);
	});

	it('runs every segment rule, in rule order', () => {
		const en = 'Beilun holds to the 六促六优，setting  an example in 2021';
		const warnings = checkSegment({ ...TITLE, en }, ctx);
		expect(warnings.map((w) => [w.rule, w.text])).toEqual([
			['untranslated-chinese', '六促六优'],
			['figures', '2021'],
			['terminology', '六促六优'],
			['punctuation', '，'],
			['punctuation', 'setting  an']
		]);
	});

	it('gives an empty segment only the empty warning', () => {
		expect(checkSegment({ id: 'p2-2', zh: ZH, en: ' ' }, ctx).map((w) => w.rule)).toEqual(['empty']);
		expect(checkSegment({ id: 'p2-2', zh: ZH, en: ZH }, ctx).map((w) => w.code)).toEqual(['identical']);
	});

	it('gives the same warnings, with the same keys, on every run', () => {
		const seg = { id: 'p2-2', zh: ZH, en: EN.replace(', up 5.3% year on year', '') };
		const first = checkSegment(seg, ctx);
		expect(checkSegment(seg, createQaContext(GLOSSARY, { year: 2022 }))).toEqual(first);
		expect(first.map((w) => w.key)).toEqual(['figures:p2-2:missing:5.3%']);
	});

	it('keeps a key when unrelated parts of the English change, so an acceptance survives edits', () => {
		const key = (en: string) => checkSegment({ id: 'p2-2', zh: ZH, en }, ctx).map((w) => w.key);
		const dropped = EN.replace(', up 5.3% year on year', '');
		expect(key(dropped)).toEqual(key(dropped.replace('putting', 'placing')));
		expect(key(dropped)).toEqual([warningKey('figures', 'p2-2', 'missing', '5.3%')]);
	});

	it('every warning has a key built from rule, segment id, code and text, and an English message', () => {
		const warnings = checkSegment({ ...TITLE, en: 'Beilun 六促六优 “campaign  ,' }, ctx);
		expect(warnings.length).toBeGreaterThan(3);
		for (const w of warnings) {
			expect(w.key).toBe(warningKey(w.rule, w.segmentId, w.code, w.text));
			expect(w.message).toMatch(/^[\x20-\x7E“”‘’’\p{Script=Han}\u3000-\u303F\uFF01-\uFF60]+$/u);
			expect(QA_RULES).toContain(w.rule);
		}
	});
});

describe('checkArticle', () => {
	const segments = [
		TITLE,
		{ id: 'p1-1', zh: '潮起东海，奔竞不息。', en: 'The tide rises on the East China Sea.' },
		{ id: 'p2-2', zh: ZH, en: EN.replace('185.66', '185.56') },
		{ id: 'p9-1', zh: '潮起东海，奔竞不息。', en: 'The tide  rises in the East China Sea.' },
		{ id: 'p9-2', zh: '高水平的社会治理，离不开党员干部的担当作为。', en: '' }
	];

	it('checks every segment, adds consistency, and lists warnings in reading order', () => {
		const warnings = checkArticle(segments, ctx);
		expect(warnings.map((w: QaWarning) => [w.segmentId, w.rule, w.code])).toEqual([
			['p2-2', 'figures', 'missing'],
			['p2-2', 'figures', 'extra'],
			['p9-1', 'punctuation', 'double-space'],
			['p9-1', 'consistency', 'different'],
			['p9-2', 'empty', 'empty']
		]);
	});

	it('returns nothing for an article with no problems', () => {
		expect(checkArticle([TITLE, { id: 'p2-2', zh: ZH, en: EN }], ctx)).toEqual([]);
	});
});
