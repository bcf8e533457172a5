/**
 * Segmenting a whole article: every segment (and the byline and caption credits, which are Chinese text a reader
 * may tap too), keyed so the reader can find a segment's tokens.
 */
import type { Article } from '$lib/content/schema';
import { segment } from './segment';
import type { SegmenterLexicon, Token } from './types';

/** The Chinese texts of an article a reader sees, keyed by segment id ("byline", "<block id>/credit" for the rest). */
export function articleTexts(article: Article): Record<string, string> {
	const texts: Record<string, string> = { [article.title.id]: article.title.zh };
	if (article.subtitle) texts[article.subtitle.id] = article.subtitle.zh;
	if (article.byline) texts['byline'] = article.byline.zh;
	for (const block of article.blocks) {
		if (block.type === 'gap') continue;
		for (const s of block.segments) texts[s.id] = s.zh;
		if (block.type === 'caption' && block.credit) texts[`${block.id}/credit`] = block.credit.zh;
	}
	return texts;
}

/** Tokens of every text of an article, keyed as in `articleTexts`. */
export function segmentArticle(article: Article, lexicon: SegmenterLexicon): Record<string, Token[]> {
	return Object.fromEntries(
		Object.entries(articleTexts(article)).map(([id, zh]) => [id, segment(zh, lexicon)])
	);
}
