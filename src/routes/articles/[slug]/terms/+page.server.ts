import { requireArticle } from '$lib/server/content/store';
import { proposedTerms } from '$lib/server/glossary';
import { requireGlossaryEditor } from '$lib/server/glossary/guard';

export const load = async ({ params, url, locals }) => {
	requireGlossaryEditor(locals, url);
	const article = await requireArticle(params.slug, locals);
	return {
		slug: article.slug,
		title: { zh: article.title.zh, en: article.title.en },
		proposals: await proposedTerms(article)
	};
};
