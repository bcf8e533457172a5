/**
 * Saved words for the specs, taken from the real seed article (its sentences, ids and title), as the word
 * popover would save them.
 */
import { readFileSync } from 'node:fs';
import { parseArticle } from '$lib/content/validate';
import type { Segment } from '$lib/content/schema';
import type { SavedWordInput } from './schema';

export const SLUG = 'beilun-liucu-liuyou';
export const article = parseArticle(
	`content/articles/${SLUG}.yaml`,
	readFileSync(new URL(`../../../content/articles/${SLUG}.yaml`, import.meta.url), 'utf8')
);

/** Every segment of the article, in reading order. */
export const segments: Segment[] = article.blocks.flatMap((b) => ('segments' in b ? b.segments : []));

/** The segment whose Chinese contains `word`. */
export function segmentWith(word: string): Segment {
	const hit = segments.find((s) => s.zh.includes(word));
	if (!hit) throw new Error(`no sentence with ${word}`);
	return hit;
}

/** A word as the popover passes it, from its first sentence in the article. */
export function wordInput(word: string, entry: Partial<SavedWordInput> = {}): SavedWordInput {
	const segment = segmentWith(word);
	return {
		word,
		pinyin: 'pīn yīn',
		meaning: 'meaning',
		sentenceZh: segment.zh,
		sentenceEn: segment.en,
		slug: SLUG,
		segmentId: segment.id,
		articleTitle: article.title.en,
		...entry
	};
}
