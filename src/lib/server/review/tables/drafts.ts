/** segment_drafts: each reviewer's autosaved, unsaved English, one per reviewer and segment. */
import * as v from 'valibot';
import { IdSchema } from '../../../content/schema';
import type { Db } from '../../db/index';
import { parseInput, RowId } from '../../db/input';
import { Key, KeySchema, MAX_TEXT, Version, keyOfRow, type SegmentKey } from './common';

/** A reviewer's autosaved, unsaved English. */
export interface Draft extends SegmentKey {
	reviewerId: number;
	en: string;
	baseVersion: number;
	updatedAt: string;
}

const DraftSchema = v.object({
	...Key,
	reviewerId: RowId,
	en: v.pipe(v.string('en must be text'), v.maxLength(MAX_TEXT, `en is longer than ${MAX_TEXT} characters`)),
	baseVersion: Version
});

/** Delete a reviewer's draft of a segment (also when their save supersedes it); true if there was one. */
export async function deleteDraft(db: Db, key: SegmentKey, reviewerId: number): Promise<boolean> {
	return (
		(await db.run(
			db.kysely
				.deleteFrom('segment_drafts')
				.where('slug', '=', key.slug)
				.where('segment_id', '=', key.segmentId)
				.where('reviewer_id', '=', reviewerId)
		)) > 0
	);
}

/** Autosave a reviewer's unsaved English for a segment (one draft per reviewer and segment, replaced each time). */
async function saveDraft(
	db: Db,
	input: SegmentKey & { reviewerId: number; en: string; baseVersion: number }
): Promise<Draft> {
	const x = parseInput(DraftSchema, input);
	const updatedAt = db.nowIso();
	await db.transaction(
		async () =>
			await db.run(
				db.kysely
					.insertInto('segment_drafts')
					.values({
						slug: x.slug,
						segment_id: x.segmentId,
						reviewer_id: x.reviewerId,
						en: x.en,
						base_version: x.baseVersion,
						updated_at: updatedAt
					})
					.onConflict((oc) =>
						oc
							.columns(['slug', 'segment_id', 'reviewer_id'])
							.doUpdateSet({ en: x.en, base_version: x.baseVersion, updated_at: updatedAt })
					)
			)
	);
	return { ...x, updatedAt };
}

/** A reviewer's drafts in an article (compare `baseVersion` with the segment's version to spot stale ones). */
async function listDrafts(db: Db, slug: string, reviewerId: number): Promise<Draft[]> {
	const s = parseInput(IdSchema, slug);
	const r = parseInput(RowId, reviewerId);
	return (
		await db.all(
			db.kysely
				.selectFrom('segment_drafts')
				.selectAll()
				.where('slug', '=', s)
				.where('reviewer_id', '=', r)
				.orderBy('segment_id')
		)
	).map((row) => ({
		...keyOfRow(row),
		reviewerId: row.reviewer_id,
		en: row.en,
		baseVersion: row.base_version,
		updatedAt: row.updated_at
	}));
}

/** Throw away a reviewer's draft; true if there was one. */
async function discardDraft(db: Db, key: SegmentKey & { reviewerId: number }): Promise<boolean> {
	const k = parseInput(KeySchema, key);
	return await deleteDraft(db, k, parseInput(RowId, key.reviewerId));
}

export const draftOperations = { saveDraft, listDrafts, discardDraft };
