/**
 * What every export shares: the review state of a segment as the files record it, the tool that wrote a file, and
 * the languages. (Segments in reading order: $lib/content/walk; statuses: $lib/review/status.)
 */
import type { Segment } from '$lib/content/schema';
import { baselineStatus, type SegmentStatus } from '$lib/review/status';

/** A reviewer's or translator's comment on one segment. `date` is an ISO 8601 timestamp. */
export interface ExportComment {
	author: string;
	date: string;
	body: string;
}

/** The review record of one segment: status, the current English (may differ from the article's) and comments. */
export interface ExportState {
	/** untranslated: no English yet (an imported article before translation). */
	status: SegmentStatus;
	en: string;
	comments: ExportComment[];
}

/** Review records by segment id; segments without a record use the article's English and its baseline status. */
export type ExportStates = ReadonlyMap<string, ExportState>;

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

/** The status and English of a segment after applying its review record, if any. */
export function resolveState(segment: Segment, states?: ExportStates): ExportState {
	const state = states?.get(segment.id);
	return state ?? { status: baselineStatus(segment.en), en: segment.en, comments: [] };
}
