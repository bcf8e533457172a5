/**
 * Segmenting a whole article: every segment, the Chinese the reader marks up word by word (the byline, date,
 * source, credits and notes are shown as plain text, so a tap never asks for their words), keyed by segment id so
 * the reader can find a segment's tokens.
 */
import type { Article } from '$lib/content/schema';
import { articleSegments } from '$lib/content/walk';
import { segment } from './segment';
import type { SegmenterLexicon, Token } from './types';

/** The Chinese of each segment, by segment id, in reading order. */
export function articleTexts(article: Article): Record<string, string> {
	return Object.fromEntries(articleSegments(article).map((s) => [s.id, s.zh]));
}

/** Tokens of every text of an article, keyed as in `articleTexts`. */
export function segmentArticle(article: Article, lexicon: SegmenterLexicon): Record<string, Token[]> {
	return Object.fromEntries(
		Object.entries(articleTexts(article)).map(([id, zh]) => [id, segment(zh, lexicon)])
	);
}
