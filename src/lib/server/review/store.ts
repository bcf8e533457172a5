/**
 * Review state per segment, keyed by (article slug, segment id): status, current English, version, approved
 * English, per-reviewer drafts, comments, edit history and accepted QA warnings.
 *
 * Version 0 is the content file's text and has no row; the first save creates version 1. `en: null` and
 * `approvedEn: null` mean "the content file's English" — the store never copies content-file text, so a corrected
 * content file still shows through wherever nobody has saved.
 *
 * The store does not know the articles: routes check that the slug and segment exist before calling it.
 */
import type { InferResult } from 'kysely';
import * as v from 'valibot';
import { IdSchema } from '../../content/schema';
import { MAX_TEXT } from '../../review/limits';
import { getDb, type Db } from '../db/index';
import { InputError, nonBlank, parseInput, RowId } from '../db/input';
import { SEGMENT_STATUSES, type SegmentStatus } from '../db/schema';
import type { ReviewerRef } from '../auth/reviewers';
import { DEFAULT_STATUS } from '$lib/review/status';

export { SEGMENT_STATUSES, type SegmentStatus } from '../db/schema';

/** The status of a segment nobody has saved yet (curated content arrives translated). */
export const BASELINE_STATUS: SegmentStatus = DEFAULT_STATUS;

/** Which segment. */
export interface SegmentKey {
	slug: string;
	segmentId: string;
}

/** A segment's current review state. */
export interface SegmentState extends SegmentKey {
	/** 0 = nobody has saved; the content file's text stands. */
	version: number;
	/** The current English target; null = the content file's English (version 0). */
	en: string | null;
	status: SegmentStatus;
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
	status: SegmentStatus;
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

/** One save in a segment's history. */
export interface HistoryEntry extends SegmentKey {
	/** The version this save created. */
	version: number;
	by: ReviewerRef;
	at: string;
	/** null = the content file's English. */
	oldEn: string | null;
	newEn: string;
	oldStatus: SegmentStatus;
	newStatus: SegmentStatus;
}

/** A reviewer's autosaved, unsaved English. */
export interface Draft extends SegmentKey {
	reviewerId: number;
	en: string;
	baseVersion: number;
	updatedAt: string;
}

/** A comment; `body` is plain text exactly as written (escape it when rendering). */
export interface Comment extends SegmentKey {
	id: number;
	author: ReviewerRef;
	body: string;
	createdAt: string;
}

/** A QA warning a reviewer accepted as not a problem. */
export interface QaAcceptance extends SegmentKey {
	id: number;
	warningKey: string;
	reason: string;
	acceptedBy: ReviewerRef;
	acceptedAt: string;
}

const Key = { slug: IdSchema, segmentId: IdSchema };
const KeySchema = v.object(Key);
const Status = v.picklist(SEGMENT_STATUSES, `status must be one of ${SEGMENT_STATUSES.join(', ')}`);
const Version = v.pipe(
	v.number('version must be a number'),
	v.integer('version must be an integer'),
	v.minValue(0, 'version must be ≥ 0')
);
const SaveSchema = v.object({
	...Key,
	en: nonBlank('en', MAX_TEXT),
	status: Status,
	baseVersion: Version,
	reviewerId: RowId
});
const DraftSchema = v.object({
	...Key,
	reviewerId: RowId,
	en: v.pipe(v.string('en must be text'), v.maxLength(MAX_TEXT, `en is longer than ${MAX_TEXT} characters`)),
	baseVersion: Version
});
const CommentSchema = v.object({ ...Key, reviewerId: RowId, body: nonBlank('body', MAX_TEXT) });
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

const ref = (id: number | null, username: string | null): ReviewerRef | null =>
	id !== null && username !== null ? { id, username } : null;

const baseline = ({ slug, segmentId }: SegmentKey): SegmentState => ({
	slug,
	segmentId,
	version: 0,
	en: null,
	status: BASELINE_STATUS,
	approvedEn: null,
	approvedBy: null,
	approvedAt: null,
	approvedVersion: null,
	updatedBy: null,
	updatedAt: null
});

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

function toState(row: StateRow): SegmentState {
	return {
		slug: row.slug,
		segmentId: row.segment_id,
		version: row.version,
		en: row.en,
		status: row.status,
		approvedEn: row.approved_en,
		approvedBy: ref(row.approved_by, row.approved_by_name),
		approvedAt: row.approved_at,
		approvedVersion: row.approved_version,
		updatedBy: ref(row.updated_by, row.updated_by_name),
		updatedAt: row.updated_at
	};
}

function readState(db: Db, key: SegmentKey): SegmentState {
	const row = db.first(
		selectStates(db).where('s.slug', '=', key.slug).where('s.segment_id', '=', key.segmentId)
	);
	return row ? toState(row) : baseline(key);
}

/** The current state of one segment (version 0 with `en: null` if nobody has saved it). */
export async function getSegmentState(key: SegmentKey, db?: Db): Promise<SegmentState> {
	const k = parseInput(KeySchema, key);
	const d = db ?? (await getDb());
	return readState(d, k);
}

/** The states of every segment of an article that has been saved at least once (absent = version 0). */
export async function listSegmentStates(slug: string, db?: Db): Promise<SegmentState[]> {
	const s = parseInput(IdSchema, slug);
	const d = db ?? (await getDb());
	return d.all(selectStates(d).where('s.slug', '=', s).orderBy('s.segment_id')).map(toState);
}

/** For the public reader: segment id → approved English, for the segments that have one. */
export async function approvedEnglish(slug: string, db?: Db): Promise<Record<string, string>> {
	const s = parseInput(IdSchema, slug);
	const d = db ?? (await getDb());
	const rows = d.all(
		d.kysely
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
export async function saveSegment(input: SaveSegmentInput, db?: Db): Promise<SaveResult> {
	const yours = parseInput(SaveSchema, input);
	const d = db ?? (await getDb());
	return d.transaction(() => writeSave(d, yours));
}

/** The outcome of saveSegments: every save applied, or none and the conflicts that refused the batch. */
export type SaveManyResult = { ok: true; states: SegmentState[] } | { ok: false; conflicts: SaveConflict[] };

/**
 * Save several segments in one transaction, all or nothing (an XLIFF import): each save is checked and written as
 * by saveSegment, and if any base version is stale the whole batch is rolled back and every conflict returned.
 */
export async function saveSegments(inputs: readonly SaveSegmentInput[], db?: Db): Promise<SaveManyResult> {
	const all = parseInput(v.array(SaveSchema), inputs);
	const keys = new Set(all.map((x) => `${x.slug}\u0000${x.segmentId}`));
	if (keys.size !== all.length) throw new InputError(['a segment appears more than once in one batch']);
	const d = db ?? (await getDb());
	const rollback = new Error('saveSegments: rolled back');
	let conflicts: SaveConflict[] = [];
	try {
		return d.transaction((): SaveManyResult => {
			const results = all.map((x) => writeSave(d, x));
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
function writeSave(d: Db, yours: SaveSegmentInput): SaveResult {
	const current = readState(d, yours);
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
		d.run(
			d.kysely
				.insertInto('segment_states')
				.values({ slug: yours.slug, segment_id: yours.segmentId, ...values })
		);
	} else {
		const changed = d.run(
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
	d.run(
		d.kysely.insertInto('segment_history').values({
			slug: yours.slug,
			segment_id: yours.segmentId,
			version,
			reviewer_id: yours.reviewerId,
			at,
			old_en: current.en,
			new_en: yours.en,
			old_status: current.status,
			new_status: yours.status
		})
	);
	d.run(
		d.kysely
			.deleteFrom('segment_drafts')
			.where('slug', '=', yours.slug)
			.where('segment_id', '=', yours.segmentId)
			.where('reviewer_id', '=', yours.reviewerId)
	);
	return { ok: true, state: readState(d, yours) };
}

/** Every save of a segment, oldest first. */
export async function segmentHistory(key: SegmentKey, db?: Db): Promise<HistoryEntry[]> {
	const k = parseInput(KeySchema, key);
	const d = db ?? (await getDb());
	return d
		.all(
			d.kysely
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
				])
				.where('h.slug', '=', k.slug)
				.where('h.segment_id', '=', k.segmentId)
				.orderBy('h.version')
		)
		.map((r) => ({
			slug: r.slug,
			segmentId: r.segment_id,
			version: r.version,
			by: { id: r.reviewer_id, username: r.username },
			at: r.at,
			oldEn: r.old_en,
			newEn: r.new_en,
			oldStatus: r.old_status,
			newStatus: r.new_status
		}));
}

/** Autosave a reviewer's unsaved English for a segment (one draft per reviewer and segment, replaced each time). */
export async function saveDraft(
	input: SegmentKey & { reviewerId: number; en: string; baseVersion: number },
	db?: Db
): Promise<Draft> {
	const x = parseInput(DraftSchema, input);
	const d = db ?? (await getDb());
	const updatedAt = d.nowIso();
	d.transaction(() =>
		d.run(
			d.kysely
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
	return {
		slug: x.slug,
		segmentId: x.segmentId,
		reviewerId: x.reviewerId,
		en: x.en,
		baseVersion: x.baseVersion,
		updatedAt
	};
}

/** A reviewer's drafts in an article (compare `baseVersion` with the segment's version to spot stale ones). */
export async function listDrafts(slug: string, reviewerId: number, db?: Db): Promise<Draft[]> {
	const s = parseInput(IdSchema, slug);
	const r = parseInput(RowId, reviewerId);
	const d = db ?? (await getDb());
	return d
		.all(
			d.kysely
				.selectFrom('segment_drafts')
				.selectAll()
				.where('slug', '=', s)
				.where('reviewer_id', '=', r)
				.orderBy('segment_id')
		)
		.map((row) => ({
			slug: row.slug,
			segmentId: row.segment_id,
			reviewerId: row.reviewer_id,
			en: row.en,
			baseVersion: row.base_version,
			updatedAt: row.updated_at
		}));
}

/** Throw away a reviewer's draft; true if there was one. */
export async function discardDraft(key: SegmentKey & { reviewerId: number }, db?: Db): Promise<boolean> {
	const k = parseInput(KeySchema, key);
	const r = parseInput(RowId, key.reviewerId);
	const d = db ?? (await getDb());
	return (
		d.run(
			d.kysely
				.deleteFrom('segment_drafts')
				.where('slug', '=', k.slug)
				.where('segment_id', '=', k.segmentId)
				.where('reviewer_id', '=', r)
		) > 0
	);
}

function selectComments(db: Db) {
	return db.kysely
		.selectFrom('segment_comments as c')
		.innerJoin('reviewers as r', 'r.id', 'c.reviewer_id')
		.select(['c.id', 'c.slug', 'c.segment_id', 'c.reviewer_id', 'r.username', 'c.body', 'c.created_at']);
}

type CommentRow = InferResult<ReturnType<typeof selectComments>>[number];
const toComment = (r: CommentRow): Comment => ({
	id: r.id,
	slug: r.slug,
	segmentId: r.segment_id,
	author: { id: r.reviewer_id, username: r.username },
	body: r.body,
	createdAt: r.created_at
});

/** Add a comment to a segment's thread. The body is stored exactly as given (plain text, never HTML). */
export async function addComment(
	input: SegmentKey & { reviewerId: number; body: string },
	db?: Db
): Promise<Comment> {
	const x = parseInput(CommentSchema, input);
	const d = db ?? (await getDb());
	return d.transaction(() => {
		const inserted = d.first(
			d.kysely
				.insertInto('segment_comments')
				.values({
					slug: x.slug,
					segment_id: x.segmentId,
					reviewer_id: x.reviewerId,
					body: x.body,
					created_at: d.nowIso()
				})
				.returning('id')
		);
		const row = inserted && d.first(selectComments(d).where('c.id', '=', inserted.id));
		if (!row) throw new Error('addComment: inserted comment not found');
		return toComment(row);
	});
}

/** The comments of an article (or of one segment when `segmentId` is given), oldest first. */
export async function listComments(query: { slug: string; segmentId?: string }, db?: Db): Promise<Comment[]> {
	const x = parseInput(v.object({ slug: IdSchema, segmentId: v.optional(IdSchema) }), query);
	const d = db ?? (await getDb());
	let q = selectComments(d).where('c.slug', '=', x.slug);
	if (x.segmentId !== undefined) q = q.where('c.segment_id', '=', x.segmentId);
	return d.all(q.orderBy('c.id')).map(toComment);
}

/**
 * Record that a reviewer accepted a QA warning, with the reason. Accepting an already accepted warning replaces
 * the reason (the old acceptance is kept as revoked by this reviewer).
 */
export async function acceptQaWarning(
	input: SegmentKey & { warningKey: string; reason: string; reviewerId: number },
	db?: Db
): Promise<QaAcceptance> {
	const x = parseInput(AcceptSchema, input);
	const d = db ?? (await getDb());
	return d.transaction(() => {
		const at = d.nowIso();
		revokeLive(d, x, at);
		const row = d.first(
			d.kysely
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
		const accepted = row && liveAcceptances(d, x.slug).find((a) => a.id === row.id);
		if (!accepted) throw new Error('acceptQaWarning: inserted acceptance not found');
		return accepted;
	});
}

function revokeLive(db: Db, x: SegmentKey & { warningKey: string; reviewerId: number }, at: string): number {
	return db.run(
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
export async function revokeQaWarning(
	input: SegmentKey & { warningKey: string; reviewerId: number },
	db?: Db
): Promise<boolean> {
	const x = parseInput(RevokeSchema, input);
	const d = db ?? (await getDb());
	return d.transaction(() => revokeLive(d, x, d.nowIso()) > 0);
}

function liveAcceptances(db: Db, slug: string): QaAcceptance[] {
	return db
		.all(
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
		.map((r) => ({
			id: r.id,
			slug: r.slug,
			segmentId: r.segment_id,
			warningKey: r.warning_key,
			reason: r.reason,
			acceptedBy: { id: r.accepted_by, username: r.username },
			acceptedAt: r.accepted_at
		}));
}

/** The QA warnings currently accepted in an article. */
export async function listQaAcceptances(slug: string, db?: Db): Promise<QaAcceptance[]> {
	const s = parseInput(IdSchema, slug);
	const d = db ?? (await getDb());
	return liveAcceptances(d, s);
}
