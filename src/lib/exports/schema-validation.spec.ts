/**
 * Every XML export, on the test article (every block type, characters that need escaping, review states and
 * comments) and on the curated content, validated against the official schemas (./schemas) by libxml2.
 */
import { describe, expect, it } from 'vitest';
import { toTmx } from './tmx';
import { toXliff } from './xliff';
import { toTbx } from './tbx';
import { schemaErrors } from './schema-check';
import * as fixture from './test-fixtures';
import { walkSegments } from '$lib/content/walk';
import type { ExportStates } from './model';
import { REVIEW_STATUSES } from '$lib/review/status';

/** Review states over the article's segments: every status, a comment with markup, some versions. */
function reviewStates(article: typeof fixture.article): ExportStates {
	const segments = walkSegments(article).map((r) => r.segment);
	return new Map(
		segments.map((s, i) => [
			s.id,
			{
				status: REVIEW_STATUSES[i % REVIEW_STATUSES.length]!,
				en: `${s.en} <revised> & "checked"`,
				comments: [{ author: 'reviewer', date: '2026-12-01T09:00:00.000Z', body: 'Check <b>this</b> & that' }]
			}
		])
	);
}

const real = fixture.loadRealContent();
const cases = [
	{ name: 'the test article', article: fixture.article, glossary: fixture.glossary },
	...(real ? [{ name: 'the curated content', article: real.article, glossary: real.glossary }] : [])
];

describe.each(cases)('exports of $name against the official schemas', ({ article, glossary }) => {
	const segments = walkSegments(article).map((r) => r.segment);

	it('XLIFF 2.1 (public, and the review file with states, comments and versions) passes the OASIS XSD', () => {
		expect(schemaErrors('xliff', toXliff(article))).toEqual([]);
		const versions = new Map(segments.map((s, i) => [s.id, i]));
		expect(schemaErrors('xliff', toXliff(article, reviewStates(article), { versions }))).toEqual([]);
	});

	it('TMX 1.4b (the article, and approved segments only) passes the LISA DTD', () => {
		expect(schemaErrors('tmx', toTmx(article))).toEqual([]);
		expect(schemaErrors('tmx', toTmx(article, { segments: segments.slice(0, 2) }))).toEqual([]);
	});

	it('TBX (the glossary) passes the TBX v3 core RELAX NG', () => {
		expect(schemaErrors('tbx', toTbx(glossary))).toEqual([]);
	});
});

describe('the validation fails a broken export', () => {
	const { article, glossary } = fixture;
	it('XLIFF: an unknown state, a missing source', () => {
		const xlf = toXliff(article);
		expect(schemaErrors('xliff', xlf.replace(/state="\w+"/, 'state="done"')).join('\n')).toMatch(/state/);
		expect(schemaErrors('xliff', xlf.replace(/<source>[^<]*<\/source>/, '')).length).toBeGreaterThan(0);
	});
	it('TMX: a tu without variants, a header without its required attributes', () => {
		const tmx = toTmx(article);
		expect(schemaErrors('tmx', tmx.replace(/<tuv[\s\S]*?<\/tuv>/g, '')).length).toBeGreaterThan(0);
		expect(schemaErrors('tmx', tmx.replace(/ srclang="[^"]*"/, '')).join('\n')).toMatch(/srclang/);
	});
	it('TBX: an element out of place; XML that is not well-formed', () => {
		const tbx = toTbx(glossary);
		expect(schemaErrors('tbx', tbx.replace('<text>', '<text><bogus/>')).length).toBeGreaterThan(0);
		expect(schemaErrors('tbx', tbx.slice(0, 200))[0]).toMatch(/^not well-formed/);
	});
});
