/**
 * One way to write a review form action. The session is checked first, before the request body is read: a
 * signed-out request (or an expired session) costs nothing, however large its upload. Then the article, the
 * form (parsed with its valibot schema) and the segment it names; then the action; input errors from the store
 * become a 400 with the store's message.
 */
import { fail, type ActionFailure, type RequestEvent } from '@sveltejs/kit';
import * as v from 'valibot';
import { IdSchema, type Article, type Segment } from '$lib/content/schema';
import { walkSegments } from '$lib/content/walk';
import { formFields, textProblem } from '$lib/review/forms';
import { can, type Permission } from '$lib/review/roles';
import type { Account } from '../auth/index';
import { requireArticle } from '../content/store';
import { InputError } from '../db/index';
import { loginUrl, refusal } from './guard';

/** A review action's request. */
export type ReviewEvent = RequestEvent<{ slug: string }>;

/** What a review action runs with. */
export interface ReviewActionContext<T> {
	event: ReviewEvent;
	t: App.Locals['t'];
	article: Article;
	/** The signed-in account, with its role. */
	reviewer: Account;
	/** The form's fields, as the schema parsed them. */
	input: T;
	/** The whole form (for files, which the schema does not see). */
	form: FormData;
	/** The segment the form names (when its schema has a segmentId). */
	segment: Segment | undefined;
}

/** How a review action reads its request. */
export interface ReviewActionSpec<S extends v.GenericSchema, R> {
	/** The form's text fields. A `segmentId` field must name a segment of the article. */
	schema: S;
	/** The interface message for a form that does not fit (default: review.errors.badForm). */
	invalid?: string;
	/** Typed text fields checked first, so a text too long or with a control character is named as such. */
	texts?: readonly string[];
	/** What the account's role must allow ($lib/review/roles), checked with the session before the body is read. */
	permission?: Permission;
	/** Checks the request before its body is read (after the session); a failure here is the answer. */
	beforeBody?: (event: ReviewEvent) => ActionFailure<Record<string, unknown>> | undefined;
	/** The answer when the body cannot be read (too large for the server, or cut off); default a 400 saying so. */
	unreadable?: (event: ReviewEvent) => ActionFailure<Record<string, unknown>>;
	run: (context: ReviewActionContext<v.InferOutput<S>>) => Promise<R> | R;
}

/**
 * The segment a form is about, from its action URL (`?/save&segment=<id>`), which can be read without the body:
 * it places the "session expired" message beside the segment the reviewer was working in.
 */
function segmentInUrl(url: URL): string | null {
	const id = url.searchParams.get('segment');
	return id !== null && v.is(IdSchema, id) ? id : null;
}

/** Signed out (or the session expired) during work: say so, keep the reviewer's text where it is. */
const signedOut = (event: ReviewEvent) =>
	fail(401, {
		segmentId: segmentInUrl(event.url),
		error: event.locals.t('auth.sessionExpired'),
		loginUrl: loginUrl(event.url, true)
	});

const segmentOf = (article: Article, id: string) =>
	walkSegments(article).find((r) => r.segment.id === id)?.segment;

/** A typed text that cannot be stored (too long, a control character): say which, and keep the text. */
function textRefused(event: ReviewEvent, segmentId: string | null, value: FormDataEntryValue | null) {
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

/** A review form action: session, article, form, segment, then `spec.run`. */
export function reviewAction<S extends v.GenericSchema, R>(spec: ReviewActionSpec<S, R>) {
	return async (event: ReviewEvent) => {
		const { t, reviewer } = event.locals;
		if (!reviewer) return signedOut(event);
		if (spec.permission && !can(reviewer.role, spec.permission))
			return fail(403, {
				segmentId: segmentInUrl(event.url),
				error: refusal(t, reviewer, spec.permission)
			});
		const early = spec.beforeBody?.(event);
		if (early) return early;
		const article = await requireArticle(event.params.slug, event.locals);
		let form: FormData;
		try {
			form = await event.request.formData();
		} catch {
			// Cut off mid-upload, or over the server's BODY_SIZE_LIMIT: a message, not a server error.
			if (spec.unreadable) return spec.unreadable(event);
			return fail(400, { segmentId: segmentInUrl(event.url), error: t('review.errors.unreadable') });
		}
		const parsed = v.safeParse(spec.schema, formFields(form));
		const input = parsed.success ? (parsed.output as v.InferOutput<S>) : undefined;
		const segmentId: string | null =
			(input as { segmentId?: string } | undefined)?.segmentId ?? segmentInUrl(event.url);
		for (const field of spec.texts ?? []) {
			const refused = textRefused(event, segmentId, form.get(field));
			if (refused) return refused;
		}
		const segment = segmentId === null ? undefined : segmentOf(article, segmentId);
		if (!input || (segmentId !== null && !segment))
			return fail(400, { segmentId, error: t(spec.invalid ?? 'review.errors.badForm') });
		try {
			return await spec.run({ event, t, article, reviewer, input, form, segment });
		} catch (e) {
			if (e instanceof InputError) return fail(400, { segmentId, error: e.message });
			throw e;
		}
	};
}
