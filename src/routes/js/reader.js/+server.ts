import { READER_SCRIPT } from '$lib/server/reader-script';

export const GET = ({ url }) =>
	new Response(READER_SCRIPT, {
		headers: {
			'content-type': 'text/javascript; charset=utf-8',
			// The URL carries the content hash, so a versioned request can be cached for good.
			'cache-control': url.searchParams.has('v') ? 'public, max-age=31536000, immutable' : 'no-cache'
		}
	});
