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
