/**
 * The review store (storage side): segment states and saves with version checks, history, drafts, comments and
 * accepted QA warnings: `createReviewStore(db)`, or each function with an optional Db last (default: getDb()).
 */
export * from './store';
