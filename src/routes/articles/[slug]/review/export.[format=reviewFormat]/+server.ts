import { error } from '@sveltejs/kit';
import { getArticle } from '$lib/server/content/store';
import { requireReviewer } from '$lib/server/review/guard';
import { reviewExport } from '$lib/server/review/load-workspace';

export const GET = async ({ params, locals, url }) => {
	requireReviewer(locals, url);
	const article = getArticle(params.slug);
	if (!article) error(404, locals.t('errors.articleNotFound', { slug: params.slug }));
	return reviewExport(article, params.format);
};
