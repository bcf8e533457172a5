import { error } from '@sveltejs/kit';
import { publishedArticle } from '$lib/server/review/published';
import { exportArticle } from '$lib/server/exports';

export const GET = async ({ params, locals }) => {
	// What the reader shows: approved review changes applied.
	const article = await publishedArticle(params.slug);
	if (!article) error(404, locals.t('errors.articleNotFound', { slug: params.slug }));
	return exportArticle(article, params.format);
};
