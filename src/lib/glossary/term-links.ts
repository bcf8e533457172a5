/**
 * The addresses of term links in the reader's text. An entry's own page keeps its readable address,
 * `/glossary/<id>`; a term in the text links to `/g/<key>`, where the key is three characters (0-9, a-z) hashed
 * from the id, and `/g/<key>` sends the reader on to the entry's page. The reader's text carries hundreds of term
 * links (440 in the seed article, 145 entries), and their readable addresses were 2.5 KB of its gzipped page.
 *
 * A key depends only on the id, so it never changes while the entry exists, whatever is added to the glossary. Two
 * ids can hash to the same key (1 in 46,656 for each pair): the key then belongs to the entry that came first in
 * the glossary's order (curated entries in file order, then the app's, oldest first), and the later entry's links
 * use its readable address. Pure: the server builds one `TermLinks` for each glossary revision.
 */

/** The path prefix of short term links. */
export const SHORT_TERM_PATH = '/g/';

const KEY_SPACE = 36 ** 3;

/** The readable address of an entry's page. */
export function entryHref(id: string): string {
	return `/glossary/${id}`;
}

/** An id's three-character key: FNV-1a (32 bits) of its UTF-8 bytes, in base 36. */
export function shortKey(id: string): string {
	let hash = 0x811c9dc5;
	for (const byte of new TextEncoder().encode(id)) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
	return (hash % KEY_SPACE).toString(36).padStart(3, '0');
}

/** The term links of one glossary. */
export interface TermLinks {
	/** The address a term link to this entry uses: `/g/<key>`, or `/glossary/<id>` when its key was taken first. */
	href(id: string): string;
	/** The entry a short key belongs to, or undefined. */
	entryOf(key: string): string | undefined;
}

/** Term links for a glossary's ids, in the glossary's order (earlier entries keep a shared key). */
export function termLinks(ids: Iterable<string>): TermLinks {
	const byKey = new Map<string, string>();
	const keyOf = new Map<string, string>();
	for (const id of ids) {
		const key = shortKey(id);
		if (byKey.has(key)) continue;
		byKey.set(key, id);
		keyOf.set(id, key);
	}
	return {
		href: (id) => {
			const key = keyOf.get(id);
			return key === undefined ? entryHref(id) : SHORT_TERM_PATH + key;
		},
		entryOf: (key) => byKey.get(key)
	};
}
