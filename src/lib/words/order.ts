/** Study orders for the word list. */
import type { SavedWord } from './schema';

/** Newest first, oldest first, or by HSK level (easiest first; words on no HSK list last). */
export const WORD_ORDERS = ['newest', 'oldest', 'hsk'] as const;
export type WordOrder = (typeof WORD_ORDERS)[number];

const byDate = (a: SavedWord, b: SavedWord) =>
	a.savedAt < b.savedAt ? -1 : a.savedAt > b.savedAt ? 1 : a.word.localeCompare(b.word, 'zh-Hans');

/** The words in study order (a new array). Within an HSK level, the earliest saved come first. */
export function sortWords(words: readonly SavedWord[], order: WordOrder): SavedWord[] {
	const sorted = [...words];
	if (order === 'newest') return sorted.sort((a, b) => byDate(b, a));
	if (order === 'oldest') return sorted.sort(byDate);
	return sorted.sort((a, b) => (a.hsk ?? 7) - (b.hsk ?? 7) || byDate(a, b));
}
