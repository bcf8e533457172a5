import { describe, expect, it } from 'vitest';
import { BOM, toArticleCsv } from './csv';
import { delimitedField, delimitedRecords } from './delimited';
import { type ExportState } from './model';
import { article, segmentIds } from './test-fixtures';
import { walkSegments } from '$lib/content/walk';

/** A strict RFC 4180 reader: CRLF after every record, quoted fields with doubled quotes. */
function parseCsv(text: string): string[][] {
	const records: string[][] = [];
	let record: string[] = [];
	let field = '';
	let i = 0;
	const endField = () => {
		record.push(field);
		field = '';
	};
	while (i < text.length) {
		const c = text[i];
		if (c === '"' && field === '') {
			i++;
			for (;;) {
				if (i >= text.length) throw new Error('unterminated quote');
				if (text[i] === '"' && text[i + 1] === '"') {
					field += '"';
					i += 2;
				} else if (text[i] === '"') {
					i++;
					break;
				} else {
					field += text[i];
					i++;
				}
			}
			const ended = i >= text.length || text[i] === ',' || text.startsWith('\r\n', i);
			if (!ended) throw new Error(`text after a closing quote at ${i}`);
		} else if (c === ',') {
			endField();
			i++;
		} else if (text.startsWith('\r\n', i)) {
			endField();
			records.push(record);
			record = [];
			i += 2;
		} else if (c === '\r' || c === '\n' || c === '"') {
			throw new Error(`bare ${JSON.stringify(c)} at ${i}`);
		} else {
			field += c;
			i++;
		}
	}
	if (field || record.length) throw new Error('last record not terminated by CRLF');
	return records;
}

describe('toArticleCsv', () => {
	const states = new Map<string, ExportState>([
		['p1-1', { status: 'approved', en: 'Reviewed, "quoted"\nEnglish', comments: [] }]
	]);
	const csv = toArticleCsv(article, states);

	it('starts with a UTF-8 byte-order mark, for Excel', () => {
		expect(csv.startsWith(BOM)).toBe(true);
		expect(BOM).toBe('\uFEFF');
		expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
	});

	it('writes a header row and one row per segment that parse back to the model', () => {
		const [header, ...rows] = parseCsv(csv.slice(1));
		expect(header).toEqual(['id', 'block', 'zh', 'en', 'status', 'note']);
		expect(rows.map((r) => r[0])).toEqual(segmentIds);
		const expected = walkSegments(article).map(({ segment, block }) => [
			segment.id,
			block,
			segment.zh,
			segment.id === 'p1-1' ? 'Reviewed, "quoted"\nEnglish' : segment.en,
			segment.id === 'p1-1' ? 'approved' : 'translated',
			segment.note?.en ?? ''
		]);
		expect(rows).toEqual(expected);
	});

	it('quotes exactly the fields with commas, quotes or line breaks, doubling quotes, and ends lines with CRLF', () => {
		expect(delimitedField('plain 中文', ',')).toBe('plain 中文');
		expect(delimitedField('a,b', ',')).toBe('"a,b"');
		expect(delimitedField('say "hi"', ',')).toBe('"say ""hi"""');
		expect(delimitedField('two\nlines', ',')).toBe('"two\nlines"');
		expect(delimitedField('cr\rhere', ',')).toBe('"cr\rhere"');
		expect(
			delimitedRecords([
				['a', 'b'],
				['c', '']
			])
		).toBe('a,b\r\nc,\r\n');
		expect(csv).toContain('\r\np1-1,p1,潮起东海，奔竞不息。,"Reviewed, ""quoted""\nEnglish",approved,\r\n');
		expect(csv).toContain(',"标记<b>&""\'测试",');
	});

	it('neutralises translations a spreadsheet would run as formulas, and they still parse back', () => {
		const formulas = new Map<string, ExportState>([
			['p1-1', { status: 'approved', en: '=HYPERLINK("https://evil.example","Click")', comments: [] }],
			['p1-2', { status: 'approved', en: '+1+1', comments: [] }],
			['c1-1', { status: 'approved', en: '-2+3', comments: [] }],
			['n1-1', { status: 'approved', en: '@SUM(A1)', comments: [] }]
		]);
		const [, ...rows] = parseCsv(toArticleCsv(article, formulas).slice(1));
		const en = new Map(rows.map((r) => [r[0], r[3]]));
		expect(en.get('p1-1')).toBe(`'=HYPERLINK("https://evil.example","Click")`);
		expect(en.get('p1-2')).toBe("'+1+1");
		expect(en.get('c1-1')).toBe("'-2+3");
		expect(en.get('n1-1')).toBe("'@SUM(A1)");
		// No cell of the file starts with a formula character.
		expect(rows.flat().filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
	});
});

describe('the review CSV', () => {
	it('carries each segment’s comments in a last column, oldest first, neutralised like every cell', () => {
		const states = new Map<string, ExportState>([
			[
				'p1-1',
				{
					status: 'reviewed',
					en: 'English',
					comments: [
						{ author: 'ann', date: '2026-12-01T10:00:00.000Z', body: 'Check the figure, "5.3%".' },
						{ author: 'bo', date: '2026-12-02T09:00:00.000Z', body: '=fine' }
					]
				}
			]
		]);
		const [header, ...rows] = parseCsv(toArticleCsv(article, states, { comments: true }).slice(BOM.length));
		expect(header).toEqual(['id', 'block', 'zh', 'en', 'status', 'note', 'comments']);
		const row = rows.find((r) => r[0] === 'p1-1')!;
		expect(row.at(-1)).toBe(
			'ann, 2026-12-01T10:00:00.000Z: Check the figure, "5.3%".\n\nbo, 2026-12-02T09:00:00.000Z: =fine'
		);
		expect(rows.filter((r) => r[0] !== 'p1-1').every((r) => r.at(-1) === '')).toBe(true);
		expect(parseCsv(toArticleCsv(article, states).slice(BOM.length))[0]).not.toContain('comments');
	});
});
