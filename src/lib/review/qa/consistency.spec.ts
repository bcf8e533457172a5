import { describe, expect, it } from 'vitest';
import { checkConsistency } from './consistency';

const ZH = '高水平的社会治理，离不开党员干部的担当作为。';
const A = 'High-quality social governance depends on Party members and cadres who take responsibility.';
const B = 'Good social governance needs Party cadres who act.';

describe('consistency', () => {
	it('passes the same source translated the same way (whitespace aside)', () => {
		expect(
			checkConsistency([
				{ id: 'p1', zh: ZH, en: A },
				{ id: 'p2', zh: ` ${ZH}\n`, en: ` ${A.replace(' on ', '  on ')} ` },
				{ id: 'p3', zh: '潮起东海，奔竞不息。', en: B }
			])
		).toEqual([]);
	});

	it('reports a segment that translates the same source differently, naming the other', () => {
		const warnings = checkConsistency([
			{ id: 'p1', zh: ZH, en: A },
			{ id: 'p2', zh: '潮起东海，奔竞不息。', en: 'The tide rises.' },
			{ id: 'p3', zh: ZH, en: B }
		]);
		expect(warnings).toEqual([
			{
				key: `consistency:p3:different:${B}`,
				rule: 'consistency',
				code: 'different',
				segmentId: 'p3',
				text: B,
				message: `The same Chinese is translated differently in segment p1: “${A}”`,
				params: { otherSegmentId: 'p1', otherEnglish: A },
				range: { side: 'en', start: 0, end: B.length }
			}
		]);
	});

	it('takes the translation most segments use as the reference', () => {
		const warnings = checkConsistency([
			{ id: 'p1', zh: ZH, en: B },
			{ id: 'p2', zh: ZH, en: A },
			{ id: 'p3', zh: ZH, en: A }
		]);
		expect(warnings.map((w) => [w.segmentId, w.params?.otherSegmentId])).toEqual([['p1', 'p2']]);
	});

	it('leaves segments with no English to the empty rule', () => {
		expect(
			checkConsistency([
				{ id: 'p1', zh: ZH, en: A },
				{ id: 'p2', zh: ZH, en: '  ' }
			])
		).toEqual([]);
	});
});
