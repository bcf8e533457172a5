import { listArticles } from '$lib/server/content/store';

export const load = async () => ({ articles: await listArticles() });
