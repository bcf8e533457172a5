import { error } from '@sveltejs/kit';
import { getArticle } from '$lib/server/content/store';
import { READER_SCRIPT_URL } from '$lib/server/reader-script';

export const load = ({ params, locals }) => {
	const article = getArticle(params.slug);
	if (!article) error(404, locals.t('errors.articleNotFound', { slug: params.slug }));
	return { article, scriptUrl: READER_SCRIPT_URL };
};
