/**
 * Articles in the database: saving (one transaction), publishing, the editors' imports in progress, and the
 * article source the content store merges with the curated YAML (./source.ts).
 */
export {
	saveArticle,
	setPublished,
	listStoredArticles,
	getStoredArticle,
	storedSlugExists,
	createImport,
	getImport,
	updateImport,
	discardImport,
	duplicateSlug,
	type NewArticle,
	type StoredArticleInfo
} from './store';
export { databaseSource } from './source';
