/** The whole-article QA is reused while the text it checked is the same, and rerun as soon as any English changes. */
import { describe, expect, it } from 'vitest';
import { getArticle } from '$lib/server/content/store';
import { walkSegments } from '$lib/content/walk';
import { articleWarnings } from './load-workspace';

const article = (await getArticle('beilun-liucu-liuyou'))!;
const withFigure = walkSegments(article)
	.map((p) => p.segment)
	.find((s) => /\d/.test(s.zh))!;
const state = (en: string, version: number) => ({
	segmentId: withFigure.id,
	en,
	status: 'translated' as const,
	version,
	approvedEn: null,
	updatedBy: { username: 'ann' },
	updatedAt: '2026-01-01T00:00:00.000Z'
});

describe('whole-article QA', () => {
	it('answers again from the last run for the same text, and checks a changed English anew', () => {
		const first = articleWarnings(article, [state(withFigure.en, 1)]);
		expect(articleWarnings(article, [state(withFigure.en, 1)])).toBe(first);
		const changed = articleWarnings(article, [state('No figures here.', 2)]);
		expect(changed).not.toBe(first);
		expect(changed.filter((w) => w.segmentId === withFigure.id).length).toBeGreaterThan(
			first.filter((w) => w.segmentId === withFigure.id).length
		);
		// Back to the first text: the same warnings as the first run.
		expect(articleWarnings(article, [state(withFigure.en, 3)])).toEqual(first);
	});
});
