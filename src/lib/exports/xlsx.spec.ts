import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import readXlsxFile from 'read-excel-file/node';
import { toArticleXlsx } from './xlsx';
import { articleTable, CSV_COLUMNS, COMMENTS_COLUMN } from './csv';
import type { ExportState } from './model';
import { article, segmentIds } from './test-fixtures';

const hostile = ['=1+1', '+SUM(A1:A2)', '-2+3', '@cmd', '=HYPERLINK("http://x.example","click")'];

const states = new Map<string, ExportState>([
	[
		'p1-1',
		{
			status: 'approved',
			en: hostile[0]!,
			comments: [
				{ author: 'Li Wei', date: '2024-05-01', body: hostile[1]! },
				{ author: 'Zhang San', date: '2024-05-02', body: 'Second <b>comment</b> & more' }
			]
		}
	],
	['h1-1', { status: 'reviewed', en: hostile[4]!, comments: [] }],
	[
		'c1-1',
		{ status: 'draft', en: `${hostile[2]!}\u0001`, comments: [{ author: 'x', date: 'd', body: hostile[3]! }] }
	]
]);

describe('toArticleXlsx', () => {
	it('reads back (with a spreadsheet library) as the CSV’s table, comments included', async () => {
		const bytes = await toArticleXlsx(article, states, { comments: true });
		const [sheet] = await readXlsxFile(Buffer.from(bytes));
		expect(sheet?.sheet).toBe('Segments');
		const rows = sheet!.data;
		expect(rows[0]).toEqual([...CSV_COLUMNS, COMMENTS_COLUMN]);
		expect(rows.slice(1).map((r) => r[0])).toEqual(segmentIds);
		// A character XML cannot carry (U+0001) is replaced in the file (U+FFFD), which the reader drops; empty
		// cells read back as null.
		const expected = articleTable(article, states, { comments: true }).map((row) =>
			row.map((cell) => cell.replaceAll('\u0001', ''))
		);
		const read = rows.map((r) => r.map((c) => String(c ?? '').replace(/\uFFFD/g, '')));
		expect(read).toEqual(expected);
		const p11 = rows.find((r) => r[0] === 'p1-1')!;
		expect(p11[2]).toBe('潮起东海，奔竞不息。');
		expect(p11[6]).toBe(
			'Li Wei, 2024-05-01: +SUM(A1:A2)\n\nZhang San, 2024-05-02: Second <b>comment</b> & more'
		);
	});

	it('writes every cell as a string, never a formula: formula-like text stays inert and unprefixed', async () => {
		const bytes = await toArticleXlsx(article, states, { comments: true });
		const zip = await JSZip.loadAsync(bytes);
		const sheet = (await zip.file('xl/worksheets/sheet1.xml')?.async('string')) ?? '';
		expect(sheet).toContain('<c ');
		expect(sheet).not.toMatch(/<f[ >]/);
		// Every cell is a shared string or an inline string.
		// Every cell with a value (empty ones are written as <c …/>).
		const cells = [...sheet.matchAll(/<c ([^>]*[^/])>/g)].map((m) => m[1]!);
		expect(cells.length).toBeGreaterThan(segmentIds.length * 6);
		for (const attributes of cells) expect(attributes).toMatch(/t="(s|inlineStr|str)"/);
		const [read] = await readXlsxFile(Buffer.from(bytes));
		const text = read!.data.flat().map(String);
		for (const h of hostile)
			expect(
				text.some((t) => t.includes(h)),
				h
			).toBe(true);
		expect(text.some((t) => t.startsWith("'"))).toBe(false);
	});
});
