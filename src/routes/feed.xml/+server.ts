import { atomFeed } from '$lib/briefing/feed';
import { feedEntries } from '$lib/server/briefing/feed';

export const GET = async ({ url, locals }) => {
	const { entries, updated } = await feedEntries();
	const body = atomFeed({ origin: url.origin, title: locals.t('site.name'), updated }, entries);
	return new Response(body, {
		headers: { 'content-type': 'application/atom+xml; charset=utf-8', 'cache-control': 'no-cache' }
	});
};
