import { error, json } from '@sveltejs/kit';
import { getArticle, glossaryFor } from '$lib/server/content/store';
import { popoverEntry } from '$lib/glossary/popover';

/** The glossary entries an article uses, with just the fields its popovers show. */
export const GET = ({ params, locals }) => {
	const article = getArticle(params.slug);
	if (!article) error(404, locals.t('errors.articleNotFound', { slug: params.slug }));
	return json(Object.fromEntries(glossaryFor(article).map((e) => [e.id, popoverEntry(e)])), {
		headers: { 'cache-control': 'public, max-age=300' }
	});
};
