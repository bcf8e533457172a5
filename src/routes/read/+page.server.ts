import { IMPORT_LIMITS } from '$lib/import';
import { READER_SCRIPT_URL, TONES_STYLE_URL } from '$lib/server/reader-script';
import { RECENT_SCRIPT_URL, readAction } from '$lib/server/read';
import { RECENT_LIMITS } from '$lib/read/recent-texts';

export const load = () => ({
	limits: IMPORT_LIMITS,
	scriptUrl: READER_SCRIPT_URL,
	tonesStyle: TONES_STYLE_URL,
	recent: { scriptUrl: RECENT_SCRIPT_URL, texts: RECENT_LIMITS.texts }
});

export const actions = {
	default: readAction
};
