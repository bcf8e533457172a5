/**
 * The review statuses of a segment, defined once: the workspace, the forms, the exports and the database's check
 * constraint (src/lib/server/db/migrations.ts) all take this list. Pure.
 */

/** The review life cycle of one segment, in workflow order. */
export const REVIEW_STATUSES = ['draft', 'translated', 'reviewed', 'approved', 'rejected'] as const;
/** A segment's review status. */
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/**
 * The status of a segment with no review record: its English exists but nobody has reviewed it. Curated articles
 * ship with English, so "translated" is the honest default (not "approved", which is a reviewer's decision).
 */
export const DEFAULT_STATUS: ReviewStatus = 'translated';

/** Whether a value is one of the review statuses. */
export function isReviewStatus(value: unknown): value is ReviewStatus {
	return (REVIEW_STATUSES as readonly unknown[]).includes(value);
}

/**
 * A segment with no English yet and no review record (an imported article before translation). Never stored:
 * the first save gives the segment a review status.
 */
export const UNTRANSLATED = 'untranslated';
/** What the workspace shows for a segment: a review status, or untranslated. */
export type SegmentStatus = ReviewStatus | typeof UNTRANSLATED;
/** Every status the workspace shows and filters by, untranslated first. */
export const SEGMENT_STATUSES = [UNTRANSLATED, ...REVIEW_STATUSES] as const;

/** The status of a segment with no review record: translated when it has English of its own, else untranslated. */
export function baselineStatus(en: string): SegmentStatus {
	return en.trim() ? DEFAULT_STATUS : UNTRANSLATED;
}
