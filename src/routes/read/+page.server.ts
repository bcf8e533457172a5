import { IMPORT_LIMITS } from '$lib/import';
import { READER_SCRIPT_URL, TONES_STYLE_URL } from '$lib/server/reader-script';
import { readAction } from '$lib/server/read';

export const load = () => ({
	limits: IMPORT_LIMITS,
	scriptUrl: READER_SCRIPT_URL,
	tonesStyle: TONES_STYLE_URL
});

export const actions = {
	default: readAction
};
