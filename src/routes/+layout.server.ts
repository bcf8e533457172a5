import { SITE_SCRIPT_URL } from '$lib/server/study/scripts';

export const load = ({ locals, url }) => ({
	locale: locals.locale,
	/** See src/lib/server/reader/variants.ts. */
	readerSettings: locals.readerSettings,
	/** Where the settings forms send the reader back to. */
	returnTo: url.pathname + url.search,
	/** The site script: due cards beside Study, known shares of texts (from the words kept in the browser). */
	siteScriptUrl: SITE_SCRIPT_URL
});
