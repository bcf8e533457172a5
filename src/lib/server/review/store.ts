/**
 * Review state per segment, keyed by (article slug, segment id): status, current English, version, approved
 * English, per-reviewer drafts, comments, edit history, accepted QA warnings and assignments — one module per table in
 * `tables/`, over one database through `createReviewStore(db)`.
 *
 * Version 0 is the content file's text and has no row; the first save creates version 1. `en: null` and
 * `approvedEn: null` mean "the content file's English" — the store never copies content-file text, so a corrected
 * content file still shows through wherever nobody has saved.
 *
 * The store does not know the articles: routes check that the slug and segment exist before calling it.
 */
import { getDb, type Db } from '../db/index';
import { acceptanceOperations } from './tables/acceptances';
import { assignmentOperations } from './tables/assignments';
import { commentOperations } from './tables/comments';
import { draftOperations } from './tables/drafts';
import { historyOperations } from './tables/history';
import { memoryOperations } from './tables/memory';
import { segmentOperations } from './tables/segments';

export type { SegmentKey } from './tables/common';
export {
	BASELINE_STATUS,
	type SegmentState,
	type SaveSegmentInput,
	type SaveConflict,
	type SaveResult,
	type SaveManyResult
} from './tables/segments';
export type { HistoryEntry } from './tables/history';
export type { Draft } from './tables/drafts';
export type { Comment } from './tables/comments';
export type { QaAcceptance } from './tables/acceptances';
export type { MemoryUnit, ApprovedSegment } from './tables/memory';
export type { Assignment } from './tables/assignments';

const OPERATIONS = {
	...segmentOperations,
	...historyOperations,
	...draftOperations,
	...commentOperations,
	...acceptanceOperations,
	...memoryOperations,
	...assignmentOperations
};

type Operations = typeof OPERATIONS;

/** Every review store operation, on one database. */
export type ReviewStore = {
	[K in keyof Operations]: Operations[K] extends (db: Db, ...args: infer A) => infer R
		? (...args: A) => R
		: never;
};

/** The review store on `db`: each table's operations, with the database given once. */
export function createReviewStore(db: Db): ReviewStore {
	return Object.fromEntries(
		Object.entries(OPERATIONS).map(([name, operation]) => [
			name,
			(...args: unknown[]) => (operation as (db: Db, ...rest: unknown[]) => unknown)(db, ...args)
		])
	) as ReviewStore;
}

/** Each operation on the app's database, or on a Db given as its last argument (as routes and tests call them). */
type StoreOnAppDatabase = {
	[K in keyof ReviewStore]: (
		...args: [...Parameters<ReviewStore[K]>, db?: Db]
	) => Promise<Awaited<ReturnType<ReviewStore[K]>>>;
};

const onAppDatabase = Object.fromEntries(
	Object.entries(OPERATIONS).map(([name, op]) => {
		const operation = op as (db: Db, ...rest: unknown[]) => unknown;
		// Its own arguments, then the optional Db.
		const arity = operation.length - 1;
		const run = async (...args: unknown[]) =>
			operation((args[arity] as Db | undefined) ?? (await getDb()), ...args.slice(0, arity));
		return [name, run];
	})
) as StoreOnAppDatabase;

export const {
	getSegmentState,
	listSegmentStates,
	approvedEnglish,
	approvalStamp,
	approvalStamps,
	saveSegment,
	saveSegments,
	segmentHistory,
	articleHistory,
	saveDraft,
	listDrafts,
	discardDraft,
	addComment,
	listComments,
	acceptQaWarning,
	revokeQaWarning,
	listQaAcceptances,
	importMemoryUnits,
	listMemoryUnits,
	memoryStamp,
	listApprovedSegments,
	assignSegments,
	unassignSegments,
	listAssignments
} = onAppDatabase;
