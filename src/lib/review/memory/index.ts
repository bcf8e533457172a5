/**
 * The translation memory's pure side: fuzzy scoring and the bigram index (fuzzy.ts), the Chinese character diff
 * (diff.ts), and the match as the workspace shows it.
 */
import * as v from 'valibot';
import { chineseDiff, type DiffPart } from './diff';
import { matchPercent, type FuzzyHit, type MemoryEntry } from './fuzzy';

export { chineseDiff, type DiffPart } from './diff';
export {
	MAX_MATCHES,
	MIN_SIMILARITY,
	MemoryIndex,
	matchKey,
	matchPercent,
	similarity,
	type FuzzyHit,
	type MemoryEntry
} from './fuzzy';

/** Where a memory entry came from: an approved segment of an article, or a unit of an imported TMX file. */
export type MatchOrigin =
	{ kind: 'segment'; slug: string; segmentId: string; title: string } | { kind: 'tmx'; file: string };

/** A memory match as the workspace shows it. */
export interface MemoryMatch {
	zh: string;
	en: string;
	/** 0–100; 100 only for identical Chinese. */
	percent: number;
	origin: MatchOrigin;
	/** How the segment's Chinese differs from the match's. */
	diff: DiffPart[];
}

/** A hit as shown beside the segment whose Chinese is `segmentZh`. */
export function toMatch(hit: FuzzyHit<MatchOrigin>, segmentZh: string): MemoryMatch {
	return {
		zh: hit.entry.zh,
		en: hit.entry.en,
		percent: matchPercent(hit.score),
		origin: hit.entry.origin,
		diff: chineseDiff(hit.entry.zh, segmentZh)
	};
}

/** The longest concordance query accepted. */
export const MAX_CONCORDANCE_QUERY = 200;
/** The most concordance results listed (the total is still counted). */
export const MAX_CONCORDANCE_RESULTS = 50;

/** A concordance query from a query string: trimmed, non-empty, at most MAX_CONCORDANCE_QUERY characters. */
export const ConcordanceQuery = v.pipe(
	v.string(),
	v.trim(),
	v.minLength(1),
	v.maxLength(MAX_CONCORDANCE_QUERY)
);

/** Text as a concordance compares it: NFC, lower case, whitespace runs as one space. */
const folded = (s: string) => s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ');

/** Memory entries whose Chinese or English contains the query (English case-insensitively), in memory order. */
export function concordance<O>(
	entries: Iterable<MemoryEntry<O>>,
	query: string
): { results: MemoryEntry<O>[]; total: number } {
	const q = folded(query.trim());
	const results: MemoryEntry<O>[] = [];
	let total = 0;
	if (!q) return { results, total };
	for (const entry of entries) {
		if (!folded(entry.zh).includes(q) && !folded(entry.en).includes(q)) continue;
		total++;
		if (results.length < MAX_CONCORDANCE_RESULTS) results.push(entry);
	}
	return { results, total };
}

/** A text cut into runs, the ones matching the query (case-insensitively) marked, for highlighting. */
export function markQuery(text: string, query: string): { text: string; mark: boolean }[] {
	const q = query.trim().toLowerCase();
	if (!q) return [{ text, mark: false }];
	const lower = text.toLowerCase();
	const parts: { text: string; mark: boolean }[] = [];
	let at = 0;
	// Lower-casing keeps lengths for the scripts a memory holds (Chinese, English), so offsets carry over.
	for (let i = lower.indexOf(q); i !== -1 && lower.length === text.length; i = lower.indexOf(q, at)) {
		if (i > at) parts.push({ text: text.slice(at, i), mark: false });
		parts.push({ text: text.slice(i, i + q.length), mark: true });
		at = i + q.length;
	}
	if (at < text.length) parts.push({ text: text.slice(at), mark: false });
	return parts;
}
