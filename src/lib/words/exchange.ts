/**
 * Saved words as files: CSV for spreadsheets, and a tab-separated text file with Anki's file headers
 * (Anki 2.1.55+, https://docs.ankiweb.net/importing/text-files.html#file-headers) that fills the default
 * "Basic" note type of a fresh Anki with no mapping:
 *
 *   #separator:tab
 *   #html:true                       Front and Back are HTML (the sentence with the word in bold); every cell is escaped
 *   #notetype:Basic                  the default note type (a localised Anki, whose Basic has another name, falls
 *                                    back to its current note type, which in a fresh profile is that same Basic)
 *   #tags column:13                  the Tags column fills the note's tags (HSK level, article)
 *   #bilingual-reader columns:Front<TAB>Back<TAB>Word<TAB>…
 *
 * There is deliberately no `#columns:` line: with column names Anki maps fields by name, and a localised Anki's
 * Basic fields are not called Front and Back, so Back would stay empty. Without names Anki maps by position, the
 * first column to the first field (Front) and the second to the second (Back), in any language; the remaining
 * columns have no field to go to and are ignored. Anki skips header keys it does not know, so the column names
 * this app needs to read the file back go in a header of its own. Files of the earlier format (`#html:false`,
 * `#columns:Word…`) still import.
 *
 * Either file imports back here. Import is all or nothing: every row is validated with the saved-word schema,
 * and a file with any bad row is refused with every problem listed by line.
 */
import * as v from 'valibot';
import { SavedWordSchema, type SavedWord } from './schema';
import {
	delimitedRecords,
	parseDelimited,
	restoreFormula,
	type DelimitedRecord
} from '$lib/exports/delimited';
import { parseSentenceLink, sentenceLink } from './sentence-link';
import { markWord } from './display';

/** The columns of both files, in order. Their names are the file format: do not translate or rename them. */
export const WORD_COLUMNS = [
	'Word',
	'Pinyin',
	'Meaning',
	'HSK',
	'Traditional',
	'Sentence',
	'Translation',
	'Article',
	'Link',
	'Saved'
] as const;

type Column = (typeof WORD_COLUMNS)[number];

/** Columns a file must have to import; the others may be absent or empty. */
const REQUIRED: readonly Column[] = [
	'Word',
	'Pinyin',
	'Meaning',
	'Sentence',
	'Translation',
	'Article',
	'Link'
];

/** The Anki file's extra column: space-separated tags. */
export const ANKI_TAGS_COLUMN = 'Tags';

const BOM = '\uFEFF';

/** Largest file we read (a list of 20,000 words is about 10 MB). */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 20_000;

function row(word: SavedWord, origin: string): string[] {
	return [
		word.word,
		word.pinyin,
		word.meaning,
		word.hsk ? String(word.hsk) : '',
		word.traditional ?? '',
		word.sentenceZh,
		word.sentenceEn,
		word.articleTitle,
		sentenceLink(word.slug, word.segmentId, origin),
		word.savedAt
	];
}

/** Anki tags: no spaces inside a tag. */
function tags(word: SavedWord): string {
	return [word.hsk ? `HSK${word.hsk}` : '', word.slug].filter(Boolean).join(' ');
}

/** CSV (RFC 4180, CRLF, a header row; with a BOM so spreadsheet programs read the Chinese as UTF-8). */
export function toCsv(words: readonly SavedWord[], origin: string): string {
	return BOM + delimitedRecords([[...WORD_COLUMNS], ...words.map((w) => row(w, origin))], ',', '\r\n');
}

/** The Anki file's card sides, before the data columns. */
export const ANKI_CARD_COLUMNS = ['Front', 'Back'] as const;
/** The header naming the Anki file's columns for this app (Anki ignores it). */
const OWN_COLUMNS_HEADER = 'bilingual-reader columns';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => ENTITIES[c]!);
const UNESCAPE: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	'#39': "'",
	nbsp: '\u00a0'
};
const unescapeHtml = (text: string) =>
	text.replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, e: string) => UNESCAPE[e]!);

/** The card's front: the word, large. */
function ankiFront(word: SavedWord): string {
	return `<div lang="zh-Hans" style="font-size: 2em">${escapeHtml(word.word)}</div>`;
}

/** The card's back: pinyin, meaning, the sentence with the word in bold, its translation, and the source. */
function ankiBack(word: SavedWord, origin: string): string {
	const sentence = markWord(word.sentenceZh, word.word, word.at)
		.map((run) => (run.mark ? `<b>${escapeHtml(run.text)}</b>` : escapeHtml(run.text)))
		.join('')
		.replace(/\r\n|\r|\n/g, '<br>');
	const parts = [
		`<div lang="zh-Latn-pinyin">${escapeHtml(word.pinyin)}</div>`,
		`<div lang="en">${escapeHtml(word.meaning)}</div>`,
		`<p lang="zh-Hans">${sentence}</p>`,
		word.sentenceEn ? `<p lang="en">${escapeHtml(word.sentenceEn).replace(/\r\n|\r|\n/g, '<br>')}</p>` : '',
		`<p><a href="${escapeHtml(sentenceLink(word.slug, word.segmentId, origin))}">${escapeHtml(word.articleTitle)}</a></p>`
	];
	return parts.join('');
}

/** Anki's text format: tab-separated, file headers first, no header row; Front and Back fill the Basic note type. */
export function toAnkiText(words: readonly SavedWord[], origin: string): string {
	const columns = [...ANKI_CARD_COLUMNS, ...WORD_COLUMNS, ANKI_TAGS_COLUMN];
	const headers = [
		'#separator:tab',
		'#html:true',
		'#notetype:Basic',
		`#tags column:${columns.length}`,
		`#${OWN_COLUMNS_HEADER}:${columns.join('\t')}`
	].join('\n');
	return `${headers}\n${delimitedRecords(
		words.map((w) => [ankiFront(w), ankiBack(w, origin), ...row(w, origin).map(escapeHtml), tags(w)]),
		'\t',
		'\n'
	)}`;
}

/** One problem with an imported file; `line` is where the row starts in the file. Shown through messages/. */
export type ImportProblem =
	| { code: 'empty' | 'tooLarge' | 'tooManyRows' | 'htmlFields' }
	| { code: 'badSeparator'; value: string }
	| { code: 'missingColumns'; columns: string[] }
	| { code: 'unclosedQuote' | 'textAfterQuote'; line: number }
	| { code: 'extraFields'; line: number; expected: number; found: number }
	| { code: 'badField'; line: number; column: Column; problem: 'missing' | 'tooLong' | 'invalid' };

export type ImportParse =
	{ ok: true; format: 'csv' | 'anki'; words: SavedWord[] } | { ok: false; problems: ImportProblem[] };

const SEPARATORS: Record<string, string> = {
	tab: '\t',
	'\t': '\t',
	comma: ',',
	',': ',',
	semicolon: ';',
	';': ';',
	pipe: '|',
	'|': '|'
};

const refuse = (...problems: ImportProblem[]): ImportParse => ({ ok: false, problems });

/** Parse a file exported by toCsv or toAnkiText (or edited since). */
export function parseWordFile(input: string, now: Date = new Date()): ImportParse {
	if (input.length > MAX_IMPORT_BYTES) return refuse({ code: 'tooLarge' });
	const text = input.startsWith(BOM) ? input.slice(1) : input;
	const format = text.startsWith('#') ? 'anki' : 'csv';

	// Anki file headers: `#key:value` lines at the top.
	let separator: string | undefined;
	let columns: string[] | undefined;
	let html = false;
	let headerLines = 0;
	let offset = 0;
	while (text.startsWith('#', offset)) {
		const end = text.slice(offset).search(/\r\n|\r|\n/);
		const line = end < 0 ? text.slice(offset) : text.slice(offset, offset + end);
		offset += end < 0 ? line.length : end + (text.startsWith('\r\n', offset + end) ? 2 : 1);
		headerLines++;
		const colon = line.indexOf(':');
		if (colon < 0) continue;
		const key = line.slice(1, colon).trim().toLowerCase();
		const value = line.slice(colon + 1);
		if (key === 'separator') {
			separator = SEPARATORS[value.trim().toLowerCase()] ?? SEPARATORS[value];
			if (!separator) return refuse({ code: 'badSeparator', value });
		} else if (key === 'html' && value.trim().toLowerCase() === 'true') {
			html = true;
		} else if (key === 'columns' || key === OWN_COLUMNS_HEADER) {
			const parsed = parseDelimited(value, separator ?? '\t');
			columns = parsed.ok ? parsed.records[0]?.fields : undefined;
		}
	}
	const body = text.slice(offset);
	const firstRow = body.split(/\r|\n/, 1)[0] ?? '';
	separator ??= format === 'anki' || firstRow.includes('\t') ? '\t' : ',';

	const parsed = parseDelimited(body, separator, {
		skipComments: format === 'anki',
		firstLine: headerLines + 1
	});
	if (!parsed.ok) return refuse({ code: parsed.problem, line: parsed.line });
	let records = parsed.records;
	if (!columns) {
		// No #columns header: the first row names the columns (CSV).
		columns = records[0]?.fields ?? [];
		records = records.slice(1);
	}
	if (records.length > MAX_IMPORT_ROWS) return refuse({ code: 'tooManyRows' });

	const index = new Map<string, number>();
	columns.forEach((name, i) => {
		const key = name.trim().toLowerCase();
		if (!index.has(key)) index.set(key, i);
	});
	// An HTML file this app did not write (its cells escaped, Front and Back built from them) cannot be read back.
	if (html && !index.has('front')) return refuse({ code: 'htmlFields' });
	const missing = REQUIRED.filter((c) => !index.has(c.toLowerCase()));
	if (missing.length) return refuse({ code: 'missingColumns', columns: missing });
	if (!records.length) return refuse({ code: 'empty' });

	const problems: ImportProblem[] = [];
	const words: SavedWord[] = [];
	for (const record of records) {
		const result = wordFromRecord(
			html ? { ...record, fields: record.fields.map(unescapeHtml) } : record,
			columns.length,
			index,
			now
		);
		if ('word' in result) words.push(result.word);
		else problems.push(...result.problems);
	}
	return problems.length ? refuse(...problems) : { ok: true, format, words };
}

function wordFromRecord(
	record: DelimitedRecord,
	width: number,
	index: ReadonlyMap<string, number>,
	now: Date
): { word: SavedWord } | { problems: ImportProblem[] } {
	const { line, fields } = record;
	if (fields.length > width)
		return { problems: [{ code: 'extraFields', line, expected: width, found: fields.length }] };
	const cell = (c: Column) => {
		const at = index.get(c.toLowerCase());
		// Our exports put a `'` before formula-like cells (see delimited.ts); take it off again.
		return at === undefined ? '' : restoreFormula(fields[at] ?? '').trim();
	};
	const problems: ImportProblem[] = [];
	const bad = (column: Column, problem: 'missing' | 'tooLong' | 'invalid') =>
		problems.push({ code: 'badField', line, column, problem });

	const hskText = cell('HSK');
	const hsk = /^[1-6]$/.test(hskText) ? Number(hskText) : undefined;
	if (hskText && !hsk) bad('HSK', 'invalid');
	const link = parseSentenceLink(cell('Link'));
	if (cell('Link') && !link) bad('Link', 'invalid');

	const candidate = {
		word: cell('Word'),
		pinyin: cell('Pinyin'),
		meaning: cell('Meaning'),
		hsk,
		traditional: cell('Traditional') || undefined,
		sentenceZh: cell('Sentence'),
		sentenceEn: cell('Translation'),
		articleTitle: cell('Article'),
		slug: link?.slug ?? '',
		segmentId: link?.segmentId ?? '',
		savedAt: cell('Saved') || now.toISOString()
	};
	const result = v.safeParse(SavedWordSchema, candidate);
	if (!result.success) {
		const reported = new Set(problems.flatMap((p) => (p.code === 'badField' ? [p.column] : [])));
		for (const issue of result.issues) {
			const key = v.getDotPath(issue) as keyof typeof FIELD_COLUMN | null;
			const column = key ? FIELD_COLUMN[key] : 'Word';
			if (reported.has(column)) continue;
			reported.add(column);
			const value = key ? candidate[key] : undefined;
			bad(
				column,
				value === '' || value === undefined ? 'missing' : issue.type === 'max_length' ? 'tooLong' : 'invalid'
			);
		}
	}
	return problems.length || !result.success ? { problems } : { word: result.output };
}

/**
 * Which column each field of a saved word comes from. Not the flashcard (the JSON backup carries it), nor where
 * in its sentence the word was tapped (`at`): a spreadsheet has no use for an offset, and a word imported without
 * one has every occurrence in its sentence marked.
 */
const FIELD_COLUMN: Record<Exclude<keyof SavedWord, 'card' | 'at'>, Column> = {
	word: 'Word',
	pinyin: 'Pinyin',
	meaning: 'Meaning',
	hsk: 'HSK',
	traditional: 'Traditional',
	sentenceZh: 'Sentence',
	sentenceEn: 'Translation',
	articleTitle: 'Article',
	slug: 'Link',
	segmentId: 'Link',
	savedAt: 'Saved'
};
