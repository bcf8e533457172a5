/**
 * Articles kept in the database (brought in at /articles/new or with `npm run article:import`): saved whole in
 * one transaction, published and unpublished by editors (unpublishing deletes nothing), and the editors' imports
 * in progress. The article source over these rows is ./source.ts.
 */
import { randomBytes } from 'node:crypto';
import type { Article } from '$lib/content/schema';
import { articleSegments } from '$lib/content/walk';
import { hanChars } from '$lib/chinese';
import { PreviewSchema, validateImportedArticle, type Preview } from '$lib/articles/preview';
import * as v from 'valibot';
import { getDb, InputError, type Db } from '../db/index';

/** A stored article's row, without its document. */
export interface StoredArticleInfo {
	slug: string;
	characters: number;
	fileName: string | null;
	encoding: string | null;
	createdAt: string;
	updatedAt: string;
	publishedAt: string | null;
}

/** What saving an article needs. */
export interface NewArticle {
	/** The article in the one model; English fields may be empty. */
	article: Article;
	fileName?: string | null;
	encoding?: string | null;
	/** Null from the command line. */
	createdBy: number | null;
	/** Publish at once (the CLI's --publish). */
	publish?: boolean;
	/** Slugs taken elsewhere (the curated articles): refused like a duplicate. */
	taken?: (slug: string) => boolean;
	/** An editor's import to remove in the same transaction (the preview that was confirmed). */
	importId?: string;
}

const info = (row: {
	slug: string;
	characters: number;
	file_name: string | null;
	encoding: string | null;
	created_at: string;
	updated_at: string;
	published_at: string | null;
}): StoredArticleInfo => ({
	slug: row.slug,
	characters: row.characters,
	fileName: row.file_name,
	encoding: row.encoding,
	createdAt: row.created_at,
	updatedAt: row.updated_at,
	publishedAt: row.published_at
});

const INFO = [
	'slug',
	'characters',
	'file_name',
	'encoding',
	'created_at',
	'updated_at',
	'published_at'
] as const;

/** The message for a slug already in use. */
export const duplicateSlug = (slug: string) =>
	`an article with the slug "${slug}" already exists; choose another slug`;

/**
 * Save a new article in one transaction (the row, and the removal of the import it came from): all of it or, on
 * any problem, nothing. Throws InputError for an invalid article or a slug in use.
 */
export async function saveArticle(input: NewArticle, db?: Db): Promise<StoredArticleInfo> {
	const checked = validateImportedArticle(input.article);
	if (!checked.ok) throw new InputError(checked.errors);
	const article = checked.article;
	if (!articleSegments(article).length) throw new InputError(['the article has no text']);
	if (input.taken?.(article.slug)) throw new InputError([duplicateSlug(article.slug)]);
	const d = db ?? (await getDb());
	const characters = articleSegments(article).reduce((n, s) => n + hanChars(s.zh).length, 0);
	return await d.transaction(async () => {
		if (await d.first(d.kysely.selectFrom('articles').select('slug').where('slug', '=', article.slug)))
			throw new InputError([duplicateSlug(article.slug)]);
		const at = d.nowIso();
		const row = await d.first(
			d.kysely
				.insertInto('articles')
				.values({
					slug: article.slug,
					document: JSON.stringify(article),
					characters,
					file_name: input.fileName?.slice(0, 255) ?? null,
					encoding: input.encoding ?? null,
					created_by: input.createdBy,
					created_at: at,
					updated_at: at,
					published_at: input.publish ? at : null,
					published_by: input.publish ? input.createdBy : null
				})
				.returning(INFO)
		);
		if (!row) throw new Error('insert returned no row');
		if (input.importId) await d.run(d.kysely.deleteFrom('article_imports').where('id', '=', input.importId));
		return info(row);
	});
}

/** Publish or unpublish a stored article; false when there is no such article. Nothing is deleted. */
export async function setPublished(
	slug: string,
	published: boolean,
	by: number | null,
	db?: Db
): Promise<boolean> {
	const d = db ?? (await getDb());
	const at = d.nowIso();
	return (
		(await d.run(
			d.kysely
				.updateTable('articles')
				.set(published ? { published_at: at, published_by: by } : { published_at: null, published_by: null })
				.where('slug', '=', slug)
		)) > 0
	);
}

/** Every stored article's row (no documents), oldest first. */
export async function listStoredArticles(db?: Db): Promise<StoredArticleInfo[]> {
	const d = db ?? (await getDb());
	return (
		await d.all(d.kysely.selectFrom('articles').select(INFO).orderBy('created_at').orderBy('slug'))
	).map(info);
}

/** One stored article's row and its article, or undefined. A document that no longer validates throws. */
export async function getStoredArticle(
	slug: string,
	db?: Db
): Promise<{ info: StoredArticleInfo; article: Article } | undefined> {
	const d = db ?? (await getDb());
	const row = await d.first(
		d.kysely
			.selectFrom('articles')
			.select([...INFO, 'document'])
			.where('slug', '=', slug)
	);
	if (!row) return undefined;
	const checked = validateImportedArticle(JSON.parse(row.document));
	if (!checked.ok) throw new Error(`stored article ${slug} is invalid: ${checked.errors.join('; ')}`);
	return { info: info(row), article: checked.article };
}

/** Whether a stored article exists with this slug. */
export async function storedSlugExists(slug: string, db?: Db): Promise<boolean> {
	const d = db ?? (await getDb());
	return !!(await d.first(d.kysely.selectFrom('articles').select('slug').where('slug', '=', slug)));
}

// Imports in progress (the structure preview), one row each, private to the editor who started it.

/** Start an import: store its preview; returns its id (random, for the URL). */
export async function createImport(reviewerId: number, preview: Preview, db?: Db): Promise<string> {
	const d = db ?? (await getDb());
	const id = randomBytes(12).toString('base64url');
	const at = d.nowIso();
	await d.transaction(async () => {
		// An editor keeps at most 20 imports in progress: the oldest go first.
		const old = (
			await d.all(
				d.kysely
					.selectFrom('article_imports')
					.select('id')
					.where('reviewer_id', '=', reviewerId)
					.orderBy('updated_at', 'desc')
					.offset(19)
					.limit(1000)
			)
		).map((r) => r.id);
		if (old.length) await d.run(d.kysely.deleteFrom('article_imports').where('id', 'in', old));
		await d.run(
			d.kysely.insertInto('article_imports').values({
				id,
				reviewer_id: reviewerId,
				state: JSON.stringify(preview),
				created_at: at,
				updated_at: at
			})
		);
	});
	return id;
}

/** An editor's import in progress, or undefined (unknown, someone else's, or no longer readable). */
export async function getImport(id: string, reviewerId: number, db?: Db): Promise<Preview | undefined> {
	const d = db ?? (await getDb());
	const row = await d.first(
		d.kysely
			.selectFrom('article_imports')
			.select('state')
			.where('id', '=', id)
			.where('reviewer_id', '=', reviewerId)
	);
	if (!row) return undefined;
	const parsed = v.safeParse(PreviewSchema, JSON.parse(row.state));
	return parsed.success ? parsed.output : undefined;
}

/** Replace an import's preview; false when it is not this editor's (or gone). */
export async function updateImport(
	id: string,
	reviewerId: number,
	preview: Preview,
	db?: Db
): Promise<boolean> {
	const d = db ?? (await getDb());
	return (
		(await d.run(
			d.kysely
				.updateTable('article_imports')
				.set({ state: JSON.stringify(preview), updated_at: d.nowIso() })
				.where('id', '=', id)
				.where('reviewer_id', '=', reviewerId)
		)) > 0
	);
}

/** Drop an import in progress. */
export async function discardImport(id: string, reviewerId: number, db?: Db): Promise<void> {
	const d = db ?? (await getDb());
	await d.run(
		d.kysely.deleteFrom('article_imports').where('id', '=', id).where('reviewer_id', '=', reviewerId)
	);
}
