/**
 * The address of a reader page in given settings. A page's HTML depends on the reading settings (the markup they
 * change, the article's data attributes, the settings form's checked options) and the interface language, so
 * every combination other than the defaults has an address of its own, `?<settings>&lang=<locale>`: that page
 * is the same for everyone who asks for it, and a shared cache may keep it without varying by cookie. The
 * settings cookie only chooses the address (the plain address redirects there; see
 * src/lib/server/reader/variants.ts). Shared by the server and the reader's script, which moves the address along
 * when the settings change in place.
 */
import * as v from 'valibot';
import { DEFAULT_READER_SETTINGS, ReaderSettingsSchema, type ReaderSettings } from './settings';

/** The query parameter naming the interface language of a page in settings of its own. */
export const LANG_PARAM = 'lang';

/** Settings fields, in the order their parameters are written (the schema's). */
const FIELDS = Object.keys(DEFAULT_READER_SETTINGS) as (keyof ReaderSettings)[];

/** Whether the settings are the defaults (the plain address shows them). */
export function isDefaultSettings(settings: ReaderSettings): boolean {
	return FIELDS.every((field) => settings[field] === DEFAULT_READER_SETTINGS[field]);
}

/**
 * The one address of the reader page at `path` in `settings` and interface language `locale`: the plain path
 * in the default settings, otherwise each setting that differs from its default (in schema order) and the
 * language. The same settings always give the same string, so a cache keeps one copy.
 */
export function readerPageUrl(path: string, settings: ReaderSettings, locale: string): string {
	const query = new URLSearchParams();
	for (const field of FIELDS)
		if (settings[field] !== DEFAULT_READER_SETTINGS[field]) query.set(field, settings[field]);
	if (!query.toString()) return path;
	query.set(LANG_PARAM, locale);
	return `${path}?${query}`;
}

/** Whether a query holds only reader-page parameters (settings fields and the language), and at least one. */
export function isReaderQuery(query: URLSearchParams): boolean {
	const names = [...query.keys()];
	return (
		names.length > 0 && names.every((name) => name === LANG_PARAM || (FIELDS as string[]).includes(name))
	);
}

/**
 * The settings a query names; fields it leaves out are the defaults, and a value that is not one of a field's
 * options is its default too (the schema's fallbacks). A field named twice counts once (its first value).
 */
export function settingsFromQuery(query: URLSearchParams): ReaderSettings {
	const given = Object.fromEntries(
		FIELDS.flatMap((field) => {
			const value = query.get(field);
			return value === null ? [] : [[field, value]];
		})
	);
	return v.parse(ReaderSettingsSchema, given);
}

/**
 * The settings a page shows, from its query and the reader's settings cookie (`fromCookie`): a reader page in
 * settings of its own names them in its query; any other page (a plain reader address, which a cookie with
 * other settings redirects from, and /read) shows the cookie's. Shared by the settings page (GET /settings) and
 * the reader's script, which set their forms from it.
 */
export function shownSettings(query: URLSearchParams, fromCookie: ReaderSettings): ReaderSettings {
	return isReaderQuery(query) ? settingsFromQuery(query) : fromCookie;
}

/** Where a text is read that has no English (the reader's /read page): its settings offer no Chinese/English view. */
export const READ_PATH = '/read';

/** Whether the settings of the page at `pathname` offer the Chinese/English view. */
export function offersView(pathname: string): boolean {
	return pathname !== READ_PATH;
}

/** The settings page for the page at `returnTo` (a path and query): where Settings leads without JavaScript. */
export function settingsPageUrl(returnTo: string): string {
	return `/settings?${new URLSearchParams({ returnTo })}`;
}
