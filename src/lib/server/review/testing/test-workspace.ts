/** The review workspace of a real article as nobody has reviewed it yet, for component tests in the browser. */
import { getArticle } from '$lib/server/content/store';
import { buildWorkspace, type ReviewSegment } from '$lib/review/workspace-model';
import { articleWarnings } from '../load-workspace';

/** Every segment of the article `slug`, with its QA warnings and no review records. */
export async function reviewTestSegments(slug: string): Promise<ReviewSegment[]> {
	const article = await getArticle(slug);
	if (!article) throw new Error(`no article ${slug}`);
	const none = { states: [], drafts: [], comments: [], history: [], acceptances: [] };
	return buildWorkspace({ article, ...none, warnings: articleWarnings(article, []) });
}
