/**
 * segment_states: each saved segment's current English, status and version, and its approved English. A save
 * checks the version it was edited from, writes the new state, records it in the history and clears the saver's
 * draft, in one transaction.
 */
import type { InferResult } from 'kysely';
import * as v from 'valibot';
import { IdSchema } from '../../../content/schema';
import type { Db } from '../../db/index';
import { InputError, nonBlank, parseInput, RowId } from '../../db/input';
import type { ReviewerRef } from '../../auth/reviewers';
import { Key, KeySchema, MAX_TEXT, Version, keyOfRow, ref, type SegmentKey } from './common';
import { deleteDraft } from './drafts';
import { recordSave } from './history';
import { DEFAULT_STATUS, REVIEW_STATUSES, type ReviewStatus } from '../../../review/status';

/** The status of a segment nobody has saved yet (curated content arrives translated). */
export const BASELINE_STATUS: ReviewStatus = DEFAULT_STATUS;

/** A segment's current review state. */
export interface SegmentState extends SegmentKey {
	/** 0 = nobody has saved; the content file's text stands. */
	version: number;
	/** The current English target; null = the content file's English (version 0). */
	en: string | null;
	status: ReviewStatus;
	/** What the public reader shows; null = the content file's English. Stays at the last approval until the next one. */
	approvedEn: string | null;
	approvedBy: ReviewerRef | null;
	approvedAt: string | null;
	approvedVersion: number | null;
	/** Who saved the current version, and when (null at version 0). */
	updatedBy: ReviewerRef | null;
	updatedAt: string | null;
}

/** A save: the English and status the reviewer submits, and the version they edited. */
export interface SaveSegmentInput extends SegmentKey {
	en: string;
	status: ReviewStatus;
	/** The version the reviewer's edit started from; must still be current. */
	baseVersion: number;
	reviewerId: number;
}

/** A save that was refused because someone else saved first: both versions, nothing written. */
export interface SaveConflict {
	/** The version now in the database (its English, status, number, who and when). */
	theirs: SegmentState;
	/** What was submitted. */
	yours: SaveSegmentInput;
}

/** The outcome of saveSegment. */
export type SaveResult = { ok: true; state: SegmentState } | { ok: false; conflict: SaveConflict };

/** The outcome of saveSegments: every save applied, or none and the conflicts that refused the batch. */
export type SaveManyResult = { ok: true; states: SegmentState[] } | { ok: false; conflicts: SaveConflict[] };

const SaveSchema = v.object({
	...Key,
	en: nonBlank('en', MAX_TEXT),
	status: v.picklist(REVIEW_STATUSES, `status must be one of ${REVIEW_STATUSES.join(', ')}`),
	baseVersion: Version,
	reviewerId: RowId
});

/** Nobody has saved: no approval, no author. */
const UNSAVED = {
	version: 0,
	en: null,
	status: BASELINE_STATUS,
	approvedEn: null,
	approvedBy: null,
	approvedAt: null,
	approvedVersion: null,
	updatedBy: null,
	updatedAt: null
} as const satisfies Omit<SegmentState, keyof SegmentKey>;

function selectStates(db: Db) {
	return db.kysely
		.selectFrom('segment_states as s')
		.innerJoin('reviewers as u', 'u.id', 's.updated_by')
		.leftJoin('reviewers as a', 'a.id', 's.approved_by')
		.select([
			's.slug',
			's.segment_id',
			's.version',
			's.en',
			's.status',
			's.approved_en',
			's.approved_by',
			's.approved_at',
			's.approved_version',
			's.updated_by',
			's.updated_at',
			'u.username as updated_by_name',
			'a.username as approved_by_name'
		]);
}

type StateRow = InferResult<ReturnType<typeof selectStates>>[number];

const toState = (row: StateRow): SegmentState => ({
	...keyOfRow(row),
	version: row.version,
	en: row.en,
	status: row.status,
	approvedEn: row.approved_en,
	approvedBy: ref(row.approved_by, row.approved_by_name),
	approvedAt: row.approved_at,
	approvedVersion: row.approved_version,
	updatedBy: ref(row.updated_by, row.updated_by_name),
	updatedAt: row.updated_at
});

async function readState(db: Db, key: SegmentKey): Promise<SegmentState> {
	const row = await db.first(
		selectStates(db).where('s.slug', '=', key.slug).where('s.segment_id', '=', key.segmentId)
	);
	return row ? toState(row) : { slug: key.slug, segmentId: key.segmentId, ...UNSAVED };
}

/** The current state of one segment (version 0 with `en: null` if nobody has saved it). */
async function getSegmentState(db: Db, key: SegmentKey): Promise<SegmentState> {
	return await readState(db, parseInput(KeySchema, key));
}

/** The states of every segment of an article that has been saved at least once (absent = version 0). */
async function listSegmentStates(db: Db, slug: string): Promise<SegmentState[]> {
	const s = parseInput(IdSchema, slug);
	return (await db.all(selectStates(db).where('s.slug', '=', s).orderBy('s.segment_id'))).map(toState);
}

/** For the public reader: segment id → approved English, for the segments that have one. */
async function approvedEnglish(db: Db, slug: string): Promise<Record<string, string>> {
	const s = parseInput(IdSchema, slug);
	const rows = await db.all(
		db.kysely
			.selectFrom('segment_states')
			.select(['segment_id', 'approved_en'])
			.where('slug', '=', s)
			.where('approved_en', 'is not', null)
	);
	return Object.fromEntries(
		rows.flatMap((r) => (r.approved_en === null ? [] : [[r.segment_id, r.approved_en]]))
	);
}

/**
 * Save a segment in one transaction. If `baseVersion` is not the current version, nothing changes and the result
 * is a conflict carrying both versions; otherwise the English and status are written, the version goes up by one,
 * the history records who/when/old/new, the saver's draft is cleared, and approving sets the approved English.
 */
async function saveSegment(db: Db, input: SaveSegmentInput): Promise<SaveResult> {
	const yours = parseInput(SaveSchema, input);
	return await db.transaction(async () => await writeSave(db, yours));
}

/**
 * Save several segments in one transaction, all or nothing (an XLIFF import): each save is checked and written as
 * by saveSegment, and if any base version is stale the whole batch is rolled back and every conflict returned.
 */
async function saveSegments(db: Db, inputs: readonly SaveSegmentInput[]): Promise<SaveManyResult> {
	const all = parseInput(v.array(SaveSchema), inputs);
	const keys = new Set(all.map((x) => `${x.slug}\u0000${x.segmentId}`));
	if (keys.size !== all.length) throw new InputError(['a segment appears more than once in one batch']);
	const rollback = new Error('saveSegments: rolled back');
	let conflicts: SaveConflict[] = [];
	try {
		return await db.transaction(async (): Promise<SaveManyResult> => {
			const results: SaveResult[] = [];
			for (const x of all) results.push(await writeSave(db, x));
			conflicts = results.flatMap((r) => (r.ok ? [] : [r.conflict]));
			if (conflicts.length) throw rollback;
			return { ok: true, states: results.flatMap((r) => (r.ok ? [r.state] : [])) };
		});
	} catch (error) {
		if (error === rollback) return { ok: false, conflicts };
		throw error;
	}
}

/** One save's check and writes; call inside a transaction. */
async function writeSave(d: Db, yours: SaveSegmentInput): Promise<SaveResult> {
	const current = await readState(d, yours);
	if (yours.baseVersion !== current.version) return { ok: false, conflict: { theirs: current, yours } };

	const at = d.nowIso();
	const version = current.version + 1;
	const approval =
		yours.status === 'approved'
			? { approved_en: yours.en, approved_by: yours.reviewerId, approved_at: at, approved_version: version }
			: {};
	const values = {
		en: yours.en,
		status: yours.status,
		version,
		updated_by: yours.reviewerId,
		updated_at: at,
		...approval
	};
	if (current.version === 0) {
		await d.run(
			d.kysely
				.insertInto('segment_states')
				.values({ slug: yours.slug, segment_id: yours.segmentId, ...values })
		);
	} else {
		const changed = await d.run(
			d.kysely
				.updateTable('segment_states')
				.set(values)
				.where('slug', '=', yours.slug)
				.where('segment_id', '=', yours.segmentId)
				.where('version', '=', current.version)
		);
		if (changed !== 1)
			throw new Error(`saveSegment: version ${current.version} changed under the write lock`);
	}
	await recordSave(d, {
		slug: yours.slug,
		segmentId: yours.segmentId,
		version,
		reviewerId: yours.reviewerId,
		at,
		oldEn: current.en,
		newEn: yours.en,
		oldStatus: current.status,
		newStatus: yours.status
	});
	await deleteDraft(d, yours, yours.reviewerId);
	return { ok: true, state: await readState(d, yours) };
}

/**
 * A stamp of an article's approved English that changes with every approval (each one raises a segment's
 * approved version): the key under which a rendered reader page is kept.
 */
async function approvalStamp(db: Db, slug: string): Promise<string> {
	const row = await db.first(
		db.kysely
			.selectFrom('segment_states')
			.select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('approved_version').as('sum')])
			.where('slug', '=', parseInput(IdSchema, slug))
			.where('approved_en', 'is not', null)
	);
	return `${row?.n ?? 0}:${row?.sum ?? 0}`;
}

/** The approval stamp (see approvalStamp) of every article with an approval, in one query. */
async function approvalStamps(db: Db): Promise<Record<string, string>> {
	const rows = await db.all(
		db.kysely
			.selectFrom('segment_states')
			.select((eb) => [
				'slug',
				eb.fn.countAll<number>().as('n'),
				eb.fn.sum<number>('approved_version').as('sum')
			])
			.where('approved_en', 'is not', null)
			.groupBy('slug')
	);
	return Object.fromEntries(rows.map((r) => [r.slug, `${r.n}:${r.sum}`]));
}

export const segmentOperations = {
	getSegmentState,
	listSegmentStates,
	approvedEnglish,
	approvalStamp,
	approvalStamps,
	saveSegment,
	saveSegments
};
