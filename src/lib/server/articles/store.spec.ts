import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDataDir } from '../db/testing';
import { addReviewer } from '../auth/index';
import { previewToArticle, previewFromBlocks } from '$lib/articles/preview';
import { detectBlocks } from '$lib/import';
import { databaseSource } from './source';
import {
	createImport,
	getImport,
	getStoredArticle,
	listStoredArticles,
	saveArticle,
	setPublished
} from './store';

let temp: ReturnType<typeof tempDataDir>;
beforeEach(() => {
	temp = tempDataDir('articles-');
});
afterEach(async () => {
	await temp.cleanup();
});

function article(slug = 'port-report') {
	const p = previewFromBlocks(detectBlocks('北仑港口稳步发展\n\n今年以来，北仑港区集装箱吞吐量继续增长。'), {
		slug
	});
	p.meta.sourceZh = '宁波日报';
	p.meta.dateZh = '2022年10月';
	return { preview: p, article: previewToArticle(p) };
}

describe('articles in the database', () => {
	it('saves in one transaction, refuses a duplicate slug, publishes and unpublishes without deleting', async () => {
		const db = await temp.open();
		const editor = await addReviewer('erin', 'an editor passphrase here', db, 'editor');
		const { preview, article: a } = article();
		const importId = await createImport(editor.id, preview, db);
		expect(await getImport(importId, editor.id, db)).toEqual(preview);
		expect(await getImport(importId, editor.id + 1, db)).toBeUndefined();

		const saved = await saveArticle({ article: a, createdBy: editor.id, importId }, db);
		expect(saved).toMatchObject({ slug: 'port-report', characters: 26, publishedAt: null });
		// The import it came from went in the same transaction.
		expect(await getImport(importId, editor.id, db)).toBeUndefined();
		await expect(saveArticle({ article: a, createdBy: editor.id }, db)).rejects.toThrow(
			'an article with the slug "port-report" already exists; choose another slug'
		);
		await expect(
			saveArticle({ article: article('beilun-liucu-liuyou').article, createdBy: null, taken: () => true }, db)
		).rejects.toThrow('already exists');

		const source = databaseSource(async () => db);
		expect(await source.isPublished?.('port-report')).toBe(false);
		expect(await setPublished('port-report', true, editor.id, db)).toBe(true);
		expect(await source.isPublished?.('port-report')).toBe(true);
		expect(await setPublished('port-report', false, editor.id, db)).toBe(true);
		expect((await getStoredArticle('port-report', db))?.article).toEqual(a);
		// The same object while unchanged, so the store annotates it once.
		expect(await source.get('port-report')).toBe(await source.get('port-report'));
		expect(await setPublished('no-such-article', true, editor.id, db)).toBe(false);
	}, 30_000);

	it('saves nothing when the article is invalid or the transaction fails part-way', async () => {
		const db = await temp.open();
		const { article: a } = article();
		await expect(saveArticle({ article: { ...a, slug: '../x' }, createdBy: null }, db)).rejects.toThrow(
			'slug'
		);
		// A failure inside the transaction (a foreign key to no account) rolls everything back.
		await expect(saveArticle({ article: a, createdBy: 999 }, db)).rejects.toThrow();
		expect(await listStoredArticles(db)).toEqual([]);
	});
});
