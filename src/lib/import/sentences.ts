/**
 * Splitting a paragraph into sentences: after 。！？ (full-width or ASCII), an ellipsis, or a full stop written
 * as "." after Chinese, together with the closing quotation marks and brackets that follow; never inside a
 * quotation (“…”, 「…」), where slogans keep their own punctuation. Pure.
 */
import { CLOSING_QUOTATION_MARKS, OPENING_QUOTATION_MARKS, hasHan } from '$lib/chinese';

const FINAL = new Set(['。', '！', '？', '!', '?', '…']);
const CLOSERS = new Set([...CLOSING_QUOTATION_MARKS, '）', ')', '】', '》', '"']);

/** Whether `.` at `i` ends a sentence: after Chinese, before a space, Chinese or the end (not 3.5, not a.m.). */
function isFullStop(chars: readonly string[], i: number): boolean {
	const before = chars[i - 1] ?? '';
	const after = chars[i + 1];
	return hasHan(before) && (after === undefined || /\s/.test(after) || hasHan(after));
}

/** The sentences of one paragraph, trimmed, in order (text without sentence punctuation is one sentence). */
export function splitSentences(paragraph: string): string[] {
	const chars = [...paragraph];
	const out: string[] = [];
	let depth = 0;
	let straightOpen = false;
	let speech = false;
	let start = 0;
	for (let i = 0; i < chars.length; i++) {
		const c = chars[i]!;
		let closedAfterStop = false;
		if (OPENING_QUOTATION_MARKS.has(c)) {
			if (depth === 0)
				speech = /[：:]\s*$/u.test(chars.slice(start, i).join('')) || !chars.slice(start, i).join('').trim();
			depth++;
		} else if (CLOSING_QUOTATION_MARKS.has(c)) {
			depth = Math.max(0, depth - 1);
			// Quoted speech (after ：) ending “……。” ends the sentence with it; a stop inside a quoted slogan does not.
			closedAfterStop = depth === 0 && speech && FINAL.has(chars[i - 1] ?? '');
		} else if (c === '"') straightOpen = !straightOpen;
		if (!closedAfterStop && (depth > 0 || straightOpen)) continue;
		const ends = closedAfterStop || FINAL.has(c) || (c === '.' && isFullStop(chars, i));
		if (!ends) continue;
		let end = i + 1;
		while (end < chars.length && (FINAL.has(chars[end]!) || chars[end] === '.')) end++;
		while (end < chars.length && CLOSERS.has(chars[end]!)) end++;
		const sentence = chars.slice(start, end).join('').trim();
		if (sentence) out.push(sentence);
		start = end;
		i = end - 1;
	}
	const rest = chars.slice(start).join('').trim();
	if (rest) out.push(rest);
	return out;
}
