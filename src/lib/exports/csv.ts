/**
 * CSV per RFC 4180: comma-separated, CRLF line ends (also after the last record), a header row, and fields
 * quoted when they contain a comma, a double quote (doubled inside quotes), CR or LF; cells a spreadsheet would
 * run as a formula get a leading `'` (all through `./delimited`).
 *
 * The text starts with a UTF-8 byte-order mark (U+FEFF). RFC 4180 does not need one, but Excel opens a CSV
 * without it in the system's legacy code page and garbles the Chinese; with it, Excel (and LibreOffice,
 * Numbers, Google Sheets) read UTF-8. Serve it as `text/csv; charset=utf-8`.
 */
import type { Article } from '$lib/content/schema';
import { delimitedRecords } from './delimited';
import { resolveState, type ExportComment, type ExportStates } from './model';
import { walkSegments } from '$lib/content/walk';

export const CSV_COLUMNS = ['id', 'block', 'zh', 'en', 'status', 'note'] as const;
export const BOM = '\uFEFF';

/** The review CSV's extra column: the segment's comments. */
export const COMMENTS_COLUMN = 'comments';

/** One comment as a CSV cell line: "author, date: body" (comments are separated by a blank line). */
const commentLine = (c: ExportComment) => `${c.author}, ${c.date}: ${c.body}`;

/**
 * One row per segment: id, block (block id, or "title"/"subtitle"), zh, en (reviewed English when `states`
 * has it), status, note (the segment's translator note in English); with `comments` (the review download) a last
 * column holds the segment's comments, oldest first. The header row first. (The CSV and the XLSX take these.)
 */
export function articleTable(
	article: Article,
	states?: ExportStates,
	{ comments = false }: { comments?: boolean } = {}
): string[][] {
	const rows = walkSegments(article).map(({ segment, block }) => {
		const state = resolveState(segment, states);
		const row = [segment.id, block, segment.zh, state.en, state.status, segment.note?.en ?? ''];
		return comments ? [...row, state.comments.map(commentLine).join('\n\n')] : row;
	});
	const header = comments ? [...CSV_COLUMNS, COMMENTS_COLUMN] : [...CSV_COLUMNS];
	return [header, ...rows];
}

/** The article as CSV (see articleTable), starting with a BOM. */
export function toArticleCsv(
	article: Article,
	states?: ExportStates,
	options: { comments?: boolean } = {}
): string {
	return BOM + delimitedRecords(articleTable(article, states, options));
}
