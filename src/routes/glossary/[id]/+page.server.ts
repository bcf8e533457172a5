import { error } from '@sveltejs/kit';
import { getGlossaryEntry, termOccurrences } from '$lib/server/content/store';

export const load = async ({ params, locals }) => {
	const entry = getGlossaryEntry(params.id);
	if (!entry) error(404, locals.t('errors.termNotFound', { id: params.id }));
	return {
		entry,
		related: entry.related.flatMap((id) => getGlossaryEntry(id) ?? []),
		occurrences: await termOccurrences(entry.id)
	};
};
