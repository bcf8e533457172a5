import { error } from '@sveltejs/kit';
import { render } from 'svelte/server';
import * as v from 'valibot';
import { LocaleSchema, type Locale } from '$lib/i18n';
import { i18nContext } from '$lib/i18n/context';
import { withoutHydrationMarkers } from '$lib/server/http/page-markers';
import ReaderScriptUi from '$lib/reader/ReaderScriptUi.svelte';

/** Rendered once per locale: the markup depends only on the catalog, which is fixed for the life of the server. */
const rendered = new Map<Locale, string>();

/**
 * The reader's script-only markup (settings form, Listen panel, word popover) in one interface language, fetched by
 * the script, which asks for their stylesheet at the same time (src/lib/reader/enhance/stylesheet.ts). Public and
 * revalidated by ETag (src/lib/server/http/public-cache.ts).
 */
export const GET = ({ params }) => {
	const locale = v.safeParse(LocaleSchema, params.locale);
	if (!locale.success) error(404);
	let body = rendered.get(locale.output);
	if (body === undefined) {
		body = withoutHydrationMarkers(render(ReaderScriptUi, { context: i18nContext(locale.output) }).body);
		rendered.set(locale.output, body);
	}
	return new Response(body, { headers: { 'content-type': 'text/html; charset=utf-8' } });
};
