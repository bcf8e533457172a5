import { fail, type RequestEvent } from '@sveltejs/kit';
import type { Article } from '$lib/content/schema';
import { InputError } from '$lib/server/db';
import { requireArticle } from '$lib/server/content/store';
import { loginUrl, requireReviewer } from '$lib/server/review/guard';
import { importXliff } from '$lib/server/review/import';
import { loadWorkspace, segmentWarnings } from '$lib/server/review/load-workspace';
import { acceptQaWarning, addComment, discardDraft, saveDraft, saveSegment } from '$lib/server/review';
import {
	AcceptForm,
	CommentForm,
	DraftForm,
	MAX_UPLOAD_BYTES,
	SaveForm,
	SegmentForm,
	parseForm
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

/** The article, the reviewer and the form of an action; a failure result when signed out or the form is bad. */
async function start(event: Event) {
	const article = await requireArticle(event.params.slug, event.locals);
	const form = await event.request.formData();
	const reviewer = event.locals.reviewer;
	return { article, form, reviewer };
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
		const { article, form, reviewer } = await start(event);
		const input = parseForm(SaveForm, form);
		const segmentId = input?.segmentId ?? null;
		if (!reviewer) return signedOut(event, segmentId);
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
		const { article, form, reviewer } = await start(event);
		const input = parseForm(DraftForm, form);
		const segmentId = input?.segmentId ?? null;
		if (!reviewer) return signedOut(event, segmentId);
		if (!input || !segmentOf(article, input.segmentId)) return badForm(event, segmentId);
		return guarded(event, segmentId, async () => {
			const draft = await saveDraft({ slug: article.slug, reviewerId: reviewer.id, ...input });
			return { segmentId, draftSaved: draft.updatedAt };
		});
	},

	discardDraft: async (event) => {
		const { article, form, reviewer } = await start(event);
		const input = parseForm(SegmentForm, form);
		const segmentId = input?.segmentId ?? null;
		if (!reviewer) return signedOut(event, segmentId);
		if (!input || !segmentOf(article, input.segmentId)) return badForm(event, segmentId);
		await discardDraft({ slug: article.slug, segmentId: input.segmentId, reviewerId: reviewer.id });
		return { segmentId, draftDiscarded: true };
	},

	comment: async (event) => {
		const { article, form, reviewer } = await start(event);
		const input = parseForm(CommentForm, form);
		const segmentId = input?.segmentId ?? null;
		if (!reviewer) return signedOut(event, segmentId);
		if (!input || !segmentOf(article, input.segmentId))
			return fail(400, { segmentId, error: event.locals.t('review.errors.emptyComment') });
		return guarded(event, segmentId, async () => {
			await addComment({ slug: article.slug, reviewerId: reviewer.id, ...input });
			return { segmentId, commented: true };
		});
	},

	acceptWarning: async (event) => {
		const { article, form, reviewer } = await start(event);
		const input = parseForm(AcceptForm, form);
		const segmentId = input?.segmentId ?? null;
		if (!reviewer) return signedOut(event, segmentId);
		// A warning key names its segment (rule:segment:code:text): refuse keys of other segments.
		if (!input || !segmentOf(article, input.segmentId) || input.warningKey.split(':')[1] !== input.segmentId)
			return fail(400, { segmentId, error: event.locals.t('review.errors.emptyReason') });
		return guarded(event, segmentId, async () => {
			await acceptQaWarning({ slug: article.slug, reviewerId: reviewer.id, ...input });
			return { segmentId, accepted: input.warningKey };
		});
	},

	runQa: async (event) => {
		const { article, reviewer } = await start(event);
		if (!reviewer) return signedOut(event, null);
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
	},

	importXliff: async (event) => {
		const t = event.locals.t;
		const tooLarge = () =>
			fail(413, { segmentId: null, importErrors: [t('review.import.tooLarge', { max: '10 MB' })] });
		// Refuse an oversized upload from its declared length, before reading (let alone parsing) the body.
		const declared = Number(event.request.headers.get('content-length'));
		if (Number.isFinite(declared) && declared > MAX_UPLOAD_BYTES + 64 * 1024) return tooLarge();
		const article = await requireArticle(event.params.slug, event.locals);
		let form: FormData;
		try {
			form = await event.request.formData();
		} catch {
			// A body over the server's BODY_SIZE_LIMIT (set it above 10 MB, see the README), or cut off.
			return fail(413, { segmentId: null, importErrors: [t('review.import.unreadable')] });
		}
		const reviewer = event.locals.reviewer;
		if (!reviewer) return signedOut(event, null);
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
