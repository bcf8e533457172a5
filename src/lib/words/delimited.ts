/**
 * Delimiter-separated text, as RFC 4180 describes it for commas and as Anki reads it for tabs (its importer
 * uses the same quoting for every separator): a field holding the separator, a double quote, CR or LF is
 * quoted, with quotes doubled inside. Anki also skips any record that starts with `#` (its comment and
 * header character), so a field starting with `#` is quoted too.
 */

/** One field, quoted when it must be. */
export function delimitedField(value: string, separator: string): string {
	const quote = value.includes(separator) || /["\r\n]/.test(value) || value.startsWith('#');
	return quote ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Records as text, every record (the last too) ended by `eol`. */
export function delimitedRecords(
	rows: readonly (readonly string[])[],
	separator: string,
	eol: string
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
 * (as Anki does). Lines end with LF, CRLF or CR. A quote inside an unquoted field is kept as text.
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
