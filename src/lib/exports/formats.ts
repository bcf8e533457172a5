/**
 * The download formats, defined once: which exist (each name is also the file extension), their media types,
 * which an article and a review offer, and the interface string that labels each link. The route parameter
 * matchers (src/params) and the download links take their lists from here. Pure.
 */

/** Every download format; the name is the file extension. */
export const EXPORT_FORMATS = ['tmx', 'xlf', 'tbx', 'csv', 'xlsx', 'json', 'docx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The public downloads of an article (/articles/<slug>/export.<format>), in link order. */
export const ARTICLE_FORMATS = ['tmx', 'xlf', 'csv', 'json'] as const satisfies readonly ExportFormat[];
export type ArticleFormat = (typeof ARTICLE_FORMATS)[number];

/** The review downloads (/articles/<slug>/review/export.<format>), in link order. */
export const REVIEW_FORMATS = [
	'xlf',
	'tmx',
	'xlsx',
	'csv',
	'docx'
] as const satisfies readonly ExportFormat[];
export type ReviewFormat = (typeof REVIEW_FORMATS)[number];

/** Whether a route parameter names an article download. */
export function isArticleFormat(param: string): param is ArticleFormat {
	return (ARTICLE_FORMATS as readonly string[]).includes(param);
}

/** Whether a route parameter names a review download. */
export function isReviewFormat(param: string): param is ReviewFormat {
	return (REVIEW_FORMATS as readonly string[]).includes(param);
}

/** The interface string (messages/) labelling an article download's link. */
export const articleFormatLabel = (format: ArticleFormat | 'tbx') => `export.${format}` as const;
/** The interface string (messages/) labelling a review download's link. */
export const reviewFormatLabel = (format: ReviewFormat) => `review.exchange.formats.${format}` as const;

/**
 * Media types by file extension. XLIFF's is registered with IANA; TMX and TBX have no registered type, so
 * these are the "x-…+xml" forms in common use (the +xml suffix lets generic XML tools take them). The charset is
 * stated for the text formats; JSON is UTF-8 by definition (RFC 8259) and takes no charset.
 */
export const CONTENT_TYPES: Readonly<Record<ExportFormat, string>> = {
	tmx: 'application/x-tmx+xml; charset=utf-8',
	xlf: 'application/xliff+xml; charset=utf-8',
	tbx: 'application/x-tbx+xml; charset=utf-8',
	csv: 'text/csv; charset=utf-8',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	json: 'application/json',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
};

const SAFE_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** "beilun-liucu-liuyou" + "tmx" → "beilun-liucu-liuyou.tmx". Throws on a name that is not a plain slug. */
export function exportFilename(slug: string, ext: ExportFormat): string {
	if (!SAFE_NAME.test(slug)) throw new Error(`not a slug: ${JSON.stringify(slug)}`);
	return `${slug}.${ext}`;
}

/** Content-Disposition header value that makes browsers download the file under `filename` (RFC 6266). */
export function attachmentDisposition(filename: string): string {
	return `attachment; filename="${filename.replace(/["\\]/g, '_')}"`;
}
