/**
 * The QA checks over the curated seed article with the real glossary: the published translation passes them
 * clean, and defects put into real segments are found, each named by a real segment and a known rule, with its
 * text found where it says. (`npm run bench` times QA over the whole article.)
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArticle, parseGlossary, segmentsWithPaths } from '$lib/content/validate';
import {
	checkArticle,
	checkSegment,
	createQaContext,
	QA_RULES,
	segmentTerms,
	type QaSegment,
	type QaWarning
} from './index';

const read = (path: string) =>
	readFileSync(fileURLToPath(new URL(`../../../../${path}`, import.meta.url)), 'utf8');
const ARTICLE = 'content/articles/beilun-liucu-liuyou.yaml';
const GLOSSARY = 'content/glossary.yaml';

function load() {
	const article = parseArticle(ARTICLE, read(ARTICLE));
	const glossary = parseGlossary(GLOSSARY, read(GLOSSARY));
	const segments = segmentsWithPaths(article).map(({ segment }) => segment);
	return { article, segments, ctx: createQaContext(glossary, { year: 2022 }) };
}

/** Each warning names one of the segments and a known rule, its text stands where it says, and keys are unique. */
function expectWellFormed(warnings: QaWarning[], segments: QaSegment[]) {
	const byId = new Map(segments.map((s) => [s.id, s]));
	for (const w of warnings) {
		const segment = byId.get(w.segmentId);
		expect(segment, `${w.key} names an unknown segment`).toBeDefined();
		expect(QA_RULES).toContain(w.rule);
		if (w.range && segment) expect(segment[w.range.side].slice(w.range.start, w.range.end)).toBe(w.text);
	}
	expect(new Set(warnings.map((w) => w.key)).size).toBe(warnings.length);
}

// Parsing the whole glossary and article takes seconds on a loaded machine.
describe('QA over the curated seed article', { timeout: 60_000 }, () => {
	it('finds nothing to warn about in the curated translation', () => {
		const { segments, ctx } = load();
		expect(segments.length).toBeGreaterThan(50);
		const warnings = checkArticle(segments, ctx);
		expect(warnings.map((w) => `[${w.rule}] ${w.segmentId}: ${w.message}`)).toEqual([]);
	});

	it('checks the byline and the photo credits like every other segment', () => {
		const { segments } = load();
		const ids = segments.map((s) => s.id);
		expect(ids).toEqual(
			expect.arrayContaining(['byline', 'c1-credit', 'c2-credit', 'c3-credit', 'c4-credit', 'c7-credit'])
		);
		expect(ids.indexOf('byline')).toBe(ids.indexOf('subtitle') + 1);
		expect(ids.indexOf('c7-credit')).toBe(ids.indexOf('c7-1') + 1);
	});

	it('renders every glossary term by its preferred rendering or an admitted form, never one to avoid', () => {
		const { segments, ctx } = load();
		const hits = segments.flatMap((s) => segmentTerms(s, ctx).map((hit) => ({ segment: s.id, ...hit })));
		expect(hits.length).toBeGreaterThan(150);
		expect(hits.filter((h) => !h.rendered).map((h) => `${h.segment}: ${h.text}`)).toEqual([]);
		expect(
			hits.filter((h) => h.avoided.length).map((h) => `${h.segment}: ${h.text} as ${h.avoided[0]!.text}`)
		).toEqual([]);
	});

	it('flags a rendering the glossary avoids, put back into the real segments', () => {
		const { segments, ctx } = load();
		const edits: [string, RegExp, string, string][] = [
			['p20-2', /a strong port/, 'a world-class port', 'world-class port'],
			[
				'p14-2',
				/revitalised existing construction land/,
				'brought idle construction land back into use',
				'idle construction land'
			],
			['p24-3', /deployed to/, 'sent down to', 'sent down to'],
			['p4-1', /apply systems thinking/, 'take a systems approach', 'systems approach'],
			['p25-1', /principal official/, 'principal leader', 'principal leader']
		];
		for (const [id, from, to, flagged] of edits) {
			const segment = segments.find((s) => s.id === id)!;
			expect(segment.en, id).toMatch(from);
			const warnings = checkSegment({ ...segment, en: segment.en.replace(from, to) }, ctx);
			expect(
				warnings.map((w) => [w.rule, w.code, w.text]),
				id
			).toEqual([['terminology', 'non-preferred', flagged]]);
		}
	});

	it('finds a defect put into every real segment, naming that segment, its rule and where the text is', () => {
		const { segments, ctx } = load();
		const emptied = segments.map((s) => ({ ...s, en: '' }));
		const warnings = checkArticle(emptied, ctx);
		expect(new Set(warnings.filter((w) => w.rule === 'empty').map((w) => w.segmentId))).toEqual(
			new Set(segments.map((s) => s.id))
		);

		// Two characters of the source left in each English sentence.
		const withChinese = segments.map((s) => ({
			...s,
			en: `${s.en} ${s.zh.match(/\p{Script=Han}{2}/u)![0]}`
		}));
		const untranslated = checkArticle(withChinese, ctx).filter((w) => w.rule === 'untranslated-chinese');
		expect(new Set(untranslated.map((w) => w.segmentId))).toEqual(new Set(segments.map((s) => s.id)));

		expectWellFormed(warnings, emptied);
		expectWellFormed(untranslated, withChinese);
	});

	it('finds a figure typo and a dropped term in the real segments, with the real glossary', () => {
		const { segments, ctx } = load();
		const gdp = segments.find((s) => s.zh.includes('1856.6亿'));
		expect(gdp, 'the GDP sentence of the seed article').toBeDefined();
		const en = gdp!.en
			.replace(/185\.66 billion/, '185.56 billion')
			.replace(/5\.3 ?(?:%|per cent)/, 'strongly');
		const figures = checkSegment({ ...gdp!, en }, ctx).filter((w) => w.rule === 'figures');
		expect(figures.map((w) => w.text)).toEqual(expect.arrayContaining(['1856.6亿', '5.3%']));

		const title = segments.find((s) => s.zh.includes('六促六优'))!;
		const dropped = title.en.replace(/Six Promotions( and Six Optimi[sz]ations)?/gi, 'campaign');
		const terms = checkSegment({ ...title, en: dropped }, ctx).filter((w) => w.rule === 'terminology');
		expect(terms.map((w) => w.text)).toContain('六促六优');
	});
});
