import { describe, expect, it } from 'vitest';
import { article, segmentIds } from '$lib/exports/test-fixtures';
import { articleSegments, readerChineseTexts, walkSegments } from './walk';

describe('walking an article', () => {
	it('gives the segments in reading order, each with its block and the anchor the reader links to', () => {
		const placed = walkSegments(article);
		expect(placed[0]).toMatchObject({ block: 'title', blockType: 'title', anchor: 'article-title' });
		expect(placed.map((p) => p.segment)).toEqual(articleSegments(article));
		expect(placed.map((p) => p.segment.id)).toEqual(segmentIds);
		const inBlocks = article.blocks.flatMap((b) =>
			b.type === 'gap' ? [] : [...b.segments, ...(b.type === 'caption' && b.credit ? [b.credit] : [])]
		);
		expect(placed.filter((p) => !p.anchor.match(/^(article-title|byline)$/)).map((p) => p.segment)).toEqual(
			inBlocks
		);
	});

	it('puts the byline after the headline and a photo credit after its caption, as segments of their own', () => {
		const placed = walkSegments(article);
		expect(placed[2]).toEqual({ segment: article.byline, block: 'byline', blockType: 'byline', anchor: 'byline' });
		const credit = placed.find((p) => p.segment.id === 'c1-credit');
		expect(credit).toMatchObject({ block: 'c1', blockType: 'caption', anchor: 'c1' });
		expect(credit?.segment.zh).toBe('王哲波 摄');
		expect(placed[placed.indexOf(credit!) - 1]?.segment.id).toBe('c1-1');
	});

	it('lists every Chinese text the reader shows: segments (byline and credits among them), date, source, gaps, notes', () => {
		const texts = readerChineseTexts(article);
		const zh = texts.map((t) => t.zh);
		for (const s of articleSegments(article)) expect(zh).toContain(s.zh);
		expect(zh).toContain(article.date.zh);
		expect(zh).toContain(article.source.zh);
		for (const b of article.blocks) {
			if (b.type === 'caption' && b.credit) expect(zh).toContain(b.credit.zh);
			if (b.type === 'gap' && b.note.zh) expect(zh).toContain(b.note.zh);
		}
		expect(zh).toContain(article.byline!.zh);
		expect(new Set(texts.map((t) => t.key)).size).toBe(texts.length);
	});
});
