/**
 * A bilingual review copy in Word format: the title, then a two-column table (Chinese | English), one row per
 * segment with its id above the Chinese and its status above the English, translator notes under the English, and a
 * full-width row where source text is missing (gap blocks). Review comments are Word comments (word/comments.xml)
 * anchored on the segment's English, with their author and date, so they show in Word's margin and review pane.
 *
 * Chinese runs carry w:rFonts eastAsia="SimSun" with hint="eastAsia" (so Word also sets ambiguous characters such
 * as “ ” in the Chinese font) and w:lang zh-CN; English runs carry w:lang en-GB (the house spelling), so spell
 * checking and font fallback work per language.
 */
import {
	AlignmentType,
	CommentRangeEnd,
	CommentRangeStart,
	CommentReference,
	Document,
	type ICommentOptions,
	HeadingLevel,
	Packer,
	Paragraph,
	Table,
	TableCell,
	TableLayoutType,
	TableRow,
	TextRun,
	WidthType,
	type IRunOptions
} from 'docx';
import type { Article, Segment } from '$lib/content/schema';
import { DEFAULT_TOOL, resolveState, type ExportComment, type ExportStates, type Tool } from './model';
import { xmlSafe } from './xml-text';

/** The East Asian font named on Chinese runs; Word substitutes the system's Song face where it is missing. */
export const CHINESE_FONT = 'SimSun';
export const CHINESE_LANG = 'zh-CN';
export const ENGLISH_LANG = 'en-GB';

const ZH_RUN: IRunOptions = {
	font: { eastAsia: CHINESE_FONT, hint: 'eastAsia' },
	language: { value: CHINESE_LANG, eastAsia: CHINESE_LANG }
};
const EN_RUN: IRunOptions = { language: { value: ENGLISH_LANG, eastAsia: CHINESE_LANG } };

/**
 * Runs for text that may span lines: a line break (not a literal newline, which Word shows as a space). A vertical
 * tab (Word's own manual line break when pasted from it) or form feed also breaks the line; any other character
 * XML cannot carry becomes U+FFFD, as in the other XML writers, because the docx library writes text as it is
 * and Word refuses a document.xml holding such characters.
 */
const runs = (text: string, base: IRunOptions, extra: IRunOptions) =>
	text
		.split(/\r\n|[\n\r\v\f]/)
		.map((line, i) => new TextRun({ ...extra, ...base, text: xmlSafe(line), ...(i ? { break: 1 } : {}) }));

const zhRun = (text: string, extra: IRunOptions = {}) => runs(text, ZH_RUN, extra);
const enRun = (text: string, extra: IRunOptions = {}) => runs(text, EN_RUN, extra);

/** Small grey label (segment id, status). */
const label = (text: string) => new Paragraph({ children: enRun(text, { size: 16, color: '666666' }) });

// A4 (11906 twips) less the default 1-inch margins, split in two fixed columns.
const TABLE_WIDTH = 11906 - 2 * 1440;
const COLUMN = Math.floor(TABLE_WIDTH / 2);

const cell = (children: Paragraph[], columnSpan = 1) =>
	new TableCell({ children, columnSpan, width: { size: COLUMN * columnSpan, type: WidthType.DXA } });

/** A review comment as a Word comment (author, initials, date when it parses; the body line by line). */
function wordComment(id: number, c: ExportComment): ICommentOptions {
	const date = new Date(c.date);
	const author = xmlSafe(c.author);
	const initials = author
		.split(/\s+/)
		.map((w) => [...w][0] ?? '')
		.join('')
		.slice(0, 9);
	return {
		id,
		author,
		initials,
		...(Number.isNaN(date.getTime()) ? {} : { date }),
		children: c.body.split(/\r\n|[\n\r\v\f]/).map((line) => new Paragraph({ children: enRun(line) }))
	};
}

/** A segment's row; its review comments are added to `comments`, anchored on its English. */
function segmentRow(
	segment: Segment,
	states: ExportStates | undefined,
	comments: ICommentOptions[]
): TableRow {
	const state = resolveState(segment, states);
	const zh = [label(segment.id), new Paragraph({ children: zhRun(segment.zh) })];
	if (segment.note?.zh) {
		zh.push(new Paragraph({ children: zhRun(segment.note.zh, { italics: true, size: 18 }) }));
	}
	// Each comment's range spans the whole English; its reference mark follows it.
	const ids = state.comments.map((c) => {
		const id = comments.length;
		comments.push(wordComment(id, c));
		return id;
	});
	const english = new Paragraph({
		children: [
			...ids.map((id) => new CommentRangeStart(id)),
			...enRun(state.en),
			...ids.flatMap((id) => [new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] })])
		]
	});
	const en = [label(state.status), english];
	if (segment.note) {
		en.push(new Paragraph({ children: enRun(`Note: ${segment.note.en}`, { italics: true, size: 18 }) }));
	}
	return new TableRow({ cantSplit: true, children: [cell(zh), cell(en)] });
}

export interface DocxOptions {
	/** Recorded as the document's creator. */
	tool?: Tool;
}

/** The bilingual review DOCX of an article, with statuses, English and comments from `states` where given. */
export async function toDocx(
	article: Article,
	states?: ExportStates,
	options: DocxOptions = {}
): Promise<Uint8Array> {
	const tool = options.tool ?? DEFAULT_TOOL;
	const comments: ICommentOptions[] = [];
	const rows: TableRow[] = [
		new TableRow({
			tableHeader: true,
			children: [
				cell([new Paragraph({ children: zhRun('中文', { bold: true }) })]),
				cell([new Paragraph({ children: enRun('English', { bold: true }) })])
			]
		}),
		segmentRow(article.title, states, comments)
	];
	if (article.subtitle) rows.push(segmentRow(article.subtitle, states, comments));
	if (article.byline) rows.push(segmentRow(article.byline, states, comments));
	for (const block of article.blocks) {
		if (block.type === 'gap') {
			const text = enRun(`Source text missing: ${block.note.en}`, { italics: true });
			const children = [new Paragraph({ alignment: AlignmentType.CENTER, children: text })];
			if (block.note.zh) {
				const zh = zhRun(block.note.zh, { italics: true });
				children.push(new Paragraph({ alignment: AlignmentType.CENTER, children: zh }));
			}
			rows.push(new TableRow({ children: [cell(children, 2)] }));
			continue;
		}
		for (const segment of block.segments) rows.push(segmentRow(segment, states, comments));
		if (block.type === 'caption' && block.credit) rows.push(segmentRow(block.credit, states, comments));
	}

	const doc = new Document({
		creator: `${tool.name} ${tool.version}`,
		title: xmlSafe(article.title.en),
		description: `Bilingual review copy of ${article.slug}`,
		comments: { children: comments },
		sections: [
			{
				children: [
					new Paragraph({ heading: HeadingLevel.TITLE, children: zhRun(article.title.zh) }),
					new Paragraph({ heading: HeadingLevel.HEADING_1, children: enRun(article.title.en) }),
					new Paragraph({
						children: [
							...enRun(`${article.source.en}, ${article.date.en} · `, { size: 18, color: '666666' }),
							...zhRun(`${article.source.zh}，${article.date.zh}`, { size: 18, color: '666666' })
						]
					}),
					new Table({
						layout: TableLayoutType.FIXED,
						width: { size: TABLE_WIDTH, type: WidthType.DXA },
						columnWidths: [COLUMN, COLUMN],
						rows
					})
				]
			}
		]
	});
	return new Uint8Array(await Packer.toArrayBuffer(doc));
}
