import { json } from '@sveltejs/kit';
import { requireArticle } from '$lib/server/content/store';
import { articleProfile } from '$lib/server/study/difficulty';

/**
 * The article's words with how often each occurs: what the share of its words a learner knows is computed from
 * (in the browser, against the saved words). Fetched by the site script only when the learner has saved words,
 * so the page itself does not carry it. Only the Chinese matters, and it never changes while the server runs.
 */
export const GET = async ({ params, locals }) => {
	const article = await requireArticle(params.slug, locals);
	return json((await articleProfile(article)).words, {
		headers: { 'cache-control': 'public, max-age=300' }
	});
};
