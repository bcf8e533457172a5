/**
 * Where articles come from. Every source gives validated articles (the model of src/lib/content/schema.ts); the
 * store (store.ts) annotates them with one pipeline and merges the sources, so routes, exports, review and the
 * reader never know where an article came from. The curated YAML files in content/ are the first source;
 * articles kept in the database (imported through the app, $lib/server/articles) the second.
 */
import type { Article } from '$lib/content/schema';
import { curatedArticles } from './files';

/** A place articles are kept. */
export interface ArticleSource {
	/** What the source is, for messages and logs ("curated": the YAML files in content/). */
	readonly name: string;
	/** Every article it holds, in library order. */
	list(): Promise<readonly Article[]>;
	/** One article, or undefined when this source does not hold it. */
	get(slug: string): Promise<Article | undefined>;
	/**
	 * Whether the public may see an article the source holds (undefined when it does not hold it). Sources
	 * without drafts leave it out: all their articles are published.
	 */
	isPublished?(slug: string): Promise<boolean | undefined>;
}

/** An in-memory source over a fixed list of articles (validated by the caller). */
export function fixedSource(name: string, load: () => readonly Article[]): ArticleSource {
	let bySlug: Map<string, Article> | undefined;
	const all = () => (bySlug ??= new Map(load().map((a) => [a.slug, a])));
	return {
		name,
		list: async () => [...all().values()],
		get: async (slug) => all().get(slug)
	};
}

/** The curated articles: content/articles/*.yaml, validated once on first use and kept (they never change). */
export const curatedSource: ArticleSource = fixedSource('curated', curatedArticles);
