/** What the review tables share: the segment key, its schema, the longest text accepted, reviewer references. */
import * as v from 'valibot';
import { IdSchema } from '../../../content/schema';
import type { ReviewerRef } from '../../auth/reviewers';

/** Which segment. */
export interface SegmentKey {
	slug: string;
	segmentId: string;
}

/** Longest English target, comment or reason accepted (one limit for forms, import and store). */
export { MAX_TEXT } from '../../../review/limits';

export const Key = { slug: IdSchema, segmentId: IdSchema };
export const KeySchema = v.object(Key);

/** A stored version number (0 = the content file's text). */
export const Version = v.pipe(
	v.number('version must be a number'),
	v.integer('version must be an integer'),
	v.minValue(0, 'version must be ≥ 0')
);

/** A reviewer from a joined row; null when the row has none. */
export const ref = (id: number | null, username: string | null): ReviewerRef | null =>
	id !== null && username !== null ? { id, username } : null;

/** The segment key of a row. */
export const keyOfRow = (row: { slug: string; segment_id: string }): SegmentKey => ({
	slug: row.slug,
	segmentId: row.segment_id
});
