/**
 * The reader script's stylesheets. Its own (src/lib/reader/enhance/script-ui.css) is served beside it with the same
 * version, so the script knows its address from its own and asks for it at once, beside its markup
 * (/reader-ui/<locale>), rather than after it: one round trip less before the first popover or settings sheet.
 */

/** Where the script's stylesheet is served (src/routes/css/reader.css). */
export const READER_STYLE_PATH = '/css/reader.css';

/** The stylesheet that goes with the script at `scriptUrl`: the same version (`?v=`), or none when it has none. */
export function readerStyleUrl(scriptUrl: string): string {
	const version = new URL(scriptUrl, 'http://localhost').searchParams.get('v');
	return version ? `${READER_STYLE_PATH}?${new URLSearchParams({ v: version })}` : READER_STYLE_PATH;
}

/** Link a stylesheet unless the page links it already; settles once it has loaded (or failed). */
export function linkStylesheet(href: string): Promise<unknown> {
	const absolute = new URL(href, location.href).href;
	const sheets = [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')];
	if (sheets.some((sheet) => sheet.href === absolute)) return Promise.resolve();
	const link = document.createElement('link');
	link.rel = 'stylesheet';
	link.href = href;
	const loaded = new Promise((done) => {
		link.onload = link.onerror = done;
	});
	document.head.append(link);
	return loaded;
}
