import { json } from '@sveltejs/kit';
import { glossaryFor, requireArticle } from '$lib/server/content/store';
import { popoverEntry } from '$lib/glossary/popover';

/** The glossary entries an article uses, with just the fields its popovers show. */
export const GET = async ({ params, locals }) => {
	const article = await requireArticle(params.slug, locals);
	return json(Object.fromEntries(glossaryFor(article).map((e) => [e.id, popoverEntry(e)])), {
		headers: { 'cache-control': 'public, max-age=300' }
	});
};
