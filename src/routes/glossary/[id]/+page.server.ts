import { error } from '@sveltejs/kit';
import { getGlossaryEntry, termOccurrences } from '$lib/server/content/store';
import { appEntry, entryHistory } from '$lib/server/glossary';
import { mayEditGlossary } from '$lib/server/glossary/guard';

export const load = async ({ params, locals, url }) => {
	const entry = getGlossaryEntry(params.id);
	if (!entry) error(404, locals.t('errors.termNotFound', { id: params.id }));
	const stored = await appEntry(entry.id);
	const editor = mayEditGlossary(locals.reviewer);
	return {
		entry,
		related: entry.related.flatMap((id) => getGlossaryEntry(id) ?? []),
		occurrences: await termOccurrences(entry.id),
		/** Made in the app: who and when, and (for editors) its history; curated entries have neither. */
		app: stored && {
			createdBy: stored.createdBy,
			createdAt: stored.createdAt,
			updatedBy: stored.updatedBy,
			updatedAt: stored.updatedAt
		},
		history: stored && editor ? await entryHistory(entry.id) : [],
		canEdit: Boolean(stored) && editor,
		notice: url.searchParams.has('added') ? 'added' : url.searchParams.has('saved') ? 'saved' : undefined
	};
};
