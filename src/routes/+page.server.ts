import { allArticles, listArticles } from '$lib/server/content/store';
import { articleProfile } from '$lib/server/study/difficulty';

export const load = async () => {
	const [articles, annotated] = await Promise.all([listArticles(), allArticles()]);
	const profiles = Object.fromEntries(
		await Promise.all(annotated.map(async (a) => [a.slug, await articleProfile(a)] as const))
	);
	return { articles, profiles };
};
