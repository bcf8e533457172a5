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

	it('gives every format a well-formed media type that says what the file is', () => {
		// type/subtype (RFC 6838 names) and at most a UTF-8 charset parameter.
		const MEDIA_TYPE = /^[a-z]+\/[a-z0-9][a-z0-9!#$&^_.+-]*(?:; charset=utf-8)?$/;
		for (const format of EXPORT_FORMATS) expect(CONTENT_TYPES[format], format).toMatch(MEDIA_TYPE);
		// The XML formats: the +xml suffix, so generic XML tools take them, and their encoding stated.
		for (const format of ['tmx', 'xlf', 'tbx'] as const)
			expect(CONTENT_TYPES[format], format).toMatch(/\+xml; charset=utf-8$/);
		// XLIFF's type is the one registered with IANA; CSV is text; JSON is UTF-8 by definition (RFC 8259).
		expect(CONTENT_TYPES.xlf.split(';')[0]).toBe('application/xliff+xml');
		expect(CONTENT_TYPES.csv.split(';')[0]).toBe('text/csv');
		expect(CONTENT_TYPES.json).toBe('application/json');
		// A DOCX is an Office Open XML word-processing document (a zip, so no charset).
		expect(CONTENT_TYPES.docx).toBe(
			'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
		);
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
