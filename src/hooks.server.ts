import type { Handle, ServerInit } from '@sveltejs/kit';
import { LOCALE_COOKIE, htmlLang, resolveLocale, translator } from '$lib/i18n';
import { getDb } from '$lib/server/db';

/** Open (create, migrate) the database before serving: a broken database stops the server at start. */
export const init: ServerInit = async () => {
	await getDb();
};

export const handle: Handle = async ({ event, resolve }) => {
	const locale = resolveLocale(event.cookies.get(LOCALE_COOKIE), event.request.headers.get('accept-language'));
	event.locals.locale = locale;
	event.locals.t = translator(locale);
	return resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', htmlLang(locale))
	});
};
