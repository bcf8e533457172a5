/**
 * A bundled browser script or stylesheet served from memory (build-tools/browser-script.ts). Its URL carries the
 * content hash (`?v=`), so a versioned request may be cached for good; an unversioned one is revalidated.
 */
export function hashedAsset(body: string, contentType: 'text/javascript' | 'text/css', url: URL): Response {
	return new Response(body, {
		headers: {
			'content-type': `${contentType}; charset=utf-8`,
			'cache-control': url.searchParams.has('v') ? 'public, max-age=31536000, immutable' : 'no-cache'
		}
	});
}
