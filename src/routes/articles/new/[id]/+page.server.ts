import { error, redirect } from '@sveltejs/kit';
import { requirePermission } from '$lib/server/review/guard';
import {
	changeImport,
	correctReading,
	loadImport,
	previewReadingsToCheck,
	previewScript,
	slugTaken
} from '$lib/server/articles/routes';
import { numberedToMarks } from '$lib/dictionary/pinyin';
import { BLOCK_KINDS, looksBroken, previewProblems, previewCharacters } from '$lib/articles/preview';

export const load = async ({ locals, url, params }) => {
	const account = requirePermission(locals, url, 'importArticles');
	const preview = await loadImport(params.id, account.id);
	if (!preview) error(404, locals.t('articles.new.gone'));
	return {
		id: params.id,
		preview,
		kinds: BLOCK_KINDS,
		broken: preview.blocks.map(looksBroken),
		problems: previewProblems(preview),
		slugTaken: preview.meta.slug ? await slugTaken(preview.meta.slug) : false,
		characters: previewCharacters(preview),
		script: previewScript(preview),
		checks: previewReadingsToCheck(preview).map((c) => {
			const chars = [...c.sentence];
			const end = c.start + [...c.word].length;
			return {
				...c,
				before: chars.slice(0, c.start).join(''),
				after: chars.slice(end).join(''),
				pinyin: numberedToMarks(c.syllables.join(' '))
			};
		})
	};
};

export const actions = {
	update: async (event) => {
		const result = await changeImport(event, 'update');
		return 'failure' in result ? result.failure : { updated: true };
	},
	confirm: async (event) => {
		const result = await changeImport(event, 'confirm');
		if ('failure' in result) return result.failure;
		if ('saved' in result) redirect(303, `/articles/${result.saved}`);
		return {};
	},
	correct: async (event) => {
		const result = await correctReading(event);
		return 'failure' in result ? result.failure : result;
	},
	discard: async (event) => {
		const result = await changeImport(event, 'discard');
		if ('failure' in result) return result.failure;
		redirect(303, '/articles/new');
	}
};
