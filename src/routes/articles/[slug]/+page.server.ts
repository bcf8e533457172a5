import { error } from '@sveltejs/kit';
import { publishedArticle } from '$lib/server/review/published';
import { READER_SCRIPT_URL } from '$lib/server/reader-script';

export const load = async ({ params, locals }) => {
	// The content file's English with every approved review change applied.
	const article = await publishedArticle(params.slug);
	if (!article) error(404, locals.t('errors.articleNotFound', { slug: params.slug }));
	return { article, scriptUrl: READER_SCRIPT_URL };
};
