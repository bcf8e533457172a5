import { requireArticle } from '$lib/server/content/store';
import { requireReviewer } from '$lib/server/review/guard';
import { loadWorkspace } from '$lib/server/review/load-workspace';
import { reviewActions } from '$lib/server/review/actions';
import { MAX_UPLOAD_BYTES } from '$lib/review/forms';
import { editorView, parseFilter, parsePage, progressOf } from '$lib/review/workspace-model';
import { ConcordanceQuery } from '$lib/review/memory';
import { memoryMatches, searchMemory } from '$lib/server/review/memory';
import { can } from '$lib/review/roles';
import { listReviewers } from '$lib/server/auth';
import * as v from 'valibot';

export const load = async ({ params, locals, url }) => {
	const reviewer = requireReviewer(locals, url);
	const article = await requireArticle(params.slug, locals);
	const query = v.safeParse(ConcordanceQuery, url.searchParams.get('concordance'));
	const filter = parseFilter(url.searchParams);
	const segments = await loadWorkspace(article, reviewer.id);
	// The open segment is in the address (`open`, or `segment` after a form posted without JavaScript).
	const view = editorView(segments, filter, {
		openId: url.searchParams.get('open') ?? url.searchParams.get('segment'),
		page: parsePage(url.searchParams),
		me: reviewer.username
	});
	const open = segments.find((s) => s.id === view.open);
	// Memory matches for the open segment only (never the segment itself; none once approved).
	if (open && open.status !== 'approved') {
		const found = await memoryMatches([{ slug: article.slug, id: open.id, zh: open.zh }]);
		open.matches = found.get(open.id) ?? [];
	}
	return {
		concordance: query.success ? await searchMemory(query.output) : null,
		slug: article.slug,
		title: { zh: article.title.zh, en: article.title.en },
		reviewer,
		filter,
		maxUploadBytes: MAX_UPLOAD_BYTES,
		view,
		open: open ?? null,
		progress: progressOf(segments),
		// The accounts work can be assigned to: only for a role that may assign (the action checks again).
		accounts: can(reviewer.role, 'assign')
			? (await listReviewers()).map((r) => ({ id: r.id, username: r.username, role: r.role }))
			: null
	};
};

export const actions = reviewActions;
