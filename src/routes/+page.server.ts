import { listArticles } from '$lib/server/content/store';

export const load = () => ({ articles: listArticles() });
