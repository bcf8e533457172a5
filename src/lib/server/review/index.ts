/**
 * The review store (storage side): segment states and saves with version checks, history, drafts, comments and
 * accepted QA warnings. Every function takes an optional Db last (default: getDb()).
 */
export {
	BASELINE_STATUS,
	SEGMENT_STATUSES,
	getSegmentState,
	listSegmentStates,
	approvedEnglish,
	saveSegment,
	saveSegments,
	segmentHistory,
	saveDraft,
	listDrafts,
	discardDraft,
	addComment,
	listComments,
	acceptQaWarning,
	revokeQaWarning,
	listQaAcceptances,
	type SegmentStatus,
	type SegmentKey,
	type SegmentState,
	type SaveSegmentInput,
	type SaveConflict,
	type SaveResult,
	type SaveManyResult,
	type HistoryEntry,
	type Draft,
	type Comment,
	type QaAcceptance
} from './store';
