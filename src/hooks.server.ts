import type { Handle } from '@sveltejs/kit';
import { LOCALE_COOKIE, htmlLang, resolveLocale, translator } from '$lib/i18n';

export const handle: Handle = async ({ event, resolve }) => {
	const locale = resolveLocale(
		event.cookies.get(LOCALE_COOKIE),
		event.request.headers.get('accept-language')
	);
	event.locals.locale = locale;
	event.locals.t = translator(locale);
	return resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', htmlLang(locale))
	});
};
