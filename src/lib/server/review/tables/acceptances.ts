/** qa_acceptances: QA warnings reviewers accepted as not a problem, with the reason; revoked, never deleted. */
import * as v from 'valibot';
import { IdSchema } from '../../../content/schema';
import type { Db } from '../../db/index';
import { nonBlank, parseInput, RowId } from '../../db/input';
import type { ReviewerRef } from '../../auth/reviewers';
import { Key, keyOfRow, type SegmentKey } from './common';

/** A QA warning a reviewer accepted as not a problem. */
export interface QaAcceptance extends SegmentKey {
	id: number;
	warningKey: string;
	reason: string;
	acceptedBy: ReviewerRef;
	acceptedAt: string;
}

const WarningKey = v.pipe(
	v.string('warningKey must be text'),
	v.nonEmpty('warningKey is empty'),
	v.maxLength(200, 'warningKey is too long')
);
const AcceptSchema = v.object({
	...Key,
	warningKey: WarningKey,
	reason: nonBlank('reason', 2_000),
	reviewerId: RowId
});
const RevokeSchema = v.object({ ...Key, warningKey: WarningKey, reviewerId: RowId });

/**
 * Record that a reviewer accepted a QA warning, with the reason. Accepting an already accepted warning replaces
 * the reason (the old acceptance is kept as revoked by this reviewer).
 */
async function acceptQaWarning(
	db: Db,
	input: SegmentKey & { warningKey: string; reason: string; reviewerId: number }
): Promise<QaAcceptance> {
	const x = parseInput(AcceptSchema, input);
	return await db.transaction(async () => {
		const at = db.nowIso();
		await revokeLive(db, x, at);
		const row = await db.first(
			db.kysely
				.insertInto('qa_acceptances')
				.values({
					slug: x.slug,
					segment_id: x.segmentId,
					warning_key: x.warningKey,
					reason: x.reason,
					accepted_by: x.reviewerId,
					accepted_at: at
				})
				.returning('id')
		);
		const accepted = row && (await liveAcceptances(db, x.slug)).find((a) => a.id === row.id);
		if (!accepted) throw new Error('acceptQaWarning: inserted acceptance not found');
		return accepted;
	});
}

async function revokeLive(
	db: Db,
	x: SegmentKey & { warningKey: string; reviewerId: number },
	at: string
): Promise<number> {
	return await db.run(
		db.kysely
			.updateTable('qa_acceptances')
			.set({ revoked_by: x.reviewerId, revoked_at: at })
			.where('slug', '=', x.slug)
			.where('segment_id', '=', x.segmentId)
			.where('warning_key', '=', x.warningKey)
			.where('revoked_at', 'is', null)
	);
}

/** Withdraw an acceptance (recorded as revoked by this reviewer, not deleted); true if one was live. */
async function revokeQaWarning(
	db: Db,
	input: SegmentKey & { warningKey: string; reviewerId: number }
): Promise<boolean> {
	const x = parseInput(RevokeSchema, input);
	return await db.transaction(async () => (await revokeLive(db, x, db.nowIso())) > 0);
}

async function liveAcceptances(db: Db, slug: string): Promise<QaAcceptance[]> {
	return (
		await db.all(
			db.kysely
				.selectFrom('qa_acceptances as q')
				.innerJoin('reviewers as r', 'r.id', 'q.accepted_by')
				.select([
					'q.id',
					'q.slug',
					'q.segment_id',
					'q.warning_key',
					'q.reason',
					'q.accepted_by',
					'r.username',
					'q.accepted_at'
				])
				.where('q.slug', '=', slug)
				.where('q.revoked_at', 'is', null)
				.orderBy('q.id')
		)
	).map((r) => ({
		id: r.id,
		...keyOfRow(r),
		warningKey: r.warning_key,
		reason: r.reason,
		acceptedBy: { id: r.accepted_by, username: r.username },
		acceptedAt: r.accepted_at
	}));
}

/** The QA warnings currently accepted in an article. */
async function listQaAcceptances(db: Db, slug: string): Promise<QaAcceptance[]> {
	return await liveAcceptances(db, parseInput(IdSchema, slug));
}

export const acceptanceOperations = { acceptQaWarning, revokeQaWarning, listQaAcceptances };
