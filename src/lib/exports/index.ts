/**
 * Export and import formats: pure functions from the article and glossary model to standard files (and XLIFF
 * back). Server routes pick a function, a filename and a content type from here.
 */

/** Comment and per-segment review record types; the tool that wrote a file. (Statuses: $lib/review/status.) */
export { DEFAULT_TOOL, type ExportComment, type ExportState, type ExportStates, type Tool } from './model';
/** TMX 1.4b translation memory of one article (one <tu> per segment). */
export { toTmx, type TmxOptions } from './tmx';
/** TMX 1.4 from other tools, read into the translation memory. */
export { readTmx, type TmxRead, type TmxUnit } from './tmx-read';
/** XLIFF 2.1 export with review states and comments, and the all-or-nothing import of a reviewed file. */
export { toXliff, parseXliff, type XliffImport, type XliffUpdate } from './xliff';
/** TBX-Basic (ISO 30042:2019) of the glossary. */
export { toTbx, type TbxOptions } from './tbx';
/** RFC 4180 CSV with a UTF-8 BOM, one row per segment. */
export { toArticleCsv } from './csv';
/** The same table as an Excel workbook (.xlsx), every cell a string. */
export { toArticleXlsx } from './xlsx';
/** JSON of the annotated article with format version and generator, keys sorted. */
export { toJson, JSON_FORMAT, JSON_FORMAT_VERSION, type ArticleJson } from './json';
/** Bilingual review DOCX (Chinese | English table with ids, statuses, notes and comments). */
export { toDocx, type DocxOptions } from './docx';
/** The download formats (article and review lists), filenames, Content-Disposition and media types. */
export {
	exportFilename,
	attachmentDisposition,
	ARTICLE_FORMATS,
	CONTENT_TYPES,
	EXPORT_FORMATS,
	REVIEW_FORMATS,
	type ArticleFormat,
	type ExportFormat,
	type ReviewFormat
} from './formats';
