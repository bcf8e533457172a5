import { describe, expect, it } from 'vitest';
import { isHttpError } from '@sveltejs/kit';
import { createAnnotator } from '$lib/content/annotate';
import type { Article } from '$lib/content/schema';
import { curatedArticles, curatedGlossary } from './files';
import { curatedSource, fixedSource } from './source';
import { createArticleStore, getArticle, listArticles, requireArticle } from './store';

const curated = curatedArticles()[0]!;
/** An article as a second source (say, the database) would hold it. */
const imported: Article = { ...curated, slug: 'imported-copy', title: { ...curated.title, en: 'Imported' } };

describe('the article store', () => {
	it('merges its sources, the first holding a slug winning, and annotates each article once', async () => {
		const store = createArticleStore(
			[curatedSource, fixedSource('imported', () => [imported, { ...curated, title: imported.title }])],
			createAnnotator(curatedGlossary())
		);
		const all = await store.all();
		expect(all.map((a) => a.slug)).toEqual([...curatedArticles().map((a) => a.slug), 'imported-copy']);
		expect((await store.get(curated.slug))?.title.en).toBe(curated.title.en);
		expect((await store.get('imported-copy'))?.title.zhRuns.length).toBeGreaterThan(0);
		expect(await store.get(curated.slug)).toBe(await store.get(curated.slug));
		expect(await store.get('no-such-article')).toBeUndefined();
	});

	it('lists the curated articles and answers a miss with a 404', async () => {
		expect((await listArticles()).map((a) => a.slug)).toContain('beilun-liucu-liuyou');
		const locals = { t: ((key: string) => key) as unknown as App.Locals['t'] };
		expect((await requireArticle('beilun-liucu-liuyou', locals)).slug).toBe('beilun-liucu-liuyou');
		expect(await getArticle('no-such-article')).toBeUndefined();
		const miss = await requireArticle('no-such-article', locals).catch((e: unknown) => e);
		expect(isHttpError(miss, 404)).toBe(true);
	});
});
