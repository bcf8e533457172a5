import { parseReaderSettings, READER_COOKIE } from '$lib/reader/settings';

export const load = ({ locals, cookies, url }) => ({
	locale: locals.locale,
	readerSettings: parseReaderSettings(cookies.get(READER_COOKIE)),
	/** Where the settings forms send the reader back to. */
	returnTo: url.pathname + url.search
});
