/**
 * Reviewed English over a curated article: the reader shows the content file's text until a review approves a
 * change, then the approved text. Pure: the caller passes the approved English and a segment annotator.
 */
import type { AnnotatedArticle, AnnotatedBlock, AnnotatedSegment } from './annotate';
import type { Segment } from './schema';

/** Annotates one segment (pinyin, term marks), e.g. `createAnnotator(glossary).segment`. */
export type SegmentAnnotator = (segment: Segment) => AnnotatedSegment;

/**
 * The article with `english[segmentId]` in place of each listed segment's English, re-annotated for terms.
 * Segments not listed, or whose English is unchanged, are the original objects; unknown ids are ignored.
 */
export function withEnglish(
	article: AnnotatedArticle,
	english: Readonly<Record<string, string>>,
	annotateSegment: SegmentAnnotator
): AnnotatedArticle {
	if (!Object.keys(english).length) return article;
	const swap = (s: AnnotatedSegment): AnnotatedSegment => {
		const en = Object.hasOwn(english, s.id) ? english[s.id] : undefined;
		if (en === undefined || en === s.en) return s;
		const { id, zh, note } = s;
		return annotateSegment({ id, zh, en, ...(note ? { note } : {}) });
	};
	const block = (b: AnnotatedBlock): AnnotatedBlock => {
		if (b.type === 'gap') return b;
		if (b.type === 'caption' && b.credit) return { ...b, segments: b.segments.map(swap), credit: swap(b.credit) };
		return { ...b, segments: b.segments.map(swap) };
	};
	return {
		...article,
		title: swap(article.title),
		...(article.subtitle ? { subtitle: swap(article.subtitle) } : {}),
		...(article.byline ? { byline: swap(article.byline) } : {}),
		blocks: article.blocks.map(block)
	};
}
