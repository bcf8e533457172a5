/**
 * Public responses a shared cache (a CDN, a proxy) may keep: the reader pages (src/lib/server/reader/page-cache.ts),
 * the glossary pages and the downloads anyone may take. Each carries a strong ETag, a hash of its bytes, so a
 * cache revalidates with If-None-Match and gets a 304 while nothing changed; when an approval changes an article's
 * English or an edit changes the glossary, the bytes change, and so does the ETag. `max-age=0` makes every cache
 * ask again before each use; `stale-while-revalidate` lets a shared cache answer with its copy while it asks (for
 * a minute at most, and only for one request after a change: the next one gets the new copy).
 *
 * Responses for a signed-in account are never public (hooks.server.ts makes them `private, no-store`).
 */
import { createHash } from 'node:crypto';
import type { RequestEvent } from '@sveltejs/kit';

/** Cache-Control of a public response. */
export const SHARED_CACHE = 'public, max-age=0, stale-while-revalidate=60';

/** The interface language comes from the `locale` cookie or Accept-Language: pages in it vary by both. */
const BY_LANGUAGE = 'Cookie, Accept-Language';

/**
 * Public routes (besides the reader page) and the request headers their response depends on beside its address
 * (null: none; the downloads are the same in every interface language).
 */
const PUBLIC_ROUTES: Readonly<Record<string, string | null>> = {
	'/glossary': BY_LANGUAGE,
	'/glossary/[id]': BY_LANGUAGE,
	'/glossary/export.tbx': null,
	'/articles/[slug]/downloads': BY_LANGUAGE,
	'/articles/[slug]/export.[format=articleFormat]': null,
	'/articles/[slug]/figures.[format=figuresFormat]': null,
	'/articles/[slug]/glossary.json': null,
	'/reader-ui/[locale]': null
};

/** A strong ETag for these bytes. */
export function strongEtag(body: Uint8Array, suffix = ''): string {
	return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}${suffix}"`;
}

/** Whether an If-None-Match header names this ETag (weak comparison, as RFC 9110 asks for GET). */
export function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
	if (!ifNoneMatch) return false;
	if (ifNoneMatch.trim() === '*') return true;
	return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/**
 * The response of a public route, with its validator and the shared-cache rule (a 304 when the request already
 * holds it); any other response as it is.
 */
export async function asPublicResponse(event: RequestEvent, response: Response): Promise<Response> {
	const { request, route, locals } = event;
	const vary = route.id === null ? undefined : PUBLIC_ROUTES[route.id];
	if (vary === undefined || (request.method !== 'GET' && request.method !== 'HEAD')) return response;
	if (locals.reviewer || locals.sessionExpired) return response;
	if (response.status !== 200 || response.headers.has('set-cookie')) return response;
	const body = new Uint8Array(await response.arrayBuffer());
	const etag = strongEtag(body);
	const headers = new Headers(response.headers);
	headers.set('etag', etag);
	headers.set('cache-control', SHARED_CACHE);
	if (vary) headers.set('vary', vary);
	if (etagMatches(request.headers.get('if-none-match'), etag))
		return new Response(null, { status: 304, headers });
	return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers });
}
