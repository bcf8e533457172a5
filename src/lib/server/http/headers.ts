/**
 * Headers every response carries, and the cache rule for responses that depend on who is signed in. Applied in
 * hooks.server.ts; the page CSP itself comes from `kit.csp` in svelte.config.js (hashes of SvelteKit's inline script, no nonces).
 */

/** Security headers for every response. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'strict-origin-when-cross-origin',
	// For browsers without CSP frame-ancestors; the CSP says the same.
	'x-frame-options': 'DENY'
};

/**
 * The CSP for responses SvelteKit does not render as pages (downloads, JSON, the reader script, redirects): they
 * load nothing, and may not be framed.
 */
export const NON_PAGE_CSP = "default-src 'none'; frame-ancestors 'none'";

/** Responses that may not be stored by any cache, nor kept for the Back button after signing out. */
export const PRIVATE_NO_STORE = 'private, no-store';

/** Routes whose responses always depend on the session (the review workspace and its downloads, sign-in). */
const SESSION_ROUTE = /^\/(articles\/\[slug\]\/(?:review|briefing\/edit)|login|logout)(\/|$)/;

/**
 * Whether a response depends on the signed-in user: every response while a reviewer is signed in (so nothing a
 * reviewer saw stays in a shared cache or in the history after sign-out), and the session's own routes always.
 */
export function dependsOnUser(routeId: string | null, signedIn: boolean): boolean {
	return signedIn || (routeId !== null && SESSION_ROUTE.test(routeId));
}

/** Add the security headers (and the cache rule) to a response; headers of immutable responses are copied. */
export function withSecurityHeaders(response: Response, privateResponse: boolean): Response {
	let out = response;
	try {
		apply(out.headers, privateResponse);
	} catch {
		// Some responses (e.g. from fetch) have immutable headers: copy them into a new response.
		out = new Response(response.body, response);
		apply(out.headers, privateResponse);
	}
	return out;
}

function apply(headers: Headers, privateResponse: boolean) {
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) headers.set(name, value);
	if (!headers.has('content-security-policy')) headers.set('content-security-policy', NON_PAGE_CSP);
	if (privateResponse) {
		headers.set('cache-control', PRIVATE_NO_STORE);
		headers.delete('etag');
	}
}
