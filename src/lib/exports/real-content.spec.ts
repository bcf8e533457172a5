/**
 * Round trips over the curated seed article and glossary. Skipped (not failed) while those files do not validate:
 * src/lib/content/content.spec.ts reports content problems.
 */
import { describe, expect, it } from 'vitest';
import { toTmx } from './tmx';
import { parseXliff, toXliff } from './xliff';
import { toTbx } from './tbx';
import { toArticleCsv } from './csv';
import * as fixture from './test-fixtures';
import { readTbx, readTmx } from './test-readers';
import { walkSegments } from '$lib/content/walk';

const real = fixture.loadRealContent();

describe.skipIf(!real)('exports of the curated content', () => {
	// The fixture stands in only so that collecting the skipped suite does not fail.
	const { article, glossary } = real ?? fixture;
	const segments = walkSegments(article).map((r) => r.segment);

	it('TMX: one tu per segment, every text round-trips', () => {
		const units = readTmx(toTmx(article)).units;
		expect(units).toHaveLength(segments.length);
		expect(units.map((u) => ({ id: u.tuid, zh: u.zh, en: u.en }))).toEqual(
			segments.map((s) => ({ id: s.id, zh: s.zh, en: s.en }))
		);
		expect(units.every((u) => u.props['x-article'] === article.slug)).toBe(true);
	});

	it('TBX: one concept per glossary entry, each reading back as the entry', () => {
		const { entries } = readTbx(toTbx(glossary));
		expect(entries).toHaveLength(glossary.length);
		expect(entries.map(({ conceptId: _, ...entry }) => entry)).toEqual(glossary);
	});

	it('XLIFF: export then import gives identity updates', () => {
		expect(parseXliff(toXliff(article), article)).toEqual({
			ok: true,
			updates: segments.map((s) => ({ segmentId: s.id, en: s.en, status: 'translated' }))
		});
	});

	it('XLIFF: a tampered file is refused with the right errors', () => {
		const first = segments[0];
		const last = segments[segments.length - 1];
		if (!first || !last) throw new Error('the article has no segments');
		const exported = toXliff(article);
		const wrongArticle = exported.replace(`<file id="${article.slug}"`, '<file id="another-article"');
		expect(parseXliff(wrongArticle, article)).toEqual({
			ok: false,
			errors: [`This file is for article "another-article", not "${article.slug}".`]
		});
		const tampered = exported
			.replace(`<unit id="${last.id}">`, '<unit id="p99-1">')
			.replace(/<source>[^<]*<\/source>/, '<source>改过的原文</source>');
		expect(parseXliff(tampered, article)).toEqual({
			ok: false,
			errors: [`source of ${first.id} was changed`, 'unknown segment id p99-1']
		});
	});

	it('CSV: a header and one row per segment', () => {
		const lines = toArticleCsv(article).slice(1).split('\r\n');
		expect(lines[0]).toBe('id,block,zh,en,status,note');
		expect(lines.filter((l) => l).length).toBeGreaterThanOrEqual(segments.length + 1);
	});
});
