import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDataDir } from '../db/testing';
import { addReviewer } from '../auth/index';
import { previewToArticle, previewFromBlocks } from '$lib/articles/preview';
import { detectBlocks } from '$lib/import';
import { databaseSource } from './source';
import { savePreview } from './import';
import { previewReadingsToCheck } from './routes';
import { wordMarkupData } from '../reader/word-data';
import { createAnnotator } from '$lib/content/annotate';
import { getGlossary } from '../content/store';
import { DEFAULT_READER_SETTINGS } from '$lib/reader/settings';
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

	it('keeps a Traditional text as written: saved through Simplified, shown as written under Traditional', async () => {
		const db = await temp.open();
		const written = '臺灣經濟發展報告\n\n今年以來，港口貨物吞吐量繼續增長，經濟運行總體平穩。';
		const preview = previewFromBlocks(detectBlocks(written), { slug: 'taiwan-report' });
		preview.meta.sourceZh = '經濟日報';
		preview.meta.dateZh = '2022年10月';
		const result = await savePreview(preview, { createdBy: null, taken: () => false }, db);
		expect(result.ok).toBe(true);
		const stored = (await getStoredArticle('taiwan-report', db))!.article;
		// The model holds Simplified (what the dictionary, segmentation and pinyin read)…
		expect(stored.title.zh).toBe('台湾经济发展报告');
		expect(stored.blocks[0]).toMatchObject({
			segments: [{ zh: '今年以来，港口货物吞吐量继续增长，经济运行总体平稳。' }]
		});
		// …and keeps what was written, which the reader shows under its Traditional settings.
		expect(stored.written?.['台湾经济发展报告']).toBe('臺灣經濟發展報告');
		const annotated = createAnnotator(getGlossary())(stored);
		const traditional = await wordMarkupData(annotated, {
			...DEFAULT_READER_SETTINGS,
			script: 'traditional-hk'
		});
		expect(traditional.converted?.['今年以来，港口货物吞吐量继续增长，经济运行总体平稳。']).toBe(
			'今年以來，港口貨物吞吐量繼續增長，經濟運行總體平穩。'
		);
		expect((await wordMarkupData(annotated, DEFAULT_READER_SETTINGS)).converted).toBeUndefined();

		// The readings to check are of the words the article will hold (Simplified), so a correction reaches it.
		const temple = previewFromBlocks(detectBlocks('白雲觀遊記\n\n他們去白雲觀燒香。觀裡的道士十分熱情。'), {
			slug: 'temple'
		});
		expect(previewReadingsToCheck(temple).map((c) => c.word)).toContain('白云观');

		// A Simplified text is saved unchanged, with nothing kept beside it.
		const simplified = previewFromBlocks(
			detectBlocks('北仑港口稳步发展\n\n今年以来，北仑港区集装箱吞吐量继续增长。'),
			{
				slug: 'port-report'
			}
		);
		simplified.meta.sourceZh = '宁波日报';
		simplified.meta.dateZh = '2022年10月';
		expect((await savePreview(simplified, { createdBy: null, taken: () => false }, db)).ok).toBe(true);
		expect((await getStoredArticle('port-report', db))!.article.written).toBeUndefined();
	}, 30_000);
});
