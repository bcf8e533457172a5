import { requireArticle } from '$lib/server/content/store';
import { articleWordsJson } from '$lib/server/reader/word-data';

/**
 * The words of an article for its popovers: word keys per segment and the dictionary entries they need (the
 * glossary entries come from glossary.json). Only the Chinese matters here, and it never changes while the
 * server runs.
 */
export const GET = async ({ params, locals }) => {
	const article = await requireArticle(params.slug, locals);
	return new Response(await articleWordsJson(article), {
		headers: { 'content-type': 'application/json', 'cache-control': 'public, max-age=300' }
	});
};
