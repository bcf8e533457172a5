/** Download names and media types of the export formats. */

export const EXPORT_FORMATS = ['tmx', 'xlf', 'tbx', 'csv', 'json', 'docx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

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
