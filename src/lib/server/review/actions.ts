/**
 * The review workspace's form actions (/articles/<slug>/review): save, drafts, comments, accepted QA warnings,
 * a QA run, XLIFF and TMX import, pre-translation and assignments. Each is a reviewAction: signed in first, then the form through its schema.
 */
import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import {
	AcceptForm,
	AssignForm,
	CommentForm,
	DraftForm,
	MAX_UPLOAD_BYTES,
	SaveForm,
	SegmentForm,
	UndoPretranslateForm
} from '$lib/review/forms';
import { readTmx } from '$lib/exports';
import { editorView, parseFilter, segmentRange, workspaceHref } from '$lib/review/workspace-model';
import { walkSegments } from '$lib/content/walk';
import { getReviewer } from '../auth/index';
import { maySetStatus, rolesThatMaySet } from '$lib/review/roles';
import { reviewAction, type ReviewEvent } from './action';
import { importXliff } from './import';
import { pretranslate, undoPretranslate } from './pretranslate';
import { hasWarning, loadWorkspace, segmentWarnings } from './load-workspace';
import {
	acceptQaWarning,
	addComment,
	assignSegments,
	discardDraft,
	importMemoryUnits,
	saveDraft,
	saveSegment,
	unassignSegments
} from './store';

const tooLarge = (event: ReviewEvent, field = 'importErrors') =>
	fail(413, {
		segmentId: null,
		[field]: [event.locals.t('review.import.tooLarge', { max: '10 MB' })]
	});

/** Refuse an oversized upload from its declared length, before reading (let alone parsing) the body. */
const declaredTooLarge = (field: string) => (event: ReviewEvent) => {
	const declared = Number(event.request.headers.get('content-length'));
	return Number.isFinite(declared) && declared > MAX_UPLOAD_BYTES + 64 * 1024
		? tooLarge(event, field)
		: undefined;
};

/** The uploaded file as UTF-8 text, or the message saying why not (errors under `field`). */
async function uploadedText(event: ReviewEvent, form: FormData, field: string, noFile: string) {
	const t = event.locals.t;
	const file = form.get('file');
	if (!(file instanceof File) || file.size === 0)
		return { failure: fail(400, { segmentId: null, [field]: [t(noFile)] }) };
	if (file.size > MAX_UPLOAD_BYTES) return { failure: tooLarge(event, field) };
	try {
		return {
			name: file.name,
			text: new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer())
		};
	} catch {
		return { failure: fail(400, { segmentId: null, [field]: [t('review.import.notUtf8')] }) };
	}
}

export const reviewActions = {
	save: reviewAction({
		schema: SaveForm,
		texts: ['en'],
		async run({ t, event, article, reviewer, input, segment }) {
			const { segmentId } = input;
			if (!maySetStatus(reviewer.role, input.status))
				return fail(403, {
					segmentId,
					error: t('roles.statusRefused', {
						role: t(`roles.names.${reviewer.role}`),
						status: t(`review.statuses.${input.status}`),
						roles: rolesThatMaySet(input.status)
							.map((r) => t(`roles.plural.${r}`))
							.join(t('roles.or'))
					})
				});
			const { then, ...save } = input;
			const result = await saveSegment({ slug: article.slug, reviewerId: reviewer.id, ...save });
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
			const saved = { version: result.state.version, warnings: warnings.length };
			if (then === 'next') {
				// The filter rides in the action's address (?/save&segment=…&status=…), so this works without JS.
				const filter = parseFilter(event.url.searchParams);
				const view = editorView(await loadWorkspace(article, reviewer.id), filter, {
					openId: segmentId,
					me: reviewer.username
				});
				if (view.nextAttention)
					redirect(303, `${event.url.pathname}${workspaceHref(filter, { open: view.nextAttention })}`);
				return { segmentId, saved, nothingNext: true };
			}
			return { segmentId, saved };
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
		permission: 'review',
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
		beforeBody: declaredTooLarge('importErrors'),
		// A body over the server's BODY_SIZE_LIMIT (set it above 10 MB, see the README), or cut off.
		unreadable: (event) =>
			fail(400, { segmentId: null, importErrors: [event.locals.t('review.import.unreadable')] }),
		async run({ event, article, reviewer, form }) {
			const upload = await uploadedText(event, form, 'importErrors', 'review.import.noFile');
			if ('failure' in upload) return upload.failure;
			const result = await importXliff(article, upload.text, reviewer.id, undefined, reviewer.role);
			if (!result.ok) return fail(400, { segmentId: null, importErrors: result.errors });
			return { segmentId: null, imported: { applied: result.applied, unchanged: result.unchanged } };
		}
	}),

	importTmx: reviewAction({
		schema: v.object({}),
		permission: 'review',
		beforeBody: declaredTooLarge('memoryErrors'),
		unreadable: (event) =>
			fail(400, { segmentId: null, memoryErrors: [event.locals.t('review.import.unreadable')] }),
		async run({ event, reviewer, form }) {
			const upload = await uploadedText(event, form, 'memoryErrors', 'review.memory.noFile');
			if ('failure' in upload) return upload.failure;
			const read = readTmx(upload.text);
			if (!read.ok) return fail(400, { segmentId: null, memoryErrors: read.errors });
			const stored = await importMemoryUnits({
				file: upload.name.slice(0, 255) || 'memory.tmx',
				reviewerId: reviewer.id,
				units: read.units
			});
			return {
				segmentId: null,
				memoryImported: {
					added: stored.added,
					existing: stored.existing,
					duplicates: read.duplicates,
					skipped: read.skipped
				}
			};
		}
	}),

	assign: reviewAction({
		schema: AssignForm,
		permission: 'assign',
		invalid: 'review.assign.badForm',
		async run({ t, article, reviewer, input }) {
			const refuse = (message: string) => fail(400, { segmentId: null, assignError: message });
			const ids = walkSegments(article).map(({ segment }) => segment.id);
			const range = segmentRange(ids.length, input.from, input.to);
			if (!range.ok)
				return refuse(
					range.code === 'outside'
						? t('review.assign.outside', { total: range.total })
						: t('review.assign.reversed')
				);
			const assignee = await getReviewer(input.assignee);
			if (!assignee) return refuse(t('review.assign.noAccount'));
			const change = {
				slug: article.slug,
				segmentIds: ids.slice(range.first - 1, range.last),
				assigneeId: assignee.id,
				assignedBy: reviewer.id
			};
			const changed =
				input.change === 'assign'
					? (await assignSegments(change)).added
					: (await unassignSegments(change)).removed;
			return {
				segmentId: null,
				assigned: {
					username: assignee.username,
					first: range.first,
					last: range.last,
					changed,
					change: input.change
				}
			};
		}
	}),

	pretranslate: reviewAction({
		schema: v.object({}),
		async run({ t, article, reviewer }) {
			const result = await pretranslate(article, reviewer.id);
			if (!result.ok)
				return fail(409, {
					segmentId: null,
					error: t('review.pretranslate.changed', { segments: result.changed.join(', ') })
				});
			return { segmentId: null, pretranslated: result.filled };
		}
	}),

	undoPretranslate: reviewAction({
		schema: UndoPretranslateForm,
		async run({ t, article, reviewer, input }) {
			const result = await undoPretranslate(article, input.undo, reviewer.id);
			if (!result.ok)
				return fail(409, {
					segmentId: null,
					error: t('review.pretranslate.undoRefused', { segments: result.changed.join(', ') })
				});
			return { segmentId: null, pretranslateUndone: result.filled.length };
		}
	})
};
