/** Review pages and actions need a signed-in reviewer; reading stays public. */
import { redirect } from '@sveltejs/kit';
import type { ReviewerRef } from '../auth/index';

/** The sign-in page, returning to `url`'s page (form-action query strings dropped) and saying why when the session expired. */
export function loginUrl(url: URL, expired: boolean): string {
	const next = url.pathname + (url.search.startsWith('?/') ? '' : url.search);
	return `/login?next=${encodeURIComponent(next)}${expired ? '&expired=1' : ''}`;
}

/** The signed-in reviewer, or a redirect to the sign-in page (which comes back here). */
export function requireReviewer(locals: App.Locals, url: URL): ReviewerRef {
	if (!locals.reviewer) redirect(303, loginUrl(url, locals.sessionExpired));
	return locals.reviewer;
}
