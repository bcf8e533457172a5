import { error, redirect, type Cookies } from '@sveltejs/kit';
import * as v from 'valibot';
import { LOCALE_COOKIE, LocaleSchema } from '$lib/i18n';
import {
	READER_COOKIE,
	READER_COOKIE_MAX_AGE,
	parseReaderSettings,
	settingsFromForm
} from '$lib/reader/settings';
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

export const load = () => redirect(303, '/');

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
