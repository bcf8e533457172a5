import { error, redirect } from '@sveltejs/kit';
import { getTermLinks } from '$lib/server/content/store';
import { entryHref } from '$lib/glossary/term-links';

/** A term link of the reader's text (/g/<key>, $lib/glossary/term-links): on to the entry's own page. */
export const load = ({ params, locals }) => {
	const id = getTermLinks().entryOf(params.key);
	if (!id) error(404, locals.t('errors.termLinkNotFound', { key: params.key }));
	redirect(302, entryHref(id));
};
