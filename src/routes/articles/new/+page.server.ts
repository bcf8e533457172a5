import { fail, redirect } from '@sveltejs/kit';
import { IMPORT_LIMITS } from '$lib/import';
import { requirePermission } from '$lib/server/review/guard';
import { startImport } from '$lib/server/articles/routes';

export const load = ({ locals, url }) => {
	requirePermission(locals, url, 'importArticles');
	return {
		limits: { characters: IMPORT_LIMITS.characters, megabytes: IMPORT_LIMITS.fileBytes / 1024 / 1024 }
	};
};

export const actions = {
	default: async (event) => {
		const result = await startImport(event);
		if ('failure' in result) return result.failure;
		if (!result.id) return fail(500);
		redirect(303, `/articles/new/${result.id}`);
	}
};
