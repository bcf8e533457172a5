/**
 * Reading settings, shared by the server (which renders with them, so there is no flash) and the browser
 * script (which changes them in place). Stored in one cookie; a bad or old cookie falls back to defaults.
 */
import * as v from 'valibot';

export const VIEWS = ['both', 'zh', 'en'] as const;
export const PINYIN_MODES = ['on', 'hover', 'off'] as const;

export const ReaderSettingsSchema = v.object({
	/** Which languages are shown. */
	view: v.fallback(v.picklist(VIEWS), 'both'),
	/** Pinyin above the characters: always, only on hover or focus, or never. */
	pinyin: v.fallback(v.picklist(PINYIN_MODES), 'on')
});

export type ReaderSettings = v.InferOutput<typeof ReaderSettingsSchema>;

export const READER_COOKIE = 'reader';
/** A year: settings persist across visits. */
export const READER_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;

export const DEFAULT_READER_SETTINGS: ReaderSettings = v.parse(ReaderSettingsSchema, {});

/** Read settings from the cookie value (JSON); anything malformed gives the defaults for that field. */
export function parseReaderSettings(raw: string | undefined | null): ReaderSettings {
	let data: unknown;
	try {
		data = raw ? JSON.parse(raw) : {};
	} catch {
		data = {};
	}
	const result = v.safeParse(ReaderSettingsSchema, typeof data === 'object' && data !== null ? data : {});
	return result.success ? result.output : DEFAULT_READER_SETTINGS;
}

/** Settings from submitted form fields (the no-JavaScript settings form), merged over the current ones. */
export function settingsFromForm(form: FormData, current: ReaderSettings): ReaderSettings {
	const merged = {
		...current,
		...Object.fromEntries([...form].filter(([, value]) => typeof value === 'string'))
	};
	return v.parse(ReaderSettingsSchema, merged);
}
