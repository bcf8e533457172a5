/**
 * The translation memory's pure side: fuzzy scoring and the bigram index (fuzzy.ts), the Chinese character diff
 * (diff.ts), and the match as the workspace shows it.
 */
import { chineseDiff, type DiffPart } from './diff';
import { matchPercent, type FuzzyHit } from './fuzzy';

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
