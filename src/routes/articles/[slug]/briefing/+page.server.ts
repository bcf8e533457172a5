import { error } from '@sveltejs/kit';
import { articleBriefing, isEditor } from '$lib/server/briefing';

export const load = async ({ params, locals }) => {
	const briefing = await articleBriefing(params.slug);
	if (!briefing) error(404, locals.t('errors.articleNotFound', { slug: params.slug }));
	return { briefing, canEdit: isEditor(locals) };
};
