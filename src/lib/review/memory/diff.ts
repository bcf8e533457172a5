/** The character differences between a memory match's Chinese and the segment's, for highlighting. Pure. */
import { diffChars } from 'diff';

/** A run of the comparison: in both texts, only in the segment (inserted), or only in the match (deleted). */
export interface DiffPart {
	kind: 'same' | 'ins' | 'del';
	text: string;
}

/**
 * How the segment's Chinese differs from the match's: `del` is text of the match the segment does not have,
 * `ins` text the segment has that the match does not (what a translator must change in the match's English).
 */
export function chineseDiff(matchZh: string, segmentZh: string): DiffPart[] {
	return diffChars(matchZh, segmentZh).map((change) => ({
		kind: change.added ? 'ins' : change.removed ? 'del' : 'same',
		text: change.value
	}));
}
