/**
 * The review workspace's form actions (/articles/<slug>/review): save, drafts, comments, accepted QA warnings,
 * a QA run and XLIFF import. Each is a reviewAction: signed in first, then the form through its schema.
 */
import { fail } from '@sveltejs/kit';
import * as v from 'valibot';
import {
	AcceptForm,
	CommentForm,
	DraftForm,
	MAX_UPLOAD_BYTES,
	SaveForm,
	SegmentForm
} from '$lib/review/forms';
import { reviewAction, type ReviewEvent } from './action';
import { importXliff } from './import';
import { hasWarning, loadWorkspace, segmentWarnings } from './load-workspace';
import { acceptQaWarning, addComment, discardDraft, saveDraft, saveSegment } from './store';

const tooLarge = (event: ReviewEvent) =>
	fail(413, {
		segmentId: null,
		importErrors: [event.locals.t('review.import.tooLarge', { max: '10 MB' })]
	});

export const reviewActions = {
	save: reviewAction({
		schema: SaveForm,
		texts: ['en'],
		async run({ t, article, reviewer, input, segment }) {
			const { segmentId } = input;
			const result = await saveSegment({ slug: article.slug, reviewerId: reviewer.id, ...input });
			if (!result.ok) {
				const { theirs, yours } = result.conflict;
				return fail(409, {
					segmentId,
					error: t('review.conflict.message'),
					conflict: {
						theirs: {
							en: theirs.en ?? segment!.en,
							status: theirs.status,
							version: theirs.version,
							by: theirs.updatedBy?.username ?? null,
							at: theirs.updatedAt
						},
						yours: { en: yours.en, status: yours.status, baseVersion: yours.baseVersion }
					}
				});
			}
			const en = result.state.en ?? segment!.en;
			const warnings = segmentWarnings(article, { id: segmentId, zh: segment!.zh, en });
			return { segmentId, saved: { version: result.state.version, warnings: warnings.length } };
		}
	}),

	saveDraft: reviewAction({
		schema: DraftForm,
		async run({ article, reviewer, input }) {
			const draft = await saveDraft({ slug: article.slug, reviewerId: reviewer.id, ...input });
			return { segmentId: input.segmentId, draftSaved: draft.updatedAt };
		}
	}),

	discardDraft: reviewAction({
		schema: SegmentForm,
		async run({ article, reviewer, input }) {
			await discardDraft({ slug: article.slug, segmentId: input.segmentId, reviewerId: reviewer.id });
			return { segmentId: input.segmentId, draftDiscarded: true };
		}
	}),

	comment: reviewAction({
		schema: CommentForm,
		invalid: 'review.errors.emptyComment',
		texts: ['body'],
		async run({ article, reviewer, input }) {
			await addComment({ slug: article.slug, reviewerId: reviewer.id, ...input });
			return { segmentId: input.segmentId, commented: true };
		}
	}),

	acceptWarning: reviewAction({
		schema: AcceptForm,
		invalid: 'review.errors.emptyReason',
		texts: ['reason'],
		async run({ t, article, reviewer, input }) {
			// Only a warning the segment has now can be accepted (never a made-up or already fixed one).
			if (!(await hasWarning(article, input.segmentId, input.warningKey)))
				return fail(400, { segmentId: input.segmentId, error: t('review.errors.noSuchWarning') });
			await acceptQaWarning({ slug: article.slug, reviewerId: reviewer.id, ...input });
			return { segmentId: input.segmentId, accepted: input.warningKey };
		}
	}),

	runQa: reviewAction({
		schema: v.object({}),
		async run({ article, reviewer }) {
			const started = performance.now();
			const segments = await loadWorkspace(article, reviewer.id);
			const warnings = segments.flatMap((s) => s.warnings);
			return {
				segmentId: null,
				qa: {
					segments: segments.length,
					warnings: warnings.length,
					open: warnings.filter((w) => !w.accepted).length,
					flagged: segments.filter((s) => s.warnings.some((w) => !w.accepted)).length,
					ms: Math.round(performance.now() - started)
				}
			};
		}
	}),

	importXliff: reviewAction({
		schema: v.object({}),
		// Refuse an oversized upload from its declared length, before reading (let alone parsing) the body.
		beforeBody(event) {
			const declared = Number(event.request.headers.get('content-length'));
			return Number.isFinite(declared) && declared > MAX_UPLOAD_BYTES + 64 * 1024
				? tooLarge(event)
				: undefined;
		},
		// A body over the server's BODY_SIZE_LIMIT (set it above 10 MB, see the README), or cut off.
		unreadable: (event) =>
			fail(400, { segmentId: null, importErrors: [event.locals.t('review.import.unreadable')] }),
		async run({ event, t, article, reviewer, form }) {
			const file = form.get('file');
			if (!(file instanceof File) || file.size === 0)
				return fail(400, { segmentId: null, importErrors: [t('review.import.noFile')] });
			if (file.size > MAX_UPLOAD_BYTES) return tooLarge(event);
			let xml: string;
			try {
				xml = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
			} catch {
				return fail(400, { segmentId: null, importErrors: [t('review.import.notUtf8')] });
			}
			const result = await importXliff(article, xml, reviewer.id);
			if (!result.ok) return fail(400, { segmentId: null, importErrors: result.errors });
			return { segmentId: null, imported: { applied: result.applied, unchanged: result.unchanged } };
		}
	})
};
