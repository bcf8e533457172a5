import { requireArticle } from '$lib/server/content/store';
import { requireReviewer } from '$lib/server/review/guard';
import { loadWorkspace } from '$lib/server/review/load-workspace';
import { reviewActions } from '$lib/server/review/actions';
import { MAX_UPLOAD_BYTES } from '$lib/review/forms';
import { parseFilter } from '$lib/review/workspace-model';
import { ConcordanceQuery } from '$lib/review/memory';
import { searchMemory } from '$lib/server/review/memory';
import * as v from 'valibot';

export const load = async ({ params, locals, url }) => {
	const reviewer = requireReviewer(locals, url);
	const article = await requireArticle(params.slug, locals);
	const query = v.safeParse(ConcordanceQuery, url.searchParams.get('concordance'));
	return {
		concordance: query.success ? await searchMemory(query.output) : null,
		slug: article.slug,
		title: { zh: article.title.zh, en: article.title.en },
		reviewer,
		filter: parseFilter(url.searchParams),
		maxUploadBytes: MAX_UPLOAD_BYTES,
		segments: await loadWorkspace(article, reviewer.id, undefined, { memory: true })
	};
};

export const actions = reviewActions;
