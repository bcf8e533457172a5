import { fail, type RequestEvent } from '@sveltejs/kit';
import * as v from 'valibot';
import { IdSchema, type Article } from '$lib/content/schema';
import { InputError } from '$lib/server/db';
import { requireArticle } from '$lib/server/content/store';
import { loginUrl, requireReviewer } from '$lib/server/review/guard';
import { importXliff } from '$lib/server/review/import';
import { hasWarning, loadWorkspace, segmentWarnings } from '$lib/server/review/load-workspace';
import { acceptQaWarning, addComment, discardDraft, saveDraft, saveSegment } from '$lib/server/review';
import {
	AcceptForm,
	CommentForm,
	DraftForm,
	MAX_UPLOAD_BYTES,
	SaveForm,
	SegmentForm,
	parseForm,
	textProblem
} from '$lib/review/forms';
import { parseFilter } from '$lib/review/workspace';
import { walkSegments } from '$lib/content/walk';

export const load = async ({ params, locals, url }) => {
	const reviewer = requireReviewer(locals, url);
	const article = await requireArticle(params.slug, locals);
	return {
		slug: article.slug,
		title: { zh: article.title.zh, en: article.title.en },
		reviewer,
		filter: parseFilter(url.searchParams),
		maxUploadBytes: MAX_UPLOAD_BYTES,
		segments: await loadWorkspace(article, reviewer.id)
	};
};

type Event = RequestEvent<{ slug: string }>;

/** The segment an action is about, from its URL (`?/save&segment=p1-1`), readable before the body is. */
const urlSegment = (event: Event) => {
	const parsed = v.safeParse(IdSchema, event.url.searchParams.get('segment'));
	return parsed.success ? parsed.output : null;
};

/**
 * The article, the reviewer and the form of an action, or the failure to answer. The session is checked before
 * the body is read, so a signed-out request never makes the server read (up to BODY_SIZE_LIMIT) its body; a
 * body that cannot be read (cut off mid-upload) is a 400, not a server error.
 */
async function start(event: Event) {
	const article = await requireArticle(event.params.slug, event.locals);
	const reviewer = event.locals.reviewer;
	if (!reviewer) return { refused: signedOut(event, urlSegment(event)) } as const;
	try {
		return { article, reviewer, form: await event.request.formData() } as const;
	} catch {
		return {
			refused: fail(400, { segmentId: urlSegment(event), error: event.locals.t('review.errors.unreadable') })
		} as const;
	}
}

/** A typed text that cannot be stored (too long, a control character): say which, and keep the text. */
function textRefused(event: Event, segmentId: string | null, value: FormDataEntryValue | null) {
	const problem = textProblem(value);
	if (!problem) return undefined;
	const t = event.locals.t;
	return fail(400, {
		segmentId,
		error:
			problem.code === 'tooLong'
				? t('review.errors.tooLong', { max: problem.max.toLocaleString('en') })
				: t('review.errors.badCharacter', { character: problem.character })
	});
}

/** Signed out (or the session expired) during work: say so, keep the reviewer's text where it is. */
const signedOut = (event: Event, segmentId: string | null) =>
	fail(401, {
		segmentId,
		error: event.locals.t('auth.sessionExpired'),
		loginUrl: loginUrl(event.url, true)
	});

const badForm = (event: Event, segmentId: string | null) =>
	fail(400, { segmentId, error: event.locals.t('review.errors.badForm') });

const segmentOf = (article: Article, id: string) =>
	walkSegments(article).find((r) => r.segment.id === id)?.segment;

/** Store input errors become a 400 with the store's message; anything else is a server error. */
async function guarded<T>(event: Event, segmentId: string | null, run: () => Promise<T>) {
	try {
		return await run();
	} catch (e) {
		if (e instanceof InputError) return fail(400, { segmentId, error: e.message });
		throw e;
	}
}

export const actions = {
	save: async (event) => {
		const started = await start(event);
		if ('refused' in started) return started.refused;
		const { article, form, reviewer } = started;
		const input = parseForm(SaveForm, form);
		const segmentId = input?.segmentId ?? urlSegment(event);
		const refused = textRefused(event, segmentId, form.get('en'));
		if (refused) return refused;
		const segment = input && segmentOf(article, input.segmentId);
		if (!input || !segment) return badForm(event, segmentId);
		return guarded(event, segmentId, async () => {
			const result = await saveSegment({ slug: article.slug, reviewerId: reviewer.id, ...input });
			if (!result.ok) {
				const { theirs, yours } = result.conflict;
				return fail(409, {
					segmentId,
					error: event.locals.t('review.conflict.message'),
					conflict: {
						theirs: {
							en: theirs.en ?? segment.en,
							status: theirs.status,
							version: theirs.version,
							by: theirs.updatedBy?.username ?? null,
							at: theirs.updatedAt
						},
						yours: { en: yours.en, status: yours.status, baseVersion: yours.baseVersion }
					}
				});
			}
			const warnings = segmentWarnings(article, {
				id: segment.id,
				zh: segment.zh,
				en: result.state.en ?? segment.en
			});
			return { segmentId, saved: { version: result.state.version, warnings: warnings.length } };
		});
	},

	saveDraft: async (event) => {
		const started = await start(event);
		if ('refused' in started) return started.refused;
		const { article, form, reviewer } = started;
		const input = parseForm(DraftForm, form);
		const segmentId = input?.segmentId ?? null;
		if (!input || !segmentOf(article, input.segmentId)) return badForm(event, segmentId);
		return guarded(event, segmentId, async () => {
			const draft = await saveDraft({ slug: article.slug, reviewerId: reviewer.id, ...input });
			return { segmentId, draftSaved: draft.updatedAt };
		});
	},

	discardDraft: async (event) => {
		const started = await start(event);
		if ('refused' in started) return started.refused;
		const { article, form, reviewer } = started;
		const input = parseForm(SegmentForm, form);
		const segmentId = input?.segmentId ?? null;
		if (!input || !segmentOf(article, input.segmentId)) return badForm(event, segmentId);
		await discardDraft({ slug: article.slug, segmentId: input.segmentId, reviewerId: reviewer.id });
		return { segmentId, draftDiscarded: true };
	},

	comment: async (event) => {
		const started = await start(event);
		if ('refused' in started) return started.refused;
		const { article, form, reviewer } = started;
		const input = parseForm(CommentForm, form);
		const segmentId = input?.segmentId ?? urlSegment(event);
		const refused = textRefused(event, segmentId, form.get('body'));
		if (refused) return refused;
		if (!input || !segmentOf(article, input.segmentId))
			return fail(400, { segmentId, error: event.locals.t('review.errors.emptyComment') });
		return guarded(event, segmentId, async () => {
			await addComment({ slug: article.slug, reviewerId: reviewer.id, ...input });
			return { segmentId, commented: true };
		});
	},

	acceptWarning: async (event) => {
		const started = await start(event);
		if ('refused' in started) return started.refused;
		const { article, form, reviewer } = started;
		const input = parseForm(AcceptForm, form);
		const segmentId = input?.segmentId ?? urlSegment(event);
		const refused = textRefused(event, segmentId, form.get('reason'));
		if (refused) return refused;
		if (!input || !segmentOf(article, input.segmentId))
			return fail(400, { segmentId, error: event.locals.t('review.errors.emptyReason') });
		// Only a warning the segment has now can be accepted (never a made-up or already fixed one).
		if (!(await hasWarning(article, input.segmentId, input.warningKey)))
			return fail(400, { segmentId, error: event.locals.t('review.errors.noSuchWarning') });
		return guarded(event, segmentId, async () => {
			await acceptQaWarning({ slug: article.slug, reviewerId: reviewer.id, ...input });
			return { segmentId, accepted: input.warningKey };
		});
	},

	runQa: async (event) => {
		const started = await start(event);
		if ('refused' in started) return started.refused;
		const { article, reviewer } = started;
		const startedAt = performance.now();
		const segments = await loadWorkspace(article, reviewer.id);
		const warnings = segments.flatMap((s) => s.warnings);
		return {
			segmentId: null,
			qa: {
				segments: segments.length,
				warnings: warnings.length,
				open: warnings.filter((w) => !w.accepted).length,
				flagged: segments.filter((s) => s.warnings.some((w) => !w.accepted)).length,
				ms: Math.round(performance.now() - startedAt)
			}
		};
	},

	importXliff: async (event) => {
		const t = event.locals.t;
		const tooLarge = () =>
			fail(413, { segmentId: null, importErrors: [t('review.import.tooLarge', { max: '10 MB' })] });
		const article = await requireArticle(event.params.slug, event.locals);
		// Signed out: answer before reading any of the body.
		const reviewer = event.locals.reviewer;
		if (!reviewer) return signedOut(event, null);
		// Refuse an oversized upload from its declared length, before reading (let alone parsing) the body.
		const declared = Number(event.request.headers.get('content-length'));
		if (Number.isFinite(declared) && declared > MAX_UPLOAD_BYTES + 64 * 1024) return tooLarge();
		let form: FormData;
		try {
			form = await event.request.formData();
		} catch {
			// Cut off mid-upload, or (without a declared length) over the server's BODY_SIZE_LIMIT.
			return fail(400, { segmentId: null, importErrors: [t('review.import.unreadable')] });
		}
		const file = form.get('file');
		if (!(file instanceof File) || file.size === 0)
			return fail(400, { segmentId: null, importErrors: [t('review.import.noFile')] });
		if (file.size > MAX_UPLOAD_BYTES) return tooLarge();
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
};
