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

describe('QA over the curated seed article', () => {
	it('finds nothing to warn about in the curated translation', () => {
		const { segments, ctx } = load();
		expect(segments.length).toBeGreaterThan(50);
		const warnings = checkArticle(segments, ctx);
		expect(warnings.map((w) => `[${w.rule}] ${w.segmentId}: ${w.message}`)).toEqual([]);
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
