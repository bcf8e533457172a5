import { describe, expect, it } from 'vitest';
import { checkEmpty, checkUntranslatedChinese } from './untranslated';

const ZH = '潮起东海，奔竞不息。';
const TITLE = '北仑紧扣“六促六优”，作表率、勇争先';

describe('empty', () => {
	it('passes a translation', () => {
		expect(
			checkEmpty({
				id: 'p1-1',
				zh: ZH,
				en: 'The tide rises on the East China Sea, and the race never stops.'
			})
		).toEqual([]);
	});

	it.each(['', '   ', '\n\t'])('reports empty or blank English %j', (en) => {
		expect(checkEmpty({ id: 'p1-1', zh: ZH, en })).toEqual([
			{
				key: `empty:p1-1:empty:${ZH}`,
				rule: 'empty',
				code: 'empty',
				segmentId: 'p1-1',
				text: ZH,
				message: 'The English is empty',
				range: { side: 'zh', start: 0, end: ZH.length }
			}
		]);
	});

	it('leaves a segment nobody has translated yet to its status, but not one saved with no English', () => {
		expect(checkEmpty({ id: 'p1-1', zh: ZH, en: '', status: 'untranslated' })).toEqual([]);
		for (const status of ['draft', 'translated', 'reviewed', 'approved', 'rejected'] as const)
			expect(checkEmpty({ id: 'p1-1', zh: ZH, en: ' ', status })).toMatchObject([{ code: 'empty' }]);
		expect(checkEmpty({ id: 'p1-1', zh: ZH, en: ZH, status: 'untranslated' })).toMatchObject([
			{ code: 'identical' }
		]);
	});

	it('reports English identical to the Chinese (after trimming)', () => {
		const [w] = checkEmpty({ id: 'p1-1', zh: ZH, en: ` ${ZH} ` });
		expect(w).toMatchObject({
			code: 'identical',
			text: ZH,
			message: 'The English is identical to the Chinese'
		});
	});
});

describe('untranslated-chinese', () => {
	const check = (en: string) => checkUntranslatedChinese({ id: 'title', zh: TITLE, en });

	it('passes English with no Chinese', () => {
		expect(check('Beilun holds to the Six Promotions and Six Optimisations')).toEqual([]);
	});

	it('reports Chinese left in the English', () => {
		const warnings = check('Beilun holds to the 六促六优, 作表率');
		expect(warnings.map((w) => [w.code, w.text])).toEqual([
			['untranslated', '六促六优'],
			['untranslated', '作表率']
		]);
		expect(warnings[0]).toMatchObject({
			key: 'untranslated-chinese:title:untranslated:六促六优',
			message: 'Chinese characters 六促六优 in the English outside a quotation of the source',
			range: { side: 'en', start: 20, end: 24 }
		});
	});

	it('allows the source term quoted in parentheses or quotation marks', () => {
		expect(check('Beilun holds to the Six Promotions and Six Optimisations (六促六优)')).toEqual([]);
		expect(check('Beilun holds to the “六促六优” campaign')).toEqual([]);
		expect(check('Beilun holds to the "六促六优" campaign')).toEqual([]);
		expect(check("Beilun holds to the '六促六优' campaign")).toEqual([]);
		expect(check('Beilun holds to the campaign (“六促六优”, literally six promotions)')).toEqual([]);
	});

	it('reports quoted Chinese the source does not contain', () => {
		const [w] = check('Beilun holds to the campaign (两场一仓)');
		expect(w).toMatchObject({
			code: 'not-in-source',
			text: '两场一仓',
			message: 'The Chinese 两场一仓 quoted in the English does not occur in the Chinese of this segment'
		});
	});

	it('takes a stretch of Chinese with its punctuation as one', () => {
		expect(check('Beilun 作表率、勇争先 today').map((w) => w.text)).toEqual(['作表率、勇争先']);
	});
});
