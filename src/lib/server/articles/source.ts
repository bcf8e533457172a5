/**
 * The database as an article source: the articles brought in through the app. Each call asks the database
 * which articles there are (a small indexed query), so a running server sees an article the moment it is saved,
 * by the app or by `npm run article:import` in another process. Parsed articles are kept per slug and
 * `updated_at`, so the store's annotation (keyed by the article object) is done once per version.
 */
import type { Article } from '$lib/content/schema';
import type { ArticleSource } from '../content/source';
import { getDb, type Db } from '../db/index';
import { getStoredArticle, listStoredArticles } from './store';

/** A source over the articles table of `db` (the application's database by default). */
export function databaseSource(db?: () => Promise<Db>): ArticleSource {
	const open = db ?? getDb;
	const parsed = new Map<string, { updatedAt: string; article: Article }>();
	const load = async (slug: string, updatedAt?: string): Promise<Article | undefined> => {
		const hit = parsed.get(slug);
		if (hit && hit.updatedAt === updatedAt) return hit.article;
		const stored = await getStoredArticle(slug, await open());
		if (!stored) {
			parsed.delete(slug);
			return undefined;
		}
		parsed.set(slug, { updatedAt: stored.info.updatedAt, article: stored.article });
		return stored.article;
	};
	return {
		name: 'database',
		async list() {
			const rows = await listStoredArticles(await open());
			const out: Article[] = [];
			for (const row of rows) {
				const article = await load(row.slug, row.updatedAt);
				if (article) out.push(article);
			}
			return out;
		},
		async get(slug) {
			const d = await open();
			const row = await d.first(
				d.kysely.selectFrom('articles').select('updated_at').where('slug', '=', slug)
			);
			return row ? load(slug, row.updated_at) : undefined;
		},
		async isPublished(slug) {
			const d = await open();
			const row = await d.first(
				d.kysely.selectFrom('articles').select('published_at').where('slug', '=', slug)
			);
			return row ? row.published_at !== null : undefined;
		}
	};
}
