import { json } from '@sveltejs/kit';
import { requireArticle, termLinksOf } from '$lib/server/content/store';

/**
 * The glossary entries an article uses, with just the fields its popovers show, by the href of their links. A
 * public route (src/lib/server/http/public-cache.ts): revalidated before each use, so an edit shows at once.
 */
export const GET = async ({ params, locals }) => {
	const article = await requireArticle(params.slug, locals);
	return json(termLinksOf(article).popover);
};
