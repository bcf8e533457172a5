/**
 * Links from a saved word back to its sentence: /articles/<slug>#seg-<segment id>. The reader's script
 * (reveal-sentence.ts) scrolls to that sentence, focuses and marks it. Browser-safe.
 */

const HASH_PREFIX = '#seg-';
/** The slug of texts read at /read. */
const READ_SLUG = 'read';

/** The link to a sentence; `origin` makes it absolute (for exported files). */
export function sentenceLink(slug: string, segmentId: string, origin = ''): string {
	// A text read at /read (slug "read", as src/lib/server/read names it) is kept nowhere on the server: the link
	// goes to /read, keeping the sentence id so the word list's files read back, and /read's script offers the
	// texts this browser keeps, Read again opening one at the sentence ($lib/read/enhance/recent.ts).
	if (slug === READ_SLUG) return `${origin}/read${HASH_PREFIX}${encodeURIComponent(segmentId)}`;
	return `${origin}/articles/${encodeURIComponent(slug)}${HASH_PREFIX}${encodeURIComponent(segmentId)}`;
}

/** The segment id a location hash points at, if it is a sentence link. */
export function segmentFromHash(hash: string): string | undefined {
	if (!hash.startsWith(HASH_PREFIX)) return undefined;
	try {
		return decodeURIComponent(hash.slice(HASH_PREFIX.length)) || undefined;
	} catch {
		return undefined;
	}
}

/** Slug and segment id from a sentence link, absolute or root-relative; undefined for anything else. */
export function parseSentenceLink(href: string): { slug: string; segmentId: string } | undefined {
	let url: URL;
	try {
		url = new URL(href, 'http://localhost');
	} catch {
		return undefined;
	}
	const segmentId = segmentFromHash(url.hash);
	if (url.pathname === '/read' && segmentId) return { slug: READ_SLUG, segmentId };
	const path = /^\/articles\/([^/]+)\/?$/.exec(url.pathname);
	if (!path || !segmentId) return undefined;
	try {
		return { slug: decodeURIComponent(path[1]!), segmentId };
	} catch {
		return undefined;
	}
}
