import { error } from '@sveltejs/kit';
import { figuresCsv, figuresJson } from '$lib/briefing/export';
import { download } from '$lib/server/exports';
import { articleBriefing } from '$lib/server/briefing';

export const GET = async ({ params, locals, url }) => {
	const briefing = await articleBriefing(params.slug);
	if (!briefing) error(404, locals.t('errors.articleNotFound', { slug: params.slug }));
	const link = (row: { segmentId: string }) =>
		`${url.origin}/articles/${briefing.slug}#seg-${encodeURIComponent(row.segmentId)}`;
	const format = params.format === 'csv' ? 'csv' : 'json';
	const body =
		format === 'csv'
			? figuresCsv(briefing.figures, briefing.rate, link)
			: figuresJson(briefing.slug, briefing.figures, briefing.rate, link);
	return download(body, `${briefing.slug}-figures`, format);
};
