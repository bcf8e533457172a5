import { requirePublishedArticle } from '$lib/server/review/published';
import { exportArticle } from '$lib/server/exports';

export const GET = async ({ params, locals }) => {
	// What the reader shows: approved review changes applied.
	const article = await requirePublishedArticle(params.slug, locals);
	return exportArticle(article, params.format);
};
