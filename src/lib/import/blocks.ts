/**
 * Structure from plain text as people paste it or programs extract it: the title (and a subtitle after a space
 * or a dash, or on the next line of a headline block of short lines), a byline of names, headings (short lines
 * without final punctuation, and numbered ones: 一、 （一） 1.), the lead, paragraphs, photo captions with their
 * credits (…王梦雄 摄), notes in brackets, and marks of missing text. Paragraphs are separated by blank lines, or by single newlines when the text has no blank lines;
 * a line broken by a page or column break (滨 / 江新城) is joined to its continuation when the join makes a
 * dictionary word or the broken line is a short fragment, even across a caption set inside the sentence (the
 * caption then follows the paragraph). A document's sign-off (the issuing bodies, a line each, then the date:
 * 北仑区人民政府办公室 / 2022年12月1日) keeps its lines apart, as paragraphs, never joined into one or taken for
 * headings; so is a document's issue number (北仑政办发〔2022〕58号) a paragraph, not a heading, and a short line
 * between two numbered headings (the first one's content). The lines of a numbered list inside a paragraph are
 * joined with a space (附件：1.报名表 2.培训日程). Pure: the dictionary comes in as `isWord`.
 */
import { CLOSING_QUOTATION_MARKS, HAN_SOURCE, hanChars, hasHan } from '$lib/chinese';

/** What a block of the text was detected as. */
export type DetectedKind =
	'title' | 'subtitle' | 'byline' | 'heading' | 'lead' | 'paragraph' | 'caption' | 'note' | 'gap';

/** A block of the text, as detected. */
export interface DetectedBlock {
	kind: DetectedKind;
	text: string;
	/** A caption's credit, e.g. "王梦雄 摄". */
	credit?: string;
}

export interface DetectOptions {
	/** Whether a string is a dictionary word (joins lines broken inside a word). */
	isWord?: (word: string) => boolean;
}

/** Longest line (in characters) still taken for a heading. */
export const HEADING_MAX = 30;
/** A line broken mid-sentence this short (in Chinese characters) is a fragment of the next. */
const FRAGMENT_MAX = 3;

/** Marks after which a line is a complete sentence or clause (so not broken mid-sentence). */
const ENDING = /[。！？!?…；;：:，,、．.]$/u;
const NUMBERED =
	/^(?:[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十百\d]+[)）]|\d{1,2}[.．、](?!\d)|第[一二三四五六七八九十百\d]+[章节部分条篇])/u;
const NAME = `[${HAN_SOURCE}·]{2,4}`;
const CREDIT = new RegExp(
	`^(?<text>.*?\\S)?(?:[\\s\\u3000]+|(?<open>[（(]))(?<credit>(?:(?:记者|通讯员|摄影)[\\s\\u3000]*)?${NAME}(?:[\\s\\u3000、]+${NAME})*[\\s\\u3000]*摄(?:影)?)[)）]?$`,
	'u'
);
const CREDIT_ONLY = new RegExp(
	`^[（(]?(?<credit>${NAME}(?:[\\s\\u3000、]+${NAME})*[\\s\\u3000]*摄(?:影)?)[)）]?$`,
	'u'
);
/** Bylines are personal names: two or three characters each (four-character phrases are headings). */
const BYLINE_NAME = `[${HAN_SOURCE}·]{2,3}`;
const BYLINE = new RegExp(
	`^(?:(?:本报)?(?:记者|通讯员)[\\s\\u3000]*)?${BYLINE_NAME}(?:[\\s\\u3000、]+${BYLINE_NAME})+$`,
	'u'
);
/** A line that is only a date in Chinese: 2022年12月1日, 二〇二二年十二月一日, 2022年12月. */
const DATE_LINE =
	/^(?:\d{4}|[〇○零一二三四五六七八九]{4})[\s\u3000]*年[\s\u3000]*(?:\d{1,2}|[一二三四五六七八九十]{1,3})[\s\u3000]*月(?:[\s\u3000]*(?:\d{1,2}|[一二三四五六七八九十]{1,3})[\s\u3000]*[日号])?$/u;
/** A document's issue number (发文字号): 北仑政办发〔2022〕58号. */
const DOCUMENT_NUMBER = new RegExp(`^[${HAN_SOURCE}]{1,12}[〔［\\[（(]\\d{4}[〕］\\]）)]第?\\d{1,4}号$`, 'u');
/** A sign-off line before the date: an issuing body, short and without final punctuation. */
const signOffLine = (line: string) =>
	[...line].length <= HEADING_MAX && !ENDING.test(line) && !NUMBERED.test(line);
const GAP = /^(?:[…]{1,}|\.{3,}|（略）|\(略\)|\[…\]|\[\.\.\.\]|【略】)$/u;
const NOTE = /^(?:[（(][^（）()]*[)）]|(?:注|编者按|编者注|备注)[:：].*)$/u;

/** Text as lines: no BOM, Unix newlines, no replacement characters, ideographic indents and trailing blanks gone. */
export function normaliseText(text: string): string[] {
	return text
		.replace(/^\uFEFF/, '')
		.replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
		.replace(/[\uFFFD\u200B\uFEFF]/g, '')
		.replace(/\u00A0/g, ' ')
		.split('\n')
		.map((line) => line.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''));
}

/** Whether a text ends mid-sentence: on a Chinese character, with no punctuation. */
function endsMidSentence(text: string): boolean {
	const last = [...text].pop() ?? '';
	return hasHan(last) && !ENDING.test(text);
}

/** Join two pieces of one sentence: directly between Chinese, with a space between Latin words. */
function joinText(a: string, b: string): string {
	const last = [...a].pop() ?? '';
	const first = [...b][0] ?? '';
	return /[\p{L}\p{N}]/u.test(last) && /[\p{L}\p{N}]/u.test(first) && !hasHan(last) && !hasHan(first)
		? `${a} ${b}`
		: a + b;
}

/** Join a paragraph's lines: a line that starts a numbered item (附件：1.报名表 / 2.培训日程) after a space. */
const joinLines = (a: string, b: string) => (NUMBERED.test(b) ? `${a} ${b}` : joinText(a, b));

/** Whether a dictionary word runs across the break between `a` and `b` (滨|江 → 滨江). */
function joinMakesWord(a: string, b: string, isWord: (w: string) => boolean): boolean {
	const tail = [...a].slice(-3);
	const head = [...b].slice(0, 3);
	for (let t = 1; t <= tail.length; t++)
		for (let h = 1; h <= head.length; h++) {
			const left = tail.slice(-t);
			const right = head.slice(0, h);
			if (![...left, ...right].every(hasHan)) continue;
			if (isWord(left.join('') + right.join(''))) return true;
		}
	return false;
}

/** A caption: text then a photographer's credit, or a credit alone. */
function asCaption(chunk: string): DetectedBlock | undefined {
	if ([...chunk].length > 80) return undefined;
	const m = CREDIT.exec(chunk);
	if (m?.groups?.text && hasHan(m.groups.text))
		return {
			kind: 'caption',
			text: m.groups.text.trim(),
			credit: m.groups.credit!.replace(/[\s\u3000]+/g, ' ')
		};
	return undefined;
}

function looksLikeHeading(chunk: string): boolean {
	const length = [...chunk].length;
	if (NUMBERED.test(chunk)) return length <= 40 && !/[。！？!?]$/u.test(chunk);
	const last = [...chunk].pop() ?? '';
	const closesQuote = CLOSING_QUOTATION_MARKS.has(last) && !ENDING.test(chunk.slice(0, -1));
	return length <= HEADING_MAX && (!ENDING.test(chunk) || closesQuote) && hasHan(chunk);
}

/**
 * The text's paragraphs (chunks), lines of one paragraph joined, and how many of them are the headline block: the
 * first paragraph's lines when each is short and none ends a sentence (title / subtitle / date / speaker), which
 * stand apart.
 */
function chunksOf(lines: string[]): { chunks: string[]; headline: number } {
	const blankSeparated = lines.some(
		(l, i) => !l && lines.slice(0, i).some(Boolean) && lines.slice(i).some(Boolean)
	);
	const chunks: string[] = [];
	if (blankSeparated) {
		const groups: string[][] = [[]];
		for (const line of lines) {
			if (line) groups.at(-1)!.push(line);
			else if (groups.at(-1)!.length) groups.push([]);
		}
		// The headline block's lines stand apart.
		const first = groups[0]!;
		const headline =
			first.length > 1 && first.every((l) => [...l].length <= 60 && !/[。！？!?]$/u.test(l))
				? first.length
				: 1;
		if (headline > 1) groups.splice(0, 1, ...first.map((l) => [l]));
		// A date on a paragraph's last line stands apart.
		const split = groups.flatMap((g) =>
			g.length > 1 && DATE_LINE.test(g.at(-1)!) ? [g.slice(0, -1), g.slice(-1)] : g.length ? [g] : []
		);
		// So do the lines of a sign-off above a date (the issuing bodies); other lines of a paragraph are joined.
		let beforeDate = false;
		for (let i = split.length - 1; i >= 0; i--) {
			const g = split[i]!;
			const date = g.length === 1 && DATE_LINE.test(g[0]!);
			const apart: boolean = date || (beforeDate && g.every(signOffLine));
			chunks.unshift(...(apart ? g : [g.reduce(joinLines)]));
			beforeDate = apart;
		}
		return { chunks, headline };
	}
	// One paragraph a line; a long line broken mid-sentence is a hard wrap and continues on the next line.
	for (const line of lines.filter(Boolean)) {
		const prev = chunks.at(-1);
		if (
			prev !== undefined &&
			endsMidSentence(prev) &&
			[...prev].length > HEADING_MAX &&
			hasHan([...line][0] ?? '')
		)
			chunks[chunks.length - 1] = joinText(prev, line);
		else chunks.push(line);
	}
	return { chunks, headline: 1 };
}

/** Join chunks broken mid-sentence by a page or column break, across captions set into the sentence. */
function joinBrokenSentences(chunks: string[], isWord: (w: string) => boolean, headline: number): string[] {
	const out = [...chunks];
	for (let i = 0; i < out.length; i++) {
		const a = out[i]!;
		// The first line is the title, whatever its length; the headline block's lines are whole.
		if (i < headline || !endsMidSentence(a) || NUMBERED.test(a) || asCaption(a)) continue;
		let j = i + 1;
		while (j < out.length && asCaption(out[j]!)) j++;
		const b = out[j];
		if (b === undefined || !hasHan([...b][0] ?? '') || DATE_LINE.test(b)) continue;
		const fragment = hanChars(a).length <= FRAGMENT_MAX && [...a].length <= FRAGMENT_MAX;
		if (!fragment && !joinMakesWord(a, b, isWord)) continue;
		// The sentence is whole again; the captions that interrupted it follow it.
		const captions = out.slice(i + 1, j);
		out.splice(i, j - i + 1, joinText(a, b), ...captions);
		i--; // the joined text may itself continue
	}
	return out;
}

/** Detect the blocks of a text. */
export function detectBlocks(text: string, options: DetectOptions = {}): DetectedBlock[] {
	const isWord = options.isWord ?? (() => false);
	const { chunks: lines, headline } = chunksOf(normaliseText(text));
	const chunks = joinBrokenSentences(lines, isWord, headline);
	const blocks: DetectedBlock[] = [];
	let bodyStarted = false;
	let leadDone = false;
	// A date line or a document's issue number is a paragraph (never a heading or the lead). At the end of the text
	// (only captions, notes and gaps after it) a date closes the sign-off, with the short unpunctuated lines just
	// before it: the issuing bodies.
	const ownParagraph = new Set<number>();
	const trailing = (c: string) =>
		GAP.test(c) || !hasHan(c) || NOTE.test(c) || !!asCaption(c) || CREDIT_ONLY.test(c);
	chunks.forEach((chunk, i) => {
		if (i > 0 && DOCUMENT_NUMBER.test(chunk)) ownParagraph.add(i);
		if (i === 0 || !DATE_LINE.test(chunk)) return;
		ownParagraph.add(i);
		if (!chunks.slice(i + 1).every(trailing)) return;
		for (let k = i - 1; k > 0 && signOffLine(chunks[k]!) && !trailing(chunks[k]!); k--) ownParagraph.add(k);
	});
	chunks.forEach((chunk, i) => {
		const isLast = i === chunks.length - 1;
		if (ownParagraph.has(i)) {
			bodyStarted = true;
			return blocks.push({ kind: 'paragraph', text: chunk });
		}
		if (GAP.test(chunk)) return blocks.push({ kind: 'gap', text: chunk });
		if (!hasHan(chunk)) return blocks.push({ kind: 'note', text: chunk });
		const caption = asCaption(chunk);
		if (caption) return blocks.push(caption);
		const creditOnly = CREDIT_ONLY.exec(chunk);
		if (creditOnly && blocks.at(-1)?.kind === 'caption' && !blocks.at(-1)!.credit) {
			blocks.at(-1)!.credit = creditOnly.groups!.credit!.replace(/[\s\u3000]+/g, ' ');
			return;
		}
		if (NOTE.test(chunk)) return blocks.push({ kind: 'note', text: chunk });
		if (i === 0 && !isLast && [...chunk].length <= 60 && !/[。！？!?]$/u.test(chunk)) {
			// A headline written on one line as two parts (a lead-in, then the main title) keeps both, in order.
			const parts = chunk.split(/[\s\u3000]+|——/u).filter(Boolean);
			const cut = parts.length === 2 && parts.every((p) => [...p].length >= 4) ? parts : [chunk];
			blocks.push({ kind: 'title', text: cut[0]! });
			if (cut[1]) blocks.push({ kind: 'subtitle', text: cut[1] });
			return;
		}
		if (!bodyStarted && blocks.at(-1)?.kind === 'title' && /^——/u.test(chunk))
			return blocks.push({ kind: 'subtitle', text: chunk.replace(/^——\s*/u, '') });
		// The headline block's line after the title, when it is not a date, a note or a byline, is the subtitle.
		if (i < headline && blocks.at(-1)?.kind === 'title' && !BYLINE.test(chunk) && looksLikeHeading(chunk))
			return blocks.push({ kind: 'subtitle', text: chunk });
		if (!bodyStarted && BYLINE.test(chunk) && !NUMBERED.test(chunk) && blocks.some((b) => b.kind === 'title'))
			return blocks.push({ kind: 'byline', text: chunk });
		// A short line between two numbered headings is the first one's content (一、培训地点 / 区行政服务中心 /
		// 二、报名方式), not a heading of its own.
		const between =
			!NUMBERED.test(chunk) && NUMBERED.test(chunks[i - 1] ?? '') && NUMBERED.test(chunks[i + 1] ?? '');
		if (!isLast && !between && looksLikeHeading(chunk)) {
			bodyStarted = true;
			return blocks.push({ kind: 'heading', text: chunk });
		}
		bodyStarted = true;
		// The first paragraph is the lead (standfirst) when it is short, as in news writing.
		const lead = !leadDone && [...chunk].length <= 80;
		leadDone = true;
		blocks.push({ kind: lead ? 'lead' : 'paragraph', text: chunk });
	});
	// Short lines after the last paragraph, among the captions, are captions without a credit, not headings.
	const lastText = blocks.findLastIndex((b) => b.kind === 'paragraph' || b.kind === 'lead');
	for (const b of blocks.slice(lastText + 1)) if (b.kind === 'heading') b.kind = 'caption';
	return blocks;
}
