/**
 * Which reader page a request gets, so that every reader page can be kept by a shared cache, whatever the
 * reader's settings (src/lib/reader/page-url.ts gives the addresses):
 *
 * - `/articles/<slug>` shows the default settings, in the interface language of the `locale` cookie or
 *   Accept-Language. A reader whose settings cookie says otherwise is sent (302) to the address of their settings.
 * - `/articles/<slug>?<settings>&lang=<locale>` shows exactly those settings in that language, whoever asks: no
 *   cookie changes it, so it needs no `Vary: Cookie` and a shared cache keeps one copy for every reader with
 *   those settings.
 * - Any other query on a reader page (a default value written out, a missing language, parameters in another
 *   order, unknown ones) is sent to the one address of the settings it names, so a cache never holds two copies
 *   of one page, and no made-up query makes the server render again.
 *
 * The settings apply without JavaScript (the settings form sets the cookie, the plain address redirects), and the
 * reader's script moves the address along when it changes them in place.
 */
import type { RequestEvent } from '@sveltejs/kit';
import * as v from 'valibot';
import { LocaleSchema, translator, type Locale } from '$lib/i18n';
import { READER_COOKIE, parseReaderSettings, type ReaderSettings } from '$lib/reader/settings';
import {
	LANG_PARAM,
	isDefaultSettings,
	isReaderQuery,
	readerPageUrl,
	settingsFromQuery
} from '$lib/reader/page-url';

export const READER_ROUTE = '/articles/[slug]';

/** A redirect that depends on the request's cookies and languages: for this browser only, asked again each time. */
function moved(location: string): Response {
	return new Response(null, {
		status: 302,
		headers: { location, 'cache-control': 'private, no-cache', vary: 'Cookie, Accept-Language' }
	});
}

/** What a reader page's address shows: its settings and interface language, or the address to go to instead. */
export type ReaderAddress =
	{ settings: ReaderSettings; locale: Locale; moved?: undefined } | { moved: string };

/**
 * What a GET of the reader page at `pathname` + `search` shows, for a request whose settings cookie says
 * `fromCookie` and whose interface language (cookie, Accept-Language) is `locale`.
 */
export function readerAddress(
	pathname: string,
	search: string,
	fromCookie: ReaderSettings,
	locale: Locale
): ReaderAddress {
	if (!search) {
		return isDefaultSettings(fromCookie)
			? { settings: fromCookie, locale }
			: { moved: readerPageUrl(pathname, fromCookie, locale) };
	}
	const query = new URLSearchParams(search);
	const settings = settingsFromQuery(query);
	const lang = v.safeParse(LocaleSchema, query.get(LANG_PARAM));
	const named = lang.success ? lang.output : locale;
	const address = readerPageUrl(pathname, settings, named);
	return address === pathname + search ? { settings, locale: named } : { moved: address };
}

/**
 * Settle the reading settings of this request (`locals.readerSettings`): a reader page's from its address, any
 * other page's from the settings cookie. A reader page asked for at an address other than its settings' one gets
 * the redirect to return instead; a page in settings of its own also takes its interface language from the address.
 */
export function chooseReaderPage(event: RequestEvent): Response | undefined {
	const { url, locals, request } = event;
	const fromCookie = parseReaderSettings(event.cookies.get(READER_COOKIE));
	locals.readerSettings = fromCookie;
	if (event.route.id !== READER_ROUTE || (request.method !== 'GET' && request.method !== 'HEAD')) return;
	const shown = readerAddress(url.pathname, url.search, fromCookie, locals.locale);
	if (shown.moved !== undefined) return moved(shown.moved);
	locals.readerSettings = shown.settings;
	if (shown.locale !== locals.locale) {
		locals.locale = shown.locale;
		locals.t = translator(shown.locale);
	}
}

/**
 * Where a settings form sends the reader after saving a preference: back to the page they were on, except that
 * a reader page in settings of its own goes back to its plain address, which then redirects to the address of the
 * settings (and language) just saved.
 */
export function afterPreferenceChange(returnTo: string): string {
	const { pathname, searchParams, hash } = new URL(returnTo, 'http://localhost');
	return isReaderQuery(searchParams) ? pathname + hash : returnTo;
}
