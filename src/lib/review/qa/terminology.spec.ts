import { describe, expect, it } from 'vitest';
import { checkTerminology, segmentTerms } from './terminology';
import { ctx } from './test-fixtures';

const TITLE = '北仑紧扣“六促六优”，作表率、勇争先';
const terms = (zh: string, en: string) => checkTerminology({ id: 'title', zh, en }, ctx);

describe('terminology', () => {
	it('passes when every term has its rendering (case-insensitive) or a listed variant', () => {
		expect(
			terms(TITLE, 'Beilun holds to the Six Promotions and Six Optimisations, setting an example')
		).toEqual([]);
		expect(terms(TITLE, 'Beilun holds to the six promotions and six optimisations')).toEqual([]);
		expect(terms(TITLE, 'Beilun holds to the Six Promotions and Six Optimizations')).toEqual([]);
		expect(terms(TITLE, 'Beilun holds to the Six  Promotions and\nSix Optimisations')).toEqual([]);
	});

	it('names a term whose rendering is missing, with the rendering and variants', () => {
		const warnings = terms(TITLE, 'Beilun holds to its six-point campaign');
		expect(warnings).toEqual([
			{
				key: 'terminology:title:missing:六促六优',
				rule: 'terminology',
				code: 'missing',
				segmentId: 'title',
				text: '六促六优',
				message:
					'The glossary term 六促六优 is not rendered as “Six Promotions and Six Optimisations” or a listed variant (“Six Promotions and Six Optimizations”) in the English',
				params: {
					term: '六促六优',
					termId: 'liu-cu-liu-you',
					rendering: 'Six Promotions and Six Optimisations',
					variants: 'Six Promotions and Six Optimizations'
				},
				range: { side: 'zh', start: 5, end: 9 }
			}
		]);
	});

	it('matches whole words only', () => {
		expect(
			terms(TITLE, 'Beilunese officials hold to the Six Promotions and Six Optimisations').map((w) => w.text)
		).toEqual(['北仑']);
	});

	it('finds a term split by quotation marks in the source (“扩中”“提低”)', () => {
		const zh = '北仑持续推进“扩中”“提低”，城乡收入比值缩至1.64';
		expect(terms(zh, 'Beilun has kept expanding the middle-income group and raising low incomes')).toEqual(
			[]
		);
		const [w] = terms(zh, 'Beilun has kept growing the middle class');
		expect(w).toMatchObject({ text: '扩中”“提低', params: { termId: 'kuo-zhong-ti-di' } });
	});

	it('reports a term once per segment, however often it occurs', () => {
		const zh = '北仑高效落实机制。北仑持续推进城乡风貌整治提升。';
		expect(
			terms(zh, 'The district put the mechanism into effect and kept improving its townscape.')
		).toHaveLength(1);
	});

	it('finds a term with a quoted part (专精特新“小巨人”) and its rendering inside English quotation marks', () => {
		const zh = '北仑新培育国家级专精特新“小巨人”企业9家';
		expect(terms(zh, 'Beilun cultivated nine new national "little giant" enterprises')).toEqual([]);
		expect(terms(zh, 'Beilun cultivated nine new national champions').map((w) => w.text)).toEqual([
			'专精特新“小巨人”'
		]);
	});
});

describe('segment terms (the workspace list and the rule share them)', () => {
	it('lists each term once with its renderings and whether the English has one', () => {
		const hits = segmentTerms({ zh: TITLE, en: 'Beilun holds to its six-point campaign' }, ctx);
		expect(hits.map((h) => h.text)).toEqual(['北仑', '六促六优']);
		expect(hits[0]!.rendered).toBe(true);
		expect(hits[1]).toMatchObject({
			text: '六促六优',
			rendering: 'Six Promotions and Six Optimisations',
			variants: ['Six Promotions and Six Optimizations'],
			rendered: false
		});
		expect(TITLE.slice(hits[1]!.start, hits[1]!.end)).toBe('六促六优');
		const done = segmentTerms({ zh: TITLE, en: 'the Six Promotions and Six Optimisations' }, ctx);
		expect(done[1]?.rendered).toBe(true);
	});

	it('the terminology rule warns exactly for the terms not rendered', () => {
		const segment = { id: 'title', zh: TITLE, en: 'Beilun holds to its six-point campaign' };
		const missing = segmentTerms(segment, ctx).filter((h) => !h.rendered);
		expect(checkTerminology(segment, ctx).map((w) => w.params?.termId)).toEqual(missing.map((h) => h.id));
	});
});

describe('non-preferred renderings (the glossary’s avoid list)', () => {
	const PORT = '为强港建设、产业发展拓展新空间';
	const port = (en: string) => checkTerminology({ id: 'p20-2', zh: PORT, en }, ctx);

	it('flags a rendering to avoid used instead of the preferred one, naming both, where it stands in the English', () => {
		const en = 'opening up new space for building a world-class port and developing industry';
		expect(port(en)).toEqual([
			{
				key: 'terminology:p20-2:non-preferred:world-class port',
				rule: 'terminology',
				code: 'non-preferred',
				segmentId: 'p20-2',
				text: 'world-class port',
				message:
					'The English renders the glossary term 强港 as “world-class port”, a rendering the glossary lists to avoid; its preferred rendering is “strong port”',
				params: { term: '强港', termId: 'qiang-gang', rendering: 'strong port', used: 'world-class port' },
				range: { side: 'en', start: en.indexOf('world-class'), end: en.indexOf(' and developing') }
			}
		]);
	});

	it('passes the preferred rendering and admitted forms', () => {
		expect(port('opening up new space for building a strong port and developing industry')).toEqual([]);
		expect(port('opening up new space for a port powerhouse and for industry')).toEqual([]);
	});

	it('matches whole words, case-insensitively, longest form first', () => {
		expect(port('room for a World-Class Strong Port').map((w) => w.text)).toEqual([
			'World-Class Strong Port'
		]);
		// “world-class portfolio” is not the avoided “world-class port”, and nothing renders 强港: missing, not non-preferred.
		expect(port('room for a world-class portfolio').map((w) => w.code)).toEqual(['missing']);
	});

	it('still flags an avoided rendering when the preferred one is there too, once per form', () => {
		const en = 'a strong port, a world-class port, another world-class port and a world-class strong port';
		expect(port(en).map((w) => [w.code, w.text])).toEqual([
			['non-preferred', 'world-class port'],
			['non-preferred', 'world-class strong port']
		]);
	});

	it('does not flag an avoided form inside an admitted one, but does flag one that contains an admitted form', () => {
		const zh = '北仑区委主要负责人表示';
		const committee = (en: string) => checkTerminology({ id: 'p25-1', zh, en }, ctx);
		expect(committee('A principal official of the CPC Beilun District Committee said')).toEqual([]);
		expect(
			committee('A principal official of the Beilun district committee said').map((w) => w.text)
		).toEqual(['district committee']);

		const rotation = (en: string) => checkTerminology({ id: 'p24-2', zh: '谋划科级干部集中交流', en }, ctx);
		expect(rotation('It has planned a batch rotation of officials')).toEqual([]);
		expect(
			rotation('It has planned a concentrated rotation of officials').map((w) => [w.code, w.text])
		).toEqual([['non-preferred', 'concentrated rotation']]);
	});

	it('looks only where the term stands in the Chinese', () => {
		expect(
			checkTerminology({ id: 'x', zh: '北仑发展产业', en: 'Beilun, a world-class port, grows industry' }, ctx)
		).toEqual([]);
	});

	it('lists the avoided renderings with the segment’s terms, with their offsets in the English', () => {
		const en = 'Beilun builds a world-class port';
		const [hit] = segmentTerms({ zh: PORT, en }, ctx);
		expect(hit).toMatchObject({ id: 'qiang-gang', rendered: false });
		expect(hit?.avoided).toEqual([{ text: 'world-class port', start: 16, end: 32 }]);
		expect(en.slice(16, 32)).toBe('world-class port');
	});
});
