import type { Handle, HandleServerError, RequestEvent, ServerInit } from '@sveltejs/kit';
import { LOCALE_COOKIE, htmlLang, resolveLocale, translator } from '$lib/i18n';
import { describeDatabaseError, getDb, isDatabaseUnavailable } from '$lib/server/db';
import { SESSION_COOKIE, sessionCookieOptions, validateSession } from '$lib/server/auth';
import { preloadReaderWords } from '$lib/server/reader/word-data';
import { syncGlossary } from '$lib/server/glossary';
import { syncPinyinCorrections } from '$lib/server/pinyin/corrections';
import { dependsOnUser, withSecurityHeaders } from '$lib/server/http/headers';
import { withoutHydrationMarkers } from '$lib/server/http/page-markers';
import { offerAnswerFromMemory, readerPageFromMemory } from '$lib/server/reader/page-cache';
import { chooseReaderPage } from '$lib/server/reader/variants';
import { syncWhenChanged } from '$lib/server/reader/freshness';
import { asPublicResponse } from '$lib/server/http/public-cache';

/**
 * Open (create, migrate) the database before serving: a broken database stops the server at start. The
 * dictionary (≈0.8 s), its search index (≈0.7 s) and each article's words load here too, not on a first request.
 * The glossary entries made in the app are read first, so the articles' words are prepared with them.
 */
export const init: ServerInit = async () => {
	try {
		await getDb();
	} catch (error) {
		// scripts/serve.js prints this one line and exits non-zero (no stack trace, no crash loop of retries).
		throw new StartupError(`cannot open the database: ${describeDatabaseError(error)}`, { cause: error });
	}
	await syncGlossary(await getDb());
	await syncPinyinCorrections(await getDb());
	await preloadReaderWords();
	// Kept reader pages are answered before SvelteKit when the server asks (scripts/serve.js).
	offerAnswerFromMemory();
};

/** A reason the server cannot start, said in one line. */
class StartupError extends Error {
	override name = 'StartupError';
}

/** How long a client should wait before trying again while the database is unavailable (seconds). */
const RETRY_AFTER = '5';

export const handle: Handle = async ({ event, resolve }) => {
	try {
		const response = await handleRequest({ event, resolve });
		// A load or endpoint failed because the database is unreachable (see handleError): say so with 503.
		if (event.locals.databaseUnavailable && response.status >= 500) return unavailable(response);
		return response;
	} catch (error) {
		if (!isDatabaseUnavailable(error)) throw error;
		logUnavailable(event, error);
		return withSecurityHeaders(
			new Response((event.locals.t ?? translator('en'))('errors.databaseUnavailable'), {
				status: 503,
				headers: { 'content-type': 'text/plain; charset=utf-8', 'retry-after': RETRY_AFTER }
			}),
			true
		);
	}
};

/** The error page SvelteKit rendered, as a 503 that no cache keeps. */
function unavailable(response: Response): Response {
	const headers = new Headers(response.headers);
	headers.set('retry-after', RETRY_AFTER);
	headers.set('cache-control', 'no-store');
	headers.delete('etag');
	return new Response(response.body, { status: 503, headers });
}

function logUnavailable(event: RequestEvent, error: unknown): void {
	console.error(
		JSON.stringify({
			level: 'error',
			msg: 'database unavailable',
			path: event.url.pathname,
			error: describeDatabaseError(error)
		})
	);
}

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (isDatabaseUnavailable(error)) {
		event.locals.databaseUnavailable = true;
		logUnavailable(event, error);
		return { message: translator(event.locals.locale ?? 'en')('errors.databaseUnavailable') };
	}
	if (status >= 500) console.error(error);
	return { message };
};

const PROBES = new Set(['/healthz', '/readyz']);

const handleRequest: Handle = async ({ event, resolve }) => {
	event.locals.databaseUnavailable = false;
	const locale = resolveLocale(
		event.cookies.get(LOCALE_COOKIE),
		event.request.headers.get('accept-language')
	);
	event.locals.locale = locale;
	event.locals.t = translator(locale);
	// The probes answer for themselves: /healthz must say "alive" while the database is down, and /readyz asks the
	// database on its own terms. Neither signs in nor reads anything else.
	if (PROBES.has(event.route.id ?? '')) {
		event.locals.reviewer = null;
		event.locals.sessionExpired = false;
		return withSecurityHeaders(await resolve(event), false);
	}
	await signIn(event);
	const signedIn = event.locals.reviewer !== null;
	// A reader page is at the address of its settings (a redirect there otherwise); they and its language are settled.
	const moved = chooseReaderPage(event);
	if (moved) return withSecurityHeaders(moved, dependsOnUser(event.route.id, signedIn));
	// Glossary entries added or changed in the app (by this process or another) reach every page at once; so do
	// editors' pinyin corrections for imported text. Asked only when the database has changed since.
	const stamp = await syncWhenChanged(async (db) => {
		await syncGlossary(db);
		await syncPinyinCorrections(db);
	});
	// A published reader page is rendered once per version and settings, then served from memory.
	const response = await readerPageFromMemory(event, stamp, async () =>
		asPublicResponse(
			event,
			await resolve(event, {
				transformPageChunk: ({ html }) =>
					withoutHydrationMarkers(html.replace('%lang%', htmlLang(event.locals.locale)))
			})
		)
	);
	return withSecurityHeaders(response, dependsOnUser(event.route.id, signedIn));
};

/**
 * The signed-in reviewer, from the session cookie. A cookie whose session is unknown or expired is removed and
 * noted, so review pages can say "your session has expired" rather than just asking to sign in.
 */
async function signIn(event: RequestEvent): Promise<void> {
	event.locals.reviewer = null;
	event.locals.sessionExpired = false;
	const token = event.cookies.get(SESSION_COOKIE);
	if (!token) return;
	const session = await validateSession(token);
	if (session) {
		event.locals.reviewer = session.reviewer;
		// Sliding expiry: the cookie lives as long as the session it names.
		event.cookies.set(SESSION_COOKIE, token, sessionCookieOptions(event.url, session.expiresAt));
	} else {
		event.cookies.delete(SESSION_COOKIE, sessionCookieOptions(event.url));
		event.locals.sessionExpired = true;
	}
}
