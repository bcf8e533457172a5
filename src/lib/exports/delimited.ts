/**
 * Delimiter-separated text: the one writer (and reader) behind every CSV and TSV the app writes — the article and
 * review CSV, the saved-words CSV and the Anki file. As RFC 4180 describes it for commas and as Anki reads it for
 * tabs (its importer uses the same quoting for every separator): a field holding the separator, a double quote,
 * CR or LF is quoted, with quotes doubled inside. Anki also skips any record that starts with `#` (its comment and
 * header character), so a field starting with `#` is quoted too.
 *
 * Formula injection (OWASP "CSV Injection"): spreadsheet programs run a cell that starts with `=`, `+`, `-` or
 * `@` (and some with TAB or CR before one) as a formula, so an approved translation `=HYPERLINK(…)` would become a
 * live link in the reviewer's Excel. Such a cell is written with a leading `'`, which spreadsheets show as text.
 * To keep that reversible, a cell that already starts with `'`s followed by one of those characters gets one more
 * `'`; `restoreFormula` takes exactly one off again, so an import of our own file gives back the original text.
 */

/** Cells a spreadsheet would read as a formula, possibly behind quotes we added before. */
const FORMULA_START = /^'*[=+\-@\t\r]/;

/** A cell as text a spreadsheet will not evaluate: a `'` in front of a formula-like start (see above). */
export function neutraliseFormula(value: string): string {
	return FORMULA_START.test(value) ? `'${value}` : value;
}

/** The inverse of `neutraliseFormula`, for importing a file we wrote: the one added `'` is dropped. */
export function restoreFormula(value: string): string {
	return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

/** One field, neutralised and quoted when it must be. */
export function delimitedField(raw: string, separator: string): string {
	const value = neutraliseFormula(raw);
	const quote = value.includes(separator) || /["\r\n]/.test(value) || value.startsWith('#');
	return quote ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Records as text, every record (the last too) ended by `eol` (CRLF for CSV, per RFC 4180). */
export function delimitedRecords(
	rows: readonly (readonly string[])[],
	separator: ',' | '\t' | ';' = ',',
	eol = '\r\n'
): string {
	return rows.map((row) => row.map((f) => delimitedField(f, separator)).join(separator) + eol).join('');
}

/** A record and the line (1-based, in the text given) where it starts. */
export interface DelimitedRecord {
	line: number;
	fields: string[];
}

export type DelimitedParse =
	| { ok: true; records: DelimitedRecord[] }
	| { ok: false; line: number; problem: 'unclosedQuote' | 'textAfterQuote' };

/**
 * Parse delimited text. Blank lines are skipped; with `skipComments`, so is every record that starts with `#`
 * (as Anki does). Lines end with LF, CRLF or CR. A quote inside an unquoted field is kept as text. Fields come
 * back as written: call `restoreFormula` on those that came from `delimitedRecords`.
 */
export function parseDelimited(
	text: string,
	separator: string,
	{ skipComments = false, firstLine = 1 }: { skipComments?: boolean; firstLine?: number } = {}
): DelimitedParse {
	const records: DelimitedRecord[] = [];
	let line = firstLine;
	let i = 0;
	const n = text.length;
	const atLineEnd = (at: number) => at >= n || text[at] === '\n' || text[at] === '\r';
	/** Step over one line ending at `at` (CRLF counts once); returns the next position. */
	const skipEol = (at: number) => {
		if (text[at] === '\r' && text[at + 1] === '\n') at++;
		line++;
		return at + 1;
	};

	while (i < n) {
		// At the start of a record.
		if (text[i] === '\n' || text[i] === '\r') {
			i = skipEol(i);
			continue;
		}
		if (skipComments && text[i] === '#') {
			while (!atLineEnd(i)) i++;
			continue;
		}
		const start = line;
		const fields: string[] = [];
		for (;;) {
			let field = '';
			if (text[i] === '"') {
				const opened = line;
				i++;
				for (;;) {
					if (i >= n) return { ok: false, line: opened, problem: 'unclosedQuote' };
					const c = text[i]!;
					if (c === '"') {
						if (text[i + 1] === '"') {
							field += '"';
							i += 2;
							continue;
						}
						i++;
						break;
					}
					if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
					field += c;
					i++;
				}
				if (!atLineEnd(i) && text[i] !== separator) return { ok: false, line, problem: 'textAfterQuote' };
			} else {
				while (!atLineEnd(i) && text[i] !== separator) field += text[i++];
			}
			fields.push(field);
			if (text[i] === separator) {
				i++;
				continue;
			}
			break;
		}
		records.push({ line: start, fields });
		if (i < n) i = skipEol(i);
	}
	return { ok: true, records };
}
