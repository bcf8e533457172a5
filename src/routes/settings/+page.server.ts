import { error, redirect, type Cookies } from '@sveltejs/kit';
import * as v from 'valibot';
import { LOCALE_COOKIE, LocaleSchema } from '$lib/i18n';
import {
	READER_COOKIE,
	READER_COOKIE_MAX_AGE,
	parseReaderSettings,
	settingsFromForm
} from '$lib/reader/settings';
import { READ_PATH, offersView, shownSettings } from '$lib/reader/page-url';
import { safeRedirectPath } from '$lib/server/http/safe-redirect';
import { afterPreferenceChange } from '$lib/server/reader/variants';

/** Preferences, readable by the enhancement script; `secure` only where the site is served over https. */
function setPreference(cookies: Cookies, url: URL, name: string, value: string) {
	cookies.set(name, value, {
		path: '/',
		maxAge: READER_COOKIE_MAX_AGE,
		httpOnly: false,
		sameSite: 'lax',
		secure: url.protocol === 'https:'
	});
}

/**
 * The reading settings on a page of their own, for the page the reader came from (`returnTo`): where Settings in
 * the reader's toolbar leads without JavaScript (with it, the same form opens in the page). The form shows what
 * that page shows; saving it goes back there.
 */
export const load = ({ url, locals, setHeaders }) => {
	const returnTo = safeRedirectPath(url.searchParams.get('returnTo'), url);
	const { pathname, searchParams } = new URL(returnTo, url.origin);
	// The form's checked options come from the settings cookie: this page is for this browser only.
	setHeaders({ 'cache-control': 'private, no-cache' });
	return {
		returnTo,
		settings: shownSettings(searchParams, locals.readerSettings),
		offersView: offersView(pathname),
		// A text read at /read is kept nowhere: without JavaScript, saving the settings leaves it behind.
		fromRead: pathname === READ_PATH
	};
};

export const actions = {
	locale: async ({ request, cookies, locals, url }) => {
		const form = await request.formData();
		const parsed = v.safeParse(LocaleSchema, form.get('locale'));
		if (!parsed.success) error(400, locals.t('errors.badLocale'));
		setPreference(cookies, url, LOCALE_COOKIE, parsed.output);
		redirect(303, afterPreferenceChange(safeRedirectPath(form.get('returnTo'), url)));
	},
	reader: async ({ request, cookies, url }) => {
		const form = await request.formData();
		const settings = settingsFromForm(form, parseReaderSettings(cookies.get(READER_COOKIE)));
		setPreference(cookies, url, READER_COOKIE, JSON.stringify(settings));
		redirect(303, afterPreferenceChange(safeRedirectPath(form.get('returnTo'), url)));
	}
};
