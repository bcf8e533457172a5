/**
 * Walking an article in reading order, defined once: its segments (title, subtitle, then the blocks' segments)
 * with the block each sits in, and every Chinese text the reader shows. Works on the article as validated and on
 * its annotated form alike. Pure.
 */
import type { Bilingual, Block, Note, Segment } from './schema';

/** A block whose segments (and a caption's credit) are of type `S` (the validated segments, or annotated ones). */
export type BlockOf<S extends Segment, B = Block> = B extends { segments: Segment[] }
	? Omit<B, 'segments' | 'credit'> & { segments: S[] } & ('credit' extends keyof B ? { credit?: S } : unknown)
	: B;

/** What the walk reads of an article; both `Article` and `AnnotatedArticle` have it. */
export interface WalkableArticle<S extends Segment = Segment> {
	title: S;
	subtitle?: S;
	byline?: S;
	date: Bilingual;
	source: Bilingual;
	notes: Note[];
	blocks: readonly BlockOf<S>[];
}

/** A segment with where it sits. */
export interface PlacedSegment<S extends Segment = Segment> {
	segment: S;
	/** Block id (e.g. "p3"), or "title" / "subtitle" / "byline" for the article's header segments. */
	block: string;
	blockType: Block['type'] | 'title' | 'subtitle' | 'byline';
	/** The reader's element id around it, for links: the block id, or "article-title" for the headline. */
	anchor: string;
}

/**
 * Every segment of an article in reading order (title, subtitle, byline, then the blocks, a caption's credit
 * after its caption), with its block.
 */
export function walkSegments<S extends Segment>(article: WalkableArticle<S>): PlacedSegment<S>[] {
	const out: PlacedSegment<S>[] = [
		{ segment: article.title, block: 'title', blockType: 'title', anchor: 'article-title' }
	];
	if (article.subtitle)
		out.push({ segment: article.subtitle, block: 'subtitle', blockType: 'subtitle', anchor: 'article-title' });
	if (article.byline) out.push({ segment: article.byline, block: 'byline', blockType: 'byline', anchor: 'byline' });
	for (const block of article.blocks) {
		if (block.type === 'gap') continue;
		for (const segment of block.segments)
			out.push({ segment, block: block.id, blockType: block.type, anchor: block.id });
		if (block.type === 'caption' && block.credit)
			out.push({ segment: block.credit, block: block.id, blockType: block.type, anchor: block.id });
	}
	return out;
}

/** Every segment of an article in reading order (title, subtitle, byline, then the blocks with credits). */
export function articleSegments<S extends Segment>(article: WalkableArticle<S>): S[] {
	return walkSegments(article).map((p) => p.segment);
}

/** A Chinese text the reader shows, keyed: a segment id, "date", "source", "<block id>/gap" or "note-<n>". */
export interface ChineseText {
	key: string;
	zh: string;
}

/**
 * Every Chinese text the reader shows for an article, in reading order: the segments (byline and credits
 * included), then the date and source, the notes of gaps, and the article's notes. (A segment's or a caption's
 * translator's note is shown in English only.)
 */
export function readerChineseTexts(article: WalkableArticle): ChineseText[] {
	const texts: ChineseText[] = walkSegments(article).map(({ segment }) => ({ key: segment.id, zh: segment.zh }));
	const add = (key: string, zh: string | undefined) => zh && texts.push({ key, zh });
	add('date', article.date.zh);
	add('source', article.source.zh);
	for (const block of article.blocks) {
		if (block.type === 'gap') add(`${block.id}/gap`, block.note.zh);
	}
	article.notes.forEach((note, i) => add(`note-${i + 1}`, note.zh));
	return texts;
}
