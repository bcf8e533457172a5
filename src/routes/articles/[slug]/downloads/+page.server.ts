import { requireArticle } from '$lib/server/content/store';

/** The article's downloads, on a page of their own: the reader's toolbar links here. */
export const load = async ({ params, locals }) => {
	const article = await requireArticle(params.slug, locals);
	return { slug: article.slug, title: article.title };
};
