import { error } from '@sveltejs/kit';
import { getArticle } from '$lib/server/content/store';
import { exportArticle } from '$lib/server/exports';

export const GET = ({ params, locals }) => {
	const article = getArticle(params.slug);
	if (!article) error(404, locals.t('errors.articleNotFound', { slug: params.slug }));
	return exportArticle(article, params.format);
};
