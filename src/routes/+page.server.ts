import { allArticles, listArticles } from '$lib/server/content/store';
import { articleProfile } from '$lib/server/study/difficulty';
import { approvedEnglish } from '$lib/server/review/store';
import { can } from '$lib/review/roles';
import { translatedShare } from '$lib/articles/share';

export const load = async ({ locals }) => {
	// Editors also see the drafts they may publish; everyone else the published articles.
	const editor = !!locals.reviewer && can(locals.reviewer.role, 'publish');
	const [articles, annotated] = await Promise.all([listArticles({ drafts: editor }), allArticles()]);
	const listed = new Set(articles.map((a) => a.slug));
	const profiles = Object.fromEntries(
		await Promise.all(
			annotated.filter((a) => listed.has(a.slug)).map(async (a) => [a.slug, await articleProfile(a)] as const)
		)
	);
	return {
		profiles,
		canImport: !!locals.reviewer && can(locals.reviewer.role, 'importArticles'),
		articles: await Promise.all(
			articles.map(async ({ segmentIds, withEnglish, title, subtitle, ...a }) => {
				// The approved English, as the reader shows it.
				const approved = await approvedEnglish(a.slug);
				return {
					...a,
					title: { zh: title.zh, en: approved[title.id] ?? title.en },
					subtitle: subtitle && { zh: subtitle.zh, en: approved[subtitle.id] ?? subtitle.en },
					translatedPercent: translatedShare(segmentIds, withEnglish, approved)
				};
			})
		)
	};
};
