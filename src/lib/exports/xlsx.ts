/**
 * The article's table (the CSV's columns and rows, `articleTable`) as an Excel workbook (Office Open XML,
 * .xlsx, by write-excel-file). Unlike a CSV it carries its encoding, so Chinese opens correctly in every
 * spreadsheet program whatever its import settings. Every cell is written as a string cell (never a number or a
 * formula), so a text such as `=1+1` or `@SUM(A1)` stays text without the CSV's leading apostrophe; characters
 * XML cannot carry become U+FFFD, as in the other XML writers.
 */
import writeXlsxFile, { type SheetData } from 'write-excel-file/node';
import type { Article } from '$lib/content/schema';
import { articleTable } from './csv';
import type { ExportStates } from './model';
import { xmlSafe } from './xml-text';

/** Column widths in characters: id, block, zh, en, status, note, comments. */
const WIDTHS = [10, 10, 50, 60, 11, 40, 50];

/** The article as an .xlsx workbook with one sheet; a bold, frozen header row. */
export async function toArticleXlsx(
	article: Article,
	states?: ExportStates,
	options: { comments?: boolean } = {}
): Promise<Uint8Array> {
	const [header = [], ...rows] = articleTable(article, states, options);
	const data: SheetData = [
		header.map((value) => ({ value, type: String, fontWeight: 'bold' as const })),
		...rows.map((row) => row.map((value) => ({ value: xmlSafe(value), type: String, wrap: true })))
	];
	const buffer = await writeXlsxFile(data, {
		sheet: 'Segments',
		stickyRowsCount: 1,
		columns: header.map((_, i) => ({ width: WIDTHS[i] ?? 20 }))
	}).toBuffer();
	return new Uint8Array(buffer);
}
