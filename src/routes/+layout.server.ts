import { SITE_SCRIPT_URL } from '$lib/server/study/scripts';
import { BOOT_SCRIPT_URL } from '$lib/server/boot-script';

export const load = ({ locals, url }) => ({
	locale: locals.locale,
	/** See src/lib/server/reader/variants.ts. */
	readerSettings: locals.readerSettings,
	/** Where the settings forms send the reader back to. */
	returnTo: url.pathname + url.search,
	/** The boot script, which loads the others only when they have work (src/lib/boot/boot.ts). */
	bootScriptUrl: BOOT_SCRIPT_URL,
	/** The site script: due cards beside Study, known shares of texts (from the words kept in the browser). */
	siteScriptUrl: SITE_SCRIPT_URL
});
