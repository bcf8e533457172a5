/**
 * Runs the QA checks over the curated seed article with the real glossary and prints the warnings, for the
 * translators. It asserts only what must hold whatever the translation says: the checks run, and every warning
 * names a real segment, a known rule and text found where it says.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArticle, parseGlossary, segmentsWithPaths } from '$lib/content/validate';
import { checkArticle, checkSegment, createQaContext, QA_RULES } from './index';

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

describe('QA over the curated seed article', () => {
	it('runs over every segment and reports warnings that name real segments', () => {
		const { article, segments, ctx } = load();
		const warnings = checkArticle(segments, ctx);

		const lines = warnings.map((w) => `  [${w.rule}] ${w.segmentId}: ${w.message}`);
		console.log(
			`QA warnings for ${article.slug} (${segments.length} segments): ${warnings.length}\n${lines.join('\n')}`
		);

		expect(Array.isArray(warnings)).toBe(true);
		const byId = new Map(segments.map((s) => [s.id, s]));
		for (const w of warnings) {
			const segment = byId.get(w.segmentId);
			expect(segment, `${w.key} names an unknown segment`).toBeDefined();
			expect(QA_RULES).toContain(w.rule);
			if (w.range && segment) expect(segment[w.range.side].slice(w.range.start, w.range.end)).toBe(w.text);
		}
		expect(new Set(warnings.map((w) => w.key)).size).toBe(warnings.length);
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
