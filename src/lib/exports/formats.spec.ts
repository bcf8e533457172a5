import { describe, expect, it } from 'vitest';
import {
	ARTICLE_FORMATS,
	REVIEW_FORMATS,
	articleFormatLabel,
	attachmentDisposition,
	CONTENT_TYPES,
	EXPORT_FORMATS,
	exportFilename,
	isArticleFormat,
	isReviewFormat,
	reviewFormatLabel
} from './formats';

describe('export filenames and content types', () => {
	it('names files slug.ext and refuses anything that is not a slug', () => {
		expect(exportFilename('beilun-liucu-liuyou', 'tmx')).toBe('beilun-liucu-liuyou.tmx');
		expect(exportFilename('glossary', 'tbx')).toBe('glossary.tbx');
		expect(() => exportFilename('../etc/passwd', 'csv')).toThrow(/not a slug/);
		expect(() => exportFilename('a"b', 'csv')).toThrow(/not a slug/);
	});

	it('builds a Content-Disposition attachment header', () => {
		expect(attachmentDisposition('beilun-liucu-liuyou.xlf')).toBe(
			'attachment; filename="beilun-liucu-liuyou.xlf"'
		);
		expect(attachmentDisposition('a"b\\c.csv')).toBe('attachment; filename="a_b_c.csv"');
	});

	it('has a content type for every format', () => {
		expect(Object.keys(CONTENT_TYPES).sort()).toEqual([...EXPORT_FORMATS].sort());
		expect(CONTENT_TYPES).toEqual({
			tmx: 'application/x-tmx+xml; charset=utf-8',
			xlf: 'application/xliff+xml; charset=utf-8',
			tbx: 'application/x-tbx+xml; charset=utf-8',
			csv: 'text/csv; charset=utf-8',
			json: 'application/json',
			docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
		});
	});
});

describe('the download lists', () => {
	it('match route parameters exactly, and every link has its interface string', async () => {
		const en = (await import('../../../messages/en.json')).default as Record<string, Record<string, unknown>>;
		expect(ARTICLE_FORMATS.filter(isArticleFormat)).toEqual([...ARTICLE_FORMATS]);
		expect(REVIEW_FORMATS.filter(isReviewFormat)).toEqual([...REVIEW_FORMATS]);
		expect(isArticleFormat('docx')).toBe(false);
		expect(isReviewFormat('json')).toBe(false);
		const lookup = (key: string) =>
			key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], en);
		for (const f of ARTICLE_FORMATS) expect(lookup(articleFormatLabel(f))).toBeTypeOf('string');
		for (const f of REVIEW_FORMATS) expect(lookup(reviewFormatLabel(f))).toBeTypeOf('string');
	});
});
