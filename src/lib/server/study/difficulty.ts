/**
 * How hard each curated article is (src/lib/study/difficulty.ts), computed once per article and kept by slug: it
 * depends only on the Chinese, which a review never changes.
 */
import type { AnnotatedArticle } from '$lib/content/annotate';
import { articleWordData } from '$lib/server/reader/word-data';
import { hskByKey } from '$lib/reader/word-data';
import { textProfile, type TextProfile } from '$lib/study/difficulty';

const cache = new Map<string, Promise<TextProfile>>();

/** The article's profile: characters, sentences, HSK profile and its words with their counts. */
export function articleProfile(article: AnnotatedArticle): Promise<TextProfile> {
	let hit = cache.get(article.slug);
	if (!hit) {
		hit = articleWordData(article).then(({ tokens, entries }) =>
			textProfile(article, tokens, hskByKey(entries))
		);
		hit.catch(() => cache.delete(article.slug));
		cache.set(article.slug, hit);
	}
	return hit;
}
