/**
 * segment_assignments: who works on which segment. An editor assigns an article, or a range of its segments, to
 * accounts; a segment can have several assignees (say a translator and a reviewer). Who may assign is the
 * routes' check ($lib/review/roles, permission `assign`); the store checks the input.
 */
import * as v from 'valibot';
import { IdSchema } from '../../../content/schema';
import type { Db } from '../../db/index';
import { parseInput, RowId } from '../../db/input';
import type { ReviewerRef } from '../../auth/reviewers';

/** One assignee of one segment. */
export interface Assignment {
	segmentId: string;
	assignee: ReviewerRef;
}

const ChangeSchema = v.object({
	slug: IdSchema,
	segmentIds: v.pipe(v.array(IdSchema), v.minLength(1, 'no segments to assign')),
	assigneeId: RowId,
	assignedBy: RowId
});

type ChangeInput = { slug: string; segmentIds: readonly string[]; assigneeId: number; assignedBy: number };

/**
 * Assign the segments to an account, in one transaction. Returns how many were newly assigned to it (segments
 * already assigned to it are left as they were).
 */
async function assignSegments(db: Db, input: ChangeInput): Promise<{ added: number }> {
	const x = parseInput(ChangeSchema, input);
	return await db.transaction(async () => {
		const at = db.nowIso();
		let added = 0;
		for (const segmentId of x.segmentIds)
			added += await db.run(
				db.kysely
					.insertInto('segment_assignments')
					.values({
						slug: x.slug,
						segment_id: segmentId,
						reviewer_id: x.assigneeId,
						assigned_by: x.assignedBy,
						assigned_at: at
					})
					.onConflict((c) => c.columns(['slug', 'segment_id', 'reviewer_id']).doNothing())
			);
		return { added };
	});
}

/** Take the segments away from an account, in one transaction. Returns how many it had. */
async function unassignSegments(db: Db, input: ChangeInput): Promise<{ removed: number }> {
	const x = parseInput(ChangeSchema, input);
	return await db.transaction(async () => ({
		removed: await db.run(
			db.kysely
				.deleteFrom('segment_assignments')
				.where('slug', '=', x.slug)
				.where('reviewer_id', '=', x.assigneeId)
				.where('segment_id', 'in', x.segmentIds)
		)
	}));
}

/** The assignments of an article, by assignee name within each segment. */
async function listAssignments(db: Db, slug: string): Promise<Assignment[]> {
	const s = parseInput(IdSchema, slug);
	return (
		await db.all(
			db.kysely
				.selectFrom('segment_assignments as a')
				.innerJoin('reviewers as r', 'r.id', 'a.reviewer_id')
				.select(['a.segment_id', 'a.reviewer_id', 'r.username'])
				.where('a.slug', '=', s)
				.orderBy('a.segment_id')
				.orderBy('r.username')
		)
	).map((r) => ({ segmentId: r.segment_id, assignee: { id: r.reviewer_id, username: r.username } }));
}

export const assignmentOperations = { assignSegments, unassignSegments, listAssignments };
