import { error, fail, redirect } from '@sveltejs/kit';
import { entryToForm } from '$lib/glossary/edit';
import { appEntry, editEntry, isCurated, removeEntry } from '$lib/server/glossary';
import { readGlossaryForm } from '$lib/server/glossary/actions';
import { requireGlossaryEditor } from '$lib/server/glossary/guard';

export const load = async ({ params, url, locals }) => {
	requireGlossaryEditor(locals, url);
	if (isCurated(params.id)) error(403, locals.t('glossaryEdit.errors.curated'));
	const stored = await appEntry(params.id);
	if (!stored) error(404, locals.t('errors.termNotFound', { id: params.id }));
	return { entry: stored.entry, values: entryToForm(stored.entry), version: stored.version };
};

export const actions = {
	save: async (event) => {
		const read = await readGlossaryForm(event);
		if (!read.ok) return read.failure;
		const problems = [{ field: 'form' as const, key: 'badForm' }];
		if (read.version === undefined) return fail(400, { values: read.values, problems });
		const result = await editEntry(event.params.id, read.values, read.version, read.editor.id);
		if (!result.ok)
			return fail(result.conflict === undefined ? 400 : 409, { values: read.values, ...result });
		redirect(303, `/glossary/${result.entry.id}?saved=1`);
	},
	delete: async (event) => {
		const read = await readGlossaryForm(event);
		if (!read.ok) return read.failure;
		const problems = [{ field: 'form' as const, key: 'badForm' }];
		if (read.version === undefined) return fail(400, { values: read.values, problems });
		const result = await removeEntry(event.params.id, read.version, read.editor.id);
		if (!result.ok) return fail(result.conflict === undefined ? 400 : 409, { deleteProblem: result.problem });
		redirect(303, `/glossary?deleted=${encodeURIComponent(event.params.id)}`);
	}
};
