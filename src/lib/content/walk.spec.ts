import { describe, expect, it } from 'vitest';
import { article } from '$lib/exports/test-fixtures';
import { articleSegments, readerChineseTexts, walkSegments } from './walk';

describe('walking an article', () => {
	it('gives the segments in reading order, each with its block and the anchor the reader links to', () => {
		const placed = walkSegments(article);
		expect(placed[0]).toMatchObject({ block: 'title', blockType: 'title', anchor: 'article-title' });
		expect(placed.map((p) => p.segment)).toEqual(articleSegments(article));
		const inBlocks = article.blocks.flatMap((b) => (b.type === 'gap' ? [] : b.segments.map((s) => s.id)));
		expect(placed.filter((p) => p.anchor !== 'article-title').map((p) => p.segment.id)).toEqual(inBlocks);
	});

	it('lists every Chinese text the reader shows: segments, then byline, date, source, credits, gaps, notes', () => {
		const texts = readerChineseTexts(article);
		const zh = texts.map((t) => t.zh);
		for (const s of articleSegments(article)) expect(zh).toContain(s.zh);
		expect(zh).toContain(article.date.zh);
		expect(zh).toContain(article.source.zh);
		for (const b of article.blocks) {
			if (b.type === 'caption' && b.credit) expect(zh).toContain(b.credit.zh);
			if (b.type === 'gap' && b.note.zh) expect(zh).toContain(b.note.zh);
		}
		expect(new Set(texts.map((t) => t.key)).size).toBe(texts.length);
	});
});
