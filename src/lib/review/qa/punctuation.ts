/**
 * The punctuation rule, on the English only:
 * - full-width punctuation and characters (，。：；！？（）、《》【】「」 full-width letters and digits, the
 *   ideographic space), except inside a quotation or brackets that quote Chinese;
 * - unbalanced brackets ( ) [ ] { } and quotation marks: curly “ ” and ‘ ’ in pairs, straight " in an even
 *   number, a straight ' that opens a quotation closed later. A ’ or ' between letters (Beilun’s) or after a word
 *   with no quotation open (workers’) is an apostrophe;
 * - doubled spaces;
 * - a space before , . ; : ! ? (not before a decimal point, as in " .5", or an ellipsis).
 * One warning per distinct offending text per segment.
 */
import type { QaSegment, QaWarning } from './types';
import { makeWarning, uniqueByKey } from './types';
import { enclosedSpans, isLetterOrDigit, within } from './text';
import { CJK_PUNCTUATION_SOURCE, HAN_SOURCE, hasHan, toHalfWidth } from '$lib/chinese';

const FULL_WIDTH = /[\u3000-\u303F\uFF01-\uFF60\uFE10-\uFE1F\uFE30-\uFE6F]/g;

const REPLACEMENT: Record<string, string> = {
	'\u3000': 'a space',
	'、': ',',
	'。': '.',
	'《': '“ or italics',
	'》': '” or italics',
	'〈': '‘',
	'〉': '’',
	'「': '“',
	'」': '”',
	'『': '‘',
	'』': '’',
	'【': '[',
	'】': ']',
	'〔': '[',
	'〕': ']',
	'〖': '[',
	'〗': ']',
	'〜': '~',
	'｟': '(',
	'｠': ')'
};

function replacementFor(ch: string): string | undefined {
	const ascii = toHalfWidth(ch);
	return ascii !== ch ? ascii : REPLACEMENT[ch];
}

const OPENERS: Record<string, string> = { '(': ')', '[': ']', '{': '}', '“': '”' };
const CLOSERS: Record<string, string> = { ')': '(', ']': '[', '}': '{', '”': '“' };

interface Mark {
	ch: string;
	index: number;
}

/** Brackets and quotation marks without a partner, in order. */
export function unbalancedMarks(en: string): Mark[] {
	const bad: Mark[] = [];
	const stack: Mark[] = [];
	const straightDouble: Mark[] = [];
	const openCurlySingle: Mark[] = [];
	let openSingle: Mark | undefined;
	const chars = [...en];
	let index = 0;
	for (let i = 0; i < chars.length; i++) {
		const ch = chars[i]!;
		const prev = chars[i - 1];
		const next = chars[i + 1];
		const mark = { ch, index };
		index += ch.length;
		if (ch in OPENERS) stack.push(mark);
		else if (ch in CLOSERS) {
			const at = stack.map((m) => m.ch).lastIndexOf(CLOSERS[ch]!);
			if (at < 0) bad.push(mark);
			else bad.push(...stack.splice(at).slice(1));
		} else if (ch === '"') straightDouble.push(mark);
		else if (ch === '‘') openCurlySingle.push(mark);
		else if (ch === '’') {
			if (isLetterOrDigit(prev) && isLetterOrDigit(next)) continue;
			openCurlySingle.pop();
		} else if (ch === "'") {
			if (isLetterOrDigit(prev) && isLetterOrDigit(next)) continue;
			// Opens after a non-letter and before a non-space; anything else closes (or, with none open, is an
			// apostrophe: workers').
			const opens = !isLetterOrDigit(prev) && next !== undefined && !/\s/.test(next);
			if (openSingle && !opens) openSingle = undefined;
			else if (!openSingle && opens) openSingle = mark;
		}
	}
	bad.push(...stack, ...openCurlySingle);
	if (straightDouble.length % 2) bad.push(straightDouble[straightDouble.length - 1]!);
	if (openSingle) bad.push(openSingle);
	return bad.sort((a, b) => a.index - b.index);
}

/** The word either side of a spacing problem, for context: non-space, non-CJK characters. */
const CONTEXT = `[^\\s${HAN_SOURCE}${CJK_PUNCTUATION_SOURCE}]*`;
const DOUBLE_SPACE = new RegExp(`${CONTEXT}[ \\t\\u00A0]{2,}${CONTEXT}`, 'gu');
/** Not before a decimal point (" .5") or an ellipsis. */
const SPACE_BEFORE = new RegExp(`${CONTEXT}[ \\t\\u00A0]+([,.;:!?])(?![\\d.])`, 'gu');

const PARTNER: Record<string, string> = { ...OPENERS, ...CLOSERS, '"': '"', "'": "'", '‘': '’' };

export function checkPunctuation(segment: QaSegment): QaWarning[] {
	const { id, en } = segment;
	const warnings: QaWarning[] = [];

	const quotingChinese = enclosedSpans(en).filter((s) => hasHan(en.slice(s.start, s.end)));
	for (const m of en.matchAll(FULL_WIDTH)) {
		const span = { start: m.index, end: m.index + m[0].length };
		if (quotingChinese.some((q) => within(span, q))) continue;
		const ch = m[0];
		const replacement = replacementFor(ch);
		const codePoint = `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
		warnings.push(
			makeWarning({
				rule: 'punctuation',
				code: 'full-width',
				segmentId: id,
				text: ch,
				message:
					`Full-width character ${ch} (${codePoint}) in the English` +
					(replacement ? `; use ${replacement} instead` : ''),
				params: { character: ch, codePoint, replacement: replacement ?? '' },
				range: { side: 'en', ...span }
			})
		);
	}

	for (const mark of unbalancedMarks(en)) {
		const partner = PARTNER[mark.ch] ?? '';
		const kind = /[()[\]{}]/.test(mark.ch) ? 'bracket' : 'quotation mark';
		warnings.push(
			makeWarning({
				rule: 'punctuation',
				code: 'unbalanced',
				segmentId: id,
				text: mark.ch,
				message: `Unbalanced ${kind} ${mark.ch} in the English: no matching ${partner}`,
				params: { mark: mark.ch, partner },
				range: { side: 'en', start: mark.index, end: mark.index + mark.ch.length }
			})
		);
	}

	for (const m of en.matchAll(DOUBLE_SPACE)) {
		warnings.push(
			makeWarning({
				rule: 'punctuation',
				code: 'double-space',
				segmentId: id,
				text: m[0],
				message: `Doubled space in the English: “${m[0]}”`,
				params: { context: m[0] },
				range: { side: 'en', start: m.index, end: m.index + m[0].length }
			})
		);
	}

	for (const m of en.matchAll(SPACE_BEFORE)) {
		const punct = m[1]!;
		warnings.push(
			makeWarning({
				rule: 'punctuation',
				code: 'space-before',
				segmentId: id,
				text: m[0],
				message: `Space before ${punct} in the English: “${m[0]}”`,
				params: { punctuation: punct, context: m[0] },
				range: { side: 'en', start: m.index, end: m.index + m[0].length }
			})
		);
	}
	return uniqueByKey(warnings);
}
