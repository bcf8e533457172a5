import { describe, expect, it } from 'vitest';
import { detectBlocks } from '$lib/import';
import {
	applyEdit,
	looksBroken,
	parseEdit,
	previewFromBlocks,
	previewProblems,
	previewToArticle,
	slugProblem,
	suggestSlug,
	validateImportedArticle,
	type Preview
} from './preview';

const TEXT =
	'北仑港口稳步发展\n\n今年以来，北仑港区集装箱吞吐量继续增长，\n\n港口物流企业营业收入同比增长。全区新增市场主体一万余户。';

function preview(): Preview {
	const p = previewFromBlocks(detectBlocks(TEXT), { slug: 'port-report' });
	p.meta.sourceZh = '宁波日报';
	p.meta.dateZh = '2022年10月';
	return p;
}

describe('the import preview', () => {
	it('holds the detected blocks with their sentences', () => {
		const p = preview();
		expect(p.blocks.map((b) => b.kind)).toEqual(['title', 'lead', 'paragraph']);
		expect(p.blocks[2]?.sentences).toEqual(['港口物流企业营业收入同比增长。', '全区新增市场主体一万余户。']);
		expect(looksBroken(p.blocks[1]!)).toBe(true);
		expect(previewProblems(p)).toEqual([]);
	});

	it('joins a sentence broken across blocks, merges, splits, marks gaps, removes and moves blocks', () => {
		const joined = applyEdit(preview(), { op: 'join', block: 1 });
		expect(joined.blocks[1]?.sentences).toEqual([
			'今年以来，北仑港区集装箱吞吐量继续增长，港口物流企业营业收入同比增长。',
			'全区新增市场主体一万余户。'
		]);
		const merged = applyEdit(preview(), { op: 'merge', block: 1 });
		expect(merged.blocks[1]?.sentences).toHaveLength(3);
		const split = applyEdit(merged, { op: 'split', block: 1, sentence: 2 });
		expect(split.blocks.map((b) => b.sentences.length)).toEqual([1, 2, 1]);
		const gap = applyEdit(preview(), { op: 'gap', block: 0 });
		expect(gap.blocks[1]).toEqual({ kind: 'gap', sentences: [] });
		expect(applyEdit(preview(), { op: 'remove', block: 2 }).blocks).toHaveLength(2);
		expect(applyEdit(preview(), { op: 'up', block: 2 }).blocks[1]?.sentences[0]).toBe(
			'港口物流企业营业收入同比增长。'
		);
		// Out of range: unchanged.
		const p = preview();
		expect(applyEdit(p, { op: 'merge', block: 2 })).toBe(p);
		expect(parseEdit('split:3:2')).toEqual({ op: 'split', block: 3, sentence: 2 });
		expect(parseEdit('merge:1')).toEqual({ op: 'merge', block: 1 });
		expect(parseEdit('drop:1')).toBeUndefined();
	});

	it('refuses slugs with ../, spaces or capitals, and names what is missing', () => {
		for (const bad of ['../etc', 'a b', 'Report', 'a--b', 'a/b', 'x.y'])
			expect(slugProblem(bad)).toBe('form');
		expect(slugProblem('')).toBe('empty');
		expect(slugProblem('a'.repeat(81))).toBe('tooLong');
		expect(slugProblem('ningbo-2024')).toBeUndefined();
		expect(suggestSlug('Q3 Report (final).docx')).toBe('q3-report-final');
		const p = preview();
		p.meta.slug = '../Bad';
		p.meta.dateZh = '';
		p.blocks[0]!.kind = 'paragraph';
		expect(previewProblems(p).map((x) => x.code)).toEqual(['slugForm', 'noTitle', 'dateZh']);
	});

	it('gives an article in the one model with stable ids and no English', () => {
		const article = previewToArticle(applyEdit(preview(), { op: 'gap', block: 1 }));
		expect(article.title).toEqual({ id: 'title', zh: '北仑港口稳步发展', en: '' });
		expect(article.blocks.map((b) => b.id)).toEqual(['p1', 'g1', 'p2']);
		expect(article.blocks[2]).toMatchObject({ segments: [{ id: 'p2-1' }, { id: 'p2-2' }] });
		const checked = validateImportedArticle(article);
		expect(checked.ok && checked.article).toEqual(article);
		expect(validateImportedArticle({ ...article, slug: 'Bad Slug' })).toMatchObject({ ok: false });
	});
});
