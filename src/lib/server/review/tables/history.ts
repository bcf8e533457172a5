/** segment_history: every save of a segment, with who, when, and the English and status before and after. */
import type { InferResult } from 'kysely';
import { IdSchema } from '../../../content/schema';
import type { Db } from '../../db/index';
import { parseInput } from '../../db/input';
import type { ReviewStatus } from '../../../review/status';
import type { ReviewerRef } from '../../auth/reviewers';
import { KeySchema, keyOfRow, type SegmentKey } from './common';

/** One save in a segment's history. */
export interface HistoryEntry extends SegmentKey {
	/** The version this save created. */
	version: number;
	by: ReviewerRef;
	at: string;
	/** null = the content file's English. */
	oldEn: string | null;
	newEn: string;
	oldStatus: ReviewStatus;
	newStatus: ReviewStatus;
}

/** Record a save (inside the save's transaction). */
export async function recordSave(
	db: Db,
	entry: Omit<HistoryEntry, 'by'> & { reviewerId: number }
): Promise<void> {
	await db.run(
		db.kysely.insertInto('segment_history').values({
			slug: entry.slug,
			segment_id: entry.segmentId,
			version: entry.version,
			reviewer_id: entry.reviewerId,
			at: entry.at,
			old_en: entry.oldEn,
			new_en: entry.newEn,
			old_status: entry.oldStatus,
			new_status: entry.newStatus
		})
	);
}

function selectHistory(db: Db) {
	return db.kysely
		.selectFrom('segment_history as h')
		.innerJoin('reviewers as r', 'r.id', 'h.reviewer_id')
		.select([
			'h.slug',
			'h.segment_id',
			'h.version',
			'h.reviewer_id',
			'r.username',
			'h.at',
			'h.old_en',
			'h.new_en',
			'h.old_status',
			'h.new_status'
		]);
}

const toEntry = (r: InferResult<ReturnType<typeof selectHistory>>[number]): HistoryEntry => ({
	...keyOfRow(r),
	version: r.version,
	by: { id: r.reviewer_id, username: r.username },
	at: r.at,
	oldEn: r.old_en,
	newEn: r.new_en,
	oldStatus: r.old_status,
	newStatus: r.new_status
});

/** Every save of a segment, oldest first. */
async function segmentHistory(db: Db, key: SegmentKey): Promise<HistoryEntry[]> {
	const k = parseInput(KeySchema, key);
	return (
		await db.all(
			selectHistory(db)
				.where('h.slug', '=', k.slug)
				.where('h.segment_id', '=', k.segmentId)
				.orderBy('h.version')
		)
	).map(toEntry);
}

/** Every save of every segment of an article, by segment, oldest first (one query, for the workspace). */
async function articleHistory(db: Db, slug: string): Promise<HistoryEntry[]> {
	const s = parseInput(IdSchema, slug);
	return (
		await db.all(selectHistory(db).where('h.slug', '=', s).orderBy('h.segment_id').orderBy('h.version'))
	).map(toEntry);
}

export const historyOperations = { segmentHistory, articleHistory };
