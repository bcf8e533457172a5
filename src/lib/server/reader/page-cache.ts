/**
 * Reader pages rendered once per version and served from memory. A published article's page depends only on the
 * article (its Chinese, its approved English, the glossary that marks its terms), the interface language and the
 * reading settings, which its address names (variants.ts); for a visitor who is not signed in, the rendered page
 * is kept under exactly those, so the next request with the same key is answered without rendering. An approval
 * changes the article's approval stamp, a glossary edit its revision, a stored article's change its object: each
 * makes a new key, and the old page ages out (least recently used first, within a byte budget). The parts of the
 * key that come from the database are asked again only when the database's stamp has changed (freshness.ts), so a
 * kept page is served with one query of a few microseconds.
 *
 * A kept page is sent gzipped to browsers that accept it (compressed once, when kept). It carries a strong ETag
 * (a hash of its bytes, one for each encoding), so browsers and shared caches revalidate with If-None-Match and
 * get a 304; it is `public` with `max-age=0` and `stale-while-revalidate` (public-cache.ts), so an approval
 * reaches readers on their next request. The plain address (default settings, the interface language from the
 * `locale` cookie or Accept-Language) varies by Cookie, Accept-Language and Accept-Encoding; an address in
 * settings of its own names its language too and varies only by Accept-Encoding, whatever cookies come with it.
 * Signed-in responses never come here (hooks.server.ts marks them private, no-store).
 */
import { gzipSync } from 'node:zlib';
import type { RequestEvent } from '@sveltejs/kit';
import { articleVersion, getArticle, glossaryRevision, isPublished } from '$lib/server/content/store';
import { approvalStamp } from '$lib/server/review/store';
import { SHARED_CACHE, etagMatches, strongEtag } from '$lib/server/http/public-cache';
import { SECURITY_HEADERS } from '$lib/server/http/headers';
import { SESSION_COOKIE } from '$lib/server/auth/sessions';
import { LOCALE_COOKIE, resolveLocale, type Locale } from '$lib/i18n';
import { READER_COOKIE, parseReaderSettings } from '$lib/reader/settings';
import { getDb, openedDb, type Db } from '$lib/server/db';
import { databaseStamp, databaseStampNow, syncedStamp } from './freshness';
import { READER_ROUTE, readerAddress, type ReaderAddress } from './variants';

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
	/** Response headers by representation, address and status (`headersOf`). */
	answerHeaders: Map<string, Record<string, string>>;
}

const entries = new Map<string, Promise<Entry | null>>();
/** The same entries once rendered, for the answer from Node's request (no promise to wait for). */
const rendered = new Map<string, Entry>();
const sizes = new Map<string, number>();
let bytes = 0;

/** What a published article's key takes from the database, as of a database stamp. */
interface Known {
	stamp: string;
	parts: unknown[];
}

/** Per slug, the database's part of the key of a published article, while the database's stamp is unchanged. */
const known = new Map<string, Known>();

/** The article's version, the glossary's revision and the approvals, or undefined when it is not published. */
async function databaseParts(slug: string, stamp: string): Promise<unknown[] | undefined> {
	const hit = known.get(slug);
	if (hit?.stamp === stamp) return hit.parts;
	const article = await getArticle(slug);
	if (!article || !(await isPublished(slug))) {
		known.delete(slug);
		return;
	}
	const parts = [articleVersion(article), glossaryRevision(), await approvalStamp(slug)];
	known.set(slug, { stamp, parts });
	return parts;
}

/** The key a reader page is kept under, or undefined when this request's page is not to be kept. */
async function keyOf(event: RequestEvent, stamp: string): Promise<string | undefined> {
	const { request, url, locals, params } = event;
	if (event.route.id !== READER_ROUTE || (request.method !== 'GET' && request.method !== 'HEAD')) return;
	if (locals.reviewer || locals.sessionExpired) return;
	const slug = params.slug;
	if (!slug) return;
	const parts = await databaseParts(slug, stamp);
	// The address names the settings (variants.ts has sent any other query to its settings' address).
	return parts && keyFor(slug, url.search, locals.locale, parts);
}

function keyFor(slug: string, search: string, locale: Locale, parts: unknown[]): string {
	return JSON.stringify([slug, search, locale, ...parts]);
}

function keep(key: string, entry: Entry) {
	// Evicted while it rendered: served to its requests, not kept.
	if (!entries.has(key)) return;
	const size = entry.body.byteLength + entry.gzip.byteLength;
	rendered.set(key, entry);
	sizes.set(key, size);
	bytes += size;
	for (const [oldest] of entries) {
		if (bytes <= MAX_BYTES || oldest === key) break;
		forget(oldest);
	}
}

function forget(key: string) {
	entries.delete(key);
	rendered.delete(key);
	bytes -= sizes.get(key) ?? 0;
	sizes.delete(key);
}

async function entryOf(response: Response): Promise<Entry> {
	const body = new Uint8Array(await response.arrayBuffer());
	const headers = [...response.headers].filter(([name]) => KEPT_HEADERS.has(name));
	const gzip = new Uint8Array(gzipSync(body, { level: 6 }));
	return {
		body,
		gzip,
		headers,
		etag: strongEtag(body),
		gzipEtag: strongEtag(body, '-gzip'),
		answerHeaders: new Map()
	};
}

/** Whether the request accepts a gzipped body (Accept-Encoding names gzip, or *, without q=0). */
function acceptsGzip(header: string | null): boolean {
	return (header ?? '').split(',').some((part) => {
		const [coding, ...params] = part.trim().toLowerCase().split(';');
		const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
		return (coding === 'gzip' || coding === '*') && (!q || Number(q.slice(2)) > 0);
	});
}

/** What a kept page is answered with: status, headers and body, the same whichever way the request came. */
interface Answer {
	status: 200 | 304;
	headers: Readonly<Record<string, string>>;
	body: Uint8Array<ArrayBuffer> | null;
}

/**
 * The headers of a kept page in one representation (gzipped or not), at the plain address or one in settings of its
 * own, for a 200 or a 304: built once per entry, since every request for it is answered with the same.
 */
function headersOf(entry: Entry, gzip: boolean, plain: boolean, status: 200 | 304): Record<string, string> {
	const key = `${+gzip}${+plain}${status}`;
	let headers = entry.answerHeaders.get(key);
	if (headers) return headers;
	headers = {
		...Object.fromEntries(entry.headers),
		...SECURITY_HEADERS,
		etag: gzip ? entry.gzipEtag : entry.etag,
		// A page in settings of its own names its language in the address; the plain one takes it from the request.
		vary: plain ? 'Cookie, Accept-Language, Accept-Encoding' : 'Accept-Encoding',
		'cache-control': SHARED_CACHE
	};
	if (status === 200) {
		if (gzip) headers['content-encoding'] = 'gzip';
		headers['content-length'] = String((gzip ? entry.gzip : entry.body).byteLength);
	}
	entry.answerHeaders.set(key, headers);
	return headers;
}

function answer(
	entry: Entry,
	request: { method: string; search: string; acceptEncoding: string | null; ifNoneMatch: string | null }
): Answer {
	const gzip = acceptsGzip(request.acceptEncoding);
	const plain = !request.search;
	if (etagMatches(request.ifNoneMatch, gzip ? entry.gzipEtag : entry.etag))
		return { status: 304, headers: headersOf(entry, gzip, plain, 304), body: null };
	const body = gzip ? entry.gzip : entry.body;
	return {
		status: 200,
		headers: headersOf(entry, gzip, plain, 200),
		body: request.method === 'HEAD' ? null : body
	};
}

function respond(entry: Entry, event: RequestEvent): Response {
	const { request, url } = event;
	const { status, headers, body } = answer(entry, {
		method: request.method,
		search: url.search,
		acceptEncoding: request.headers.get('accept-encoding'),
		ifNoneMatch: request.headers.get('if-none-match')
	});
	return new Response(body, { status, headers });
}

/**
 * The reader page for this request: from memory when it was rendered before under the same key, otherwise
 * rendered by `render` (and kept when it is a plain 200 page). Any other request is passed to `render`.
 */
export async function readerPageFromMemory(
	event: RequestEvent,
	stamp: string,
	render: () => Response | Promise<Response>
): Promise<Response> {
	const key = await keyOf(event, stamp);
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

/** The reader page's path: one segment after /articles/ (the slug, still percent-encoded). */
const READER_PATH = /^\/articles\/([^/]+)$/;

/** A cookie's value from a Cookie header, read as SvelteKit reads it (the first of that name, unquoted, decoded). */
function cookieValue(header: string, name: string): string | undefined {
	for (const part of header.split(';')) {
		const at = part.indexOf('=');
		if (at < 0 || part.slice(0, at).trim() !== name) continue;
		let value = part.slice(at + 1).trim();
		if (value.startsWith('"')) value = value.slice(1, -1);
		try {
			return decodeURIComponent(value);
		} catch {
			return value;
		}
	}
}

/** The parts of a Node request this answer reads. */
export interface NodeRequest {
	method?: string;
	url?: string;
	headers: Record<string, string | string[] | undefined>;
}

/** The parts of a Node response it writes. */
export interface NodeResponse {
	writeHead(status: number, headers: Record<string, string>): unknown;
	end(body?: Uint8Array): unknown;
}

const header = (request: NodeRequest, name: string): string | null => {
	const value = request.headers[name];
	return typeof value === 'string' ? value : null;
};

/** A reader page's address as Node gives it, when it is plainly one: the slug and the query, nothing to normalise. */
const PLAIN_READER_URL = /^\/articles\/([a-z0-9-]+)(\?[\w=&.-]+)?$/;

/** The most request shapes (query, cookies, languages) whose address is remembered (`addressOf`). */
const MAX_ADDRESSES = 1000;
const addresses = new Map<string, ReaderAddress>();

/**
 * `readerAddress` for a request's query, settings cookie and interface language, remembered: readers come back
 * with the same few shapes, and the answer depends on nothing else.
 */
function addressOf(
	pathname: string,
	search: string,
	readerCookie: string | undefined,
	localeCookie: string | undefined,
	acceptLanguage: string | null
): ReaderAddress {
	const key = JSON.stringify([pathname, search, readerCookie, localeCookie, acceptLanguage]);
	let address = addresses.get(key);
	if (!address) {
		if (addresses.size >= MAX_ADDRESSES) addresses.clear();
		address = readerAddress(
			pathname,
			search,
			parseReaderSettings(readerCookie),
			resolveLocale(localeCookie, acceptLanguage)
		);
		addresses.set(key, address);
	}
	return address;
}

/** A request for a reader page, as far as Node's request tells before the database is asked. */
interface ReaderRequest {
	method: string;
	slug: string;
	pathname: string;
	search: string;
	cookies: string;
}

/** The reader page this request asks for, or undefined when it is not one this answer may take. */
function readerRequest(request: NodeRequest): ReaderRequest | undefined {
	const method = request.method ?? '';
	if ((method !== 'GET' && method !== 'HEAD') || !request.url) return;
	const cookies = header(request, 'cookie') ?? '';
	if (cookieValue(cookies, SESSION_COOKIE) !== undefined) return;
	// Most requests come in this plain shape; any other is read as the URL parser reads it (as SvelteKit does).
	const plain = PLAIN_READER_URL.exec(request.url);
	if (plain) {
		const search = plain[2] ?? '';
		return {
			method,
			slug: plain[1]!,
			pathname: request.url.slice(0, request.url.length - search.length),
			search,
			cookies
		};
	}
	const url = new URL(request.url, 'http://localhost');
	const match = READER_PATH.exec(url.pathname);
	if (!match) return;
	try {
		return {
			method,
			slug: decodeURIComponent(match[1]!),
			pathname: url.pathname,
			search: url.search,
			cookies
		};
	} catch {
		return;
	}
}

/** Answer `reader` from memory if the database's stamp is `stamp` and its page is kept; otherwise false. */
function answerKept(
	db: Db,
	stamp: string,
	reader: ReaderRequest,
	request: NodeRequest,
	response: NodeResponse
): boolean {
	const hit = known.get(reader.slug);
	if (stamp !== syncedStamp(db) || hit?.stamp !== stamp) return false;
	const shown = addressOf(
		reader.pathname,
		reader.search,
		cookieValue(reader.cookies, READER_COOKIE),
		cookieValue(reader.cookies, LOCALE_COOKIE),
		header(request, 'accept-language')
	);
	if (shown.moved !== undefined) return false;
	const key = keyFor(reader.slug, reader.search, shown.locale, hit.parts);
	const entry = rendered.get(key);
	const kept = entries.get(key);
	if (!entry || !kept) return false;
	// Most recently used last.
	entries.delete(key);
	entries.set(key, kept);
	const { status, headers, body } = answer(entry, {
		method: reader.method,
		search: reader.search,
		acceptEncoding: header(request, 'accept-encoding'),
		ifNoneMatch: header(request, 'if-none-match')
	});
	response.writeHead(status, headers);
	response.end(body ?? undefined);
	return true;
}

/**
 * Answer a request for a kept reader page straight from Node's request (scripts/serve.js asks this before
 * SvelteKit), without building a Request and a Response and running the hooks: what most reader requests cost was
 * that machinery, not the page. It answers only when the request is one the hooks would answer from memory too,
 * with the same bytes and headers: a GET or HEAD of a reader page at the address of its settings, with no session
 * cookie, while the database's stamp is the one the in-memory copies and the page's key were last read at (so
 * nothing changed since). Anything else returns false and goes through SvelteKit as before.
 *
 * On SQLite, with the database open and no transaction holding it, the answer comes at once, without a promise
 * (the stamp is one synchronous read); otherwise it comes as a promise.
 */
export function answerFromMemory(request: NodeRequest, response: NodeResponse): boolean | Promise<boolean> {
	const reader = readerRequest(request);
	if (!reader) return false;
	const db = openedDb();
	const stamp = db && databaseStampNow(db);
	if (db && stamp !== undefined) return answerKept(db, stamp, reader, request, response);
	return getDb().then(async (d) => answerKept(d, await databaseStamp(d), reader, request, response));
}

/**
 * Where the app offers `answerFromMemory` to its server (scripts/serve.js): a global symbol, since the server
 * script cannot import from the app's build. Under adapter-node's own `node build` nobody asks, and every request
 * goes through SvelteKit.
 */
export const ANSWER_FROM_MEMORY = Symbol.for('bilingual-reader.answer-from-memory');

/** Offer `answerFromMemory` to the server (hooks.server.ts calls this when the app starts). */
export function offerAnswerFromMemory(): void {
	(globalThis as Record<symbol, unknown>)[ANSWER_FROM_MEMORY] = answerFromMemory;
}
