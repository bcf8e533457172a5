/**
 * What every export shares: the review state of a segment, the tool that wrote a file, and the article's segments
 * in reading order with the block each belongs to.
 */
import type { Article, Block, Segment } from '$lib/content/schema';

/** The review life cycle of one segment. */
export const REVIEW_STATUSES = ['draft', 'translated', 'reviewed', 'approved', 'rejected'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/**
 * The status of a segment with no review record: its English exists but nobody has reviewed it. Curated articles
 * ship with English, so "translated" is the honest default (not "approved", which is a reviewer's decision).
 */
export const DEFAULT_STATUS: ReviewStatus = 'translated';

/** A reviewer's or translator's comment on one segment. `date` is an ISO 8601 timestamp. */
export interface ReviewRecordComment {
	author: string;
	date: string;
	body: string;
}

/** The review record of one segment: status, the current English (may differ from the article's) and comments. */
export interface ReviewRecord {
	status: ReviewStatus;
	en: string;
	comments: ReviewRecordComment[];
}

/** Review records by segment id; segments without a record use the article's English and DEFAULT_STATUS. */
export type ReviewRecords = ReadonlyMap<string, ReviewRecord>;

/** The program that wrote a file (TMX creationtool, JSON generator, DOCX creator). */
export interface Tool {
	name: string;
	version: string;
}

/** Used when the caller names no tool; routes should pass the package version. */
export const DEFAULT_TOOL: Tool = { name: 'bilingual-reader', version: '0.1.0' };

/** Source and target languages of every article (BCP 47). */
export const SOURCE_LANG = 'zh-CN';
export const TARGET_LANG = 'en';

/** One segment of an article with where it sits: the block id, or "title"/"subtitle" for the headline. */
export interface SegmentRow {
	segment: Segment;
	/** Block id (e.g. "p3"), or "title" / "subtitle" for the article's headline segments. */
	block: string;
	blockType: Block['type'] | 'title' | 'subtitle';
}

/** Every segment of an article in reading order (title, subtitle, then the blocks), with its block. */
export function segmentRows(article: Article): SegmentRow[] {
	const rows: SegmentRow[] = [{ segment: article.title, block: 'title', blockType: 'title' }];
	if (article.subtitle) rows.push({ segment: article.subtitle, block: 'subtitle', blockType: 'subtitle' });
	for (const block of article.blocks) {
		if (block.type === 'gap') continue;
		for (const segment of block.segments) rows.push({ segment, block: block.id, blockType: block.type });
	}
	return rows;
}

/** The status and English of a segment after applying its review record, if any. */
export function resolveState(segment: Segment, states?: ReviewRecords): ReviewRecord {
	const state = states?.get(segment.id);
	return state ?? { status: DEFAULT_STATUS, en: segment.en, comments: [] };
}
