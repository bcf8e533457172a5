/** segment_comments: each segment's comment thread. */
import type { InferResult } from 'kysely';
import * as v from 'valibot';
import { IdSchema } from '../../../content/schema';
import type { Db } from '../../db/index';
import { nonBlank, parseInput, RowId } from '../../db/input';
import type { ReviewerRef } from '../../auth/reviewers';
import { Key, MAX_TEXT, keyOfRow, type SegmentKey } from './common';

/** A comment; `body` is plain text exactly as written (escape it when rendering). */
export interface Comment extends SegmentKey {
	id: number;
	author: ReviewerRef;
	body: string;
	createdAt: string;
}

const CommentSchema = v.object({ ...Key, reviewerId: RowId, body: nonBlank('body', MAX_TEXT) });

function selectComments(db: Db) {
	return db.kysely
		.selectFrom('segment_comments as c')
		.innerJoin('reviewers as r', 'r.id', 'c.reviewer_id')
		.select(['c.id', 'c.slug', 'c.segment_id', 'c.reviewer_id', 'r.username', 'c.body', 'c.created_at']);
}

type CommentRow = InferResult<ReturnType<typeof selectComments>>[number];
const toComment = (r: CommentRow): Comment => ({
	id: r.id,
	...keyOfRow(r),
	author: { id: r.reviewer_id, username: r.username },
	body: r.body,
	createdAt: r.created_at
});

/** Add a comment to a segment's thread. The body is stored exactly as given (plain text, never HTML). */
async function addComment(
	db: Db,
	input: SegmentKey & { reviewerId: number; body: string }
): Promise<Comment> {
	const x = parseInput(CommentSchema, input);
	return await db.transaction(async () => {
		const inserted = await db.first(
			db.kysely
				.insertInto('segment_comments')
				.values({
					slug: x.slug,
					segment_id: x.segmentId,
					reviewer_id: x.reviewerId,
					body: x.body,
					created_at: db.nowIso()
				})
				.returning('id')
		);
		const row = inserted && (await db.first(selectComments(db).where('c.id', '=', inserted.id)));
		if (!row) throw new Error('addComment: inserted comment not found');
		return toComment(row);
	});
}

/** The comments of an article (or of one segment when `segmentId` is given), oldest first. */
async function listComments(db: Db, query: { slug: string; segmentId?: string }): Promise<Comment[]> {
	const x = parseInput(v.object({ slug: IdSchema, segmentId: v.optional(IdSchema) }), query);
	let q = selectComments(db).where('c.slug', '=', x.slug);
	if (x.segmentId !== undefined) q = q.where('c.segment_id', '=', x.segmentId);
	return (await db.all(q.orderBy('c.id'))).map(toComment);
}

export const commentOperations = { addComment, listComments };
