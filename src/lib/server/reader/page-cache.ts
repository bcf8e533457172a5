/**
 * Reader pages rendered once per version and served from memory. A published article's page depends only on the
 * article (its Chinese, its approved English, the glossary that marks its terms), the interface language and the
 * reader's settings; for a visitor who is not signed in, the rendered page is kept under exactly those, so the
 * next request with the same key is answered without rendering. An approval changes the article's approval
 * stamp, a glossary edit its revision, a stored article's change its object: each makes a new key, and the old
 * page ages out (least recently used first, within a byte budget).
 *
 * A kept page is sent gzipped to browsers that accept it (compressed once, when kept). It carries a strong ETag
 * (a hash of its bytes, one for each encoding), so browsers and shared caches revalidate with If-None-Match and
 * get a 304. `Cache-Control: no-cache` makes them ask each time, so an approval reaches readers at once. A page
 * in default settings is `public` (any cache may keep it; it varies by Cookie and Accept-Language, which choose
 * the settings and the interface language, and by Accept-Encoding); one in a reader's own settings is `private`. Signed-in responses never come here (hooks.server.ts marks them private, no-store).
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { RequestEvent } from '@sveltejs/kit';
import { READER_COOKIE, parseReaderSettings } from '$lib/reader/settings';
import { articleVersion, getArticle, glossaryRevision, isPublished } from '$lib/server/content/store';
import { approvalStamp } from '$lib/server/review/store';

const READER_ROUTE = '/articles/[slug]';
/** The most bytes of rendered pages kept (a seed-sized page is about 160 KB). */
const MAX_BYTES = 64 * 1024 * 1024;
/** Headers a kept page is served with; anything tied to one response (cookies, dates) is left out. */
const KEPT_HEADERS = new Set(['content-type', 'content-security-policy', 'content-language', 'link']);

interface Entry {
	body: Uint8Array<ArrayBuffer>;
	/** The same page gzipped once, for the browsers that accept it (all of them): a fifth of the bytes to send. */
	gzip: Uint8Array<ArrayBuffer>;
	headers: [string, string][];
	/** Strong validators, one per representation: the page as it is, and gzipped. */
	etag: string;
	gzipEtag: string;
}

const entries = new Map<string, Promise<Entry | null>>();
const sizes = new Map<string, number>();
let bytes = 0;

/** The key a reader page is kept under, or undefined when this request's page is not to be kept. */
async function keyOf(event: RequestEvent): Promise<string | undefined> {
	const { request, url, locals, params } = event;
	if (event.route.id !== READER_ROUTE || (request.method !== 'GET' && request.method !== 'HEAD')) return;
	if (url.search || locals.reviewer || locals.sessionExpired) return;
	const slug = params.slug;
	if (!slug) return;
	const article = await getArticle(slug);
	if (!article || !(await isPublished(slug))) return;
	const settings = parseReaderSettings(event.cookies.get(READER_COOKIE));
	return JSON.stringify([
		slug,
		articleVersion(article),
		glossaryRevision(),
		await approvalStamp(slug),
		locals.locale,
		settings
	]);
}

function keep(key: string, entry: Entry) {
	// Evicted while it rendered: served to its requests, not kept.
	if (!entries.has(key)) return;
	const size = entry.body.byteLength + entry.gzip.byteLength;
	sizes.set(key, size);
	bytes += size;
	for (const [oldest] of entries) {
		if (bytes <= MAX_BYTES || oldest === key) break;
		forget(oldest);
	}
}

function forget(key: string) {
	entries.delete(key);
	bytes -= sizes.get(key) ?? 0;
	sizes.delete(key);
}

async function entryOf(response: Response): Promise<Entry> {
	const body = new Uint8Array(await response.arrayBuffer());
	const headers = [...response.headers].filter(([name]) => KEPT_HEADERS.has(name));
	const hash = createHash('sha256').update(body).digest('base64url').slice(0, 32);
	const gzip = new Uint8Array(gzipSync(body, { level: 6 }));
	return { body, gzip, headers, etag: `"${hash}"`, gzipEtag: `"${hash}-gzip"` };
}

/** Whether an If-None-Match header names this ETag (weak comparison, as RFC 9110 asks for GET). */
function matches(ifNoneMatch: string | null, etag: string): boolean {
	if (!ifNoneMatch) return false;
	if (ifNoneMatch.trim() === '*') return true;
	return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/** Whether the request accepts a gzipped body (Accept-Encoding names gzip, or *, without q=0). */
function acceptsGzip(header: string | null): boolean {
	return (header ?? '').split(',').some((part) => {
		const [coding, ...params] = part.trim().toLowerCase().split(';');
		const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
		return (coding === 'gzip' || coding === '*') && (!q || Number(q.slice(2)) > 0);
	});
}

function respond(entry: Entry, event: RequestEvent): Response {
	const gzip = acceptsGzip(event.request.headers.get('accept-encoding'));
	const etag = gzip ? entry.gzipEtag : entry.etag;
	const headers = new Headers(entry.headers);
	headers.set('etag', etag);
	headers.set('vary', 'Cookie, Accept-Language, Accept-Encoding');
	const ownSettings = event.cookies.get(READER_COOKIE) !== undefined;
	headers.set('cache-control', `${ownSettings ? 'private' : 'public'}, no-cache`);
	if (matches(event.request.headers.get('if-none-match'), etag))
		return new Response(null, { status: 304, headers });
	if (gzip) headers.set('content-encoding', 'gzip');
	const body = gzip ? entry.gzip : entry.body;
	headers.set('content-length', String(body.byteLength));
	return new Response(event.request.method === 'HEAD' ? null : body, { status: 200, headers });
}

/**
 * The reader page for this request: from memory when it was rendered before under the same key, otherwise
 * rendered by `render` (and kept when it is a plain 200 page). Any other request is passed to `render`.
 */
export async function readerPageFromMemory(
	event: RequestEvent,
	render: () => Response | Promise<Response>
): Promise<Response> {
	const key = await keyOf(event);
	if (!key) return render();
	const kept = entries.get(key);
	if (kept) {
		const entry = await kept;
		if (!entry) return render();
		// Most recently used last.
		entries.delete(key);
		entries.set(key, kept);
		return respond(entry, event);
	}
	// Concurrent requests for the same page wait for this one render.
	let settle: (entry: Entry | null) => void = () => {};
	entries.set(key, new Promise((resolve) => (settle = resolve)));
	try {
		const response = await render();
		const storable =
			response.status === 200 &&
			!response.headers.has('set-cookie') &&
			(response.headers.get('content-type') ?? '').startsWith('text/html');
		if (!storable) {
			entries.delete(key);
			settle(null);
			return response;
		}
		const entry = await entryOf(response);
		settle(entry);
		keep(key, entry);
		return respond(entry, event);
	} catch (error) {
		entries.delete(key);
		settle(null);
		throw error;
	}
}
