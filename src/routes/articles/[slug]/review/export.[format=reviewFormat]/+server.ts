import { requireArticle } from '$lib/server/content/store';
import { requireReviewer } from '$lib/server/review/guard';
import { reviewExport } from '$lib/server/review/load-workspace';

export const GET = async ({ params, locals, url }) => {
	requireReviewer(locals, url);
	const article = await requireArticle(params.slug, locals);
	return reviewExport(article, params.format);
};
