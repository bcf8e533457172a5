/**
 * A bundled browser script or stylesheet served from memory (build-tools/browser-script.ts). Its URL carries the
 * content hash (`?v=`): asked for at its current address (`current`), it may be cached for good. Any other version
 * (a page from before a deploy asking for the script it was built with) gets the current body too, so the page
 * still works, but revalidated: the new body is never kept for good under an old address.
 */
export function hashedAsset(
	body: string,
	contentType: 'text/javascript' | 'text/css',
	url: URL,
	current: string
): Response {
	const version = url.searchParams.get('v');
	const fresh = version !== null && version === new URL(current, url).searchParams.get('v');
	return new Response(body, {
		headers: {
			'content-type': `${contentType}; charset=utf-8`,
			'cache-control': fresh ? 'public, max-age=31536000, immutable' : 'no-cache'
		}
	});
}
