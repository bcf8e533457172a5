/**
 * Word segmentation for learners: glossary terms first (whole, quotation marks and all), then bidirectional
 * maximum matching over dictionary words in each run of Chinese characters; digits stay with their magnitude and
 * measure word, Latin runs stay together, punctuation and whitespace stand alone.
 */
import type { SegmenterLexicon, Token } from './types';
import {
	CLOSING_QUOTATION_MARKS,
	NUMBER_UNITS,
	OPENING_QUOTATION_MARKS,
	hanChars,
	hasHan,
	withoutQuotationMarks
} from '$lib/chinese';

const SPACE = /\s/u;
const DIGIT = /[0-9０-９]/;
const LATIN = /[A-Za-zＡ-Ｚａ-ｚ]/;
const ALNUM = /[A-Za-zＡ-Ｚａ-ｚ0-9０-９]/;
const PERCENT = /[%％‰]/;
const MAGNITUDE = /[万亿千百]/;
const APPROX = /[多余]/;

/** Split a run of Chinese characters by maximum matching in one direction; returns token lengths in order. */
function maximumMatch(run: readonly string[], lexicon: SegmenterLexicon, backward: boolean): number[] {
	const lengths: number[] = [];
	const max = Math.max(1, lexicon.maxWordLength);
	if (!backward) {
		let i = 0;
		while (i < run.length) {
			let taken = 1;
			const bound = Math.min(max, lexicon.maxLengthFrom?.(run[i]!) ?? max, run.length - i);
			for (let len = bound; len > 1; len--) {
				if (lexicon.has(run.slice(i, i + len).join(''))) {
					taken = len;
					break;
				}
			}
			lengths.push(taken);
			i += taken;
		}
		return lengths;
	}
	let j = run.length;
	while (j > 0) {
		let taken = 1;
		const bound = Math.min(max, lexicon.maxLengthTo?.(run[j - 1]!) ?? max, j);
		for (let len = bound; len > 1; len--) {
			if (lexicon.has(run.slice(j - len, j).join(''))) {
				taken = len;
				break;
			}
		}
		lengths.push(taken);
		j -= taken;
	}
	return lengths.reverse();
}

/**
 * Segment a run of Chinese characters: by the lexicon's frequency segmenter when it has one (words it finds that
 * the lexicon lacks are split again by maximum matching), else by maximum matching.
 */
function segmentHanRun(run: readonly string[], lexicon: SegmenterLexicon): number[] {
	if (run.length === 1) return [1];
	if (!lexicon.cut) return matchHanRun(run, lexicon);
	const words = lexicon.cut(run.join(''));
	// A segmenter that changed the text: fall back to maximum matching, so offsets hold.
	if (words.join('') !== run.join('')) return matchHanRun(run, lexicon);
	const lengths: number[] = [];
	let at = 0;
	// Single characters in a row (and words the lexicon lacks) are matched again: the segmenter leaves
	// dictionary words it does not know as single characters (发|力), and its own words need entries.
	let loose = 0;
	const flush = () => {
		if (loose) lengths.push(...matchHanRun(run.slice(at - loose, at), lexicon));
		loose = 0;
	};
	for (const word of words) {
		const len = [...word].length;
		if (len === 0) continue;
		if (len === 1 || !lexicon.has(word)) loose += len;
		else {
			flush();
			lengths.push(len);
		}
		at += len;
	}
	flush();
	return lengths;
}

/** Maximum matching on a run of Chinese characters: forward and backward, the better of the two. */
function matchHanRun(run: readonly string[], lexicon: SegmenterLexicon): number[] {
	if (run.length === 1) return [1];
	const fwd = maximumMatch(run, lexicon, false);
	const bwd = maximumMatch(run, lexicon, true);
	if (fwd.join() === bwd.join()) return fwd;
	const cost = (lengths: number[]) => {
		let unknown = 0;
		let singles = 0;
		let weight = 0;
		let at = 0;
		for (const len of lengths) {
			if (len === 1) {
				singles++;
				if (!lexicon.has(run[at]!)) unknown++;
			} else if (lexicon.weight) weight += lexicon.weight(run.slice(at, at + len).join(''));
			at += len;
		}
		// Fewer tokens, then fewer unknown characters, then fewer single characters, then better-known words.
		return [lengths.length, unknown, singles, -weight];
	};
	const f = cost(fwd);
	const b = cost(bwd);
	for (let k = 0; k < f.length; k++) {
		if (f[k]! < b[k]!) return fwd;
		if (f[k]! > b[k]!) return bwd;
	}
	// A tie goes to backward matching, which errs less often on Chinese (modifier–head order).
	return bwd;
}

/** Length of the number (and its magnitude and measure word) starting at `i`, or 0 if there is none. */
function numberLength(chars: readonly string[], i: number, end: number): number {
	let j = i;
	while (j < end && DIGIT.test(chars[j]!)) {
		j++;
		// Decimal point or thousands separator between digits.
		if (j + 1 < end && /[.．,]/.test(chars[j]!) && DIGIT.test(chars[j + 1]!)) j++;
	}
	if (j === i) return 0;
	if (j < end && PERCENT.test(chars[j]!)) return j + 1 - i;
	if (j < end && LATIN.test(chars[j]!)) return 0; // "3D", "5G": a Latin run
	const before = j;
	if (j < end && APPROX.test(chars[j]!)) j++;
	while (j < end && j - before < 3 && MAGNITUDE.test(chars[j]!)) j++;
	if (j < end && APPROX.test(chars[j]!) && j > before && !APPROX.test(chars[j - 1]!)) j++;
	for (const m of NUMBER_UNITS) {
		const mc = [...m];
		if (j + mc.length <= end && mc.every((c, k) => chars[j + k] === c)) {
			j += mc.length;
			break;
		}
	}
	return j - i;
}

/** Segment text into tokens. Token texts concatenate to `text`; offsets count code points. */
export function segment(text: string, lexicon: SegmenterLexicon): Token[] {
	const chars = [...text];
	const tokens: Token[] = [];
	const push = (start: number, end: number, kind: Token['kind'], termId?: string) => {
		const token: Token = { text: chars.slice(start, end).join(''), kind, start, end };
		if (termId) token.termId = termId;
		tokens.push(token);
	};

	const plain = (from: number, to: number) => {
		let i = from;
		while (i < to) {
			const c = chars[i]!;
			let j = i + 1;
			if (hasHan(c)) {
				while (j < to && hasHan(chars[j]!)) j++;
				const run = chars.slice(i, j);
				let at = i;
				for (const len of segmentHanRun(run, lexicon)) {
					const word = chars.slice(at, at + len).join('');
					push(at, at + len, len > 1 || lexicon.has(word) ? 'word' : 'unknown');
					at += len;
				}
			} else if (SPACE.test(c)) {
				while (j < to && SPACE.test(chars[j]!)) j++;
				push(i, j, 'space');
			} else if (DIGIT.test(c) && numberLength(chars, i, to) > 0) {
				j = i + numberLength(chars, i, to);
				push(i, j, 'number');
			} else if (ALNUM.test(c)) {
				while (
					j < to &&
					(ALNUM.test(chars[j]!) || (/[.\-&'’]/.test(chars[j]!) && ALNUM.test(chars[j + 1] ?? '')))
				)
					j++;
				push(i, j, 'latin');
			} else {
				// Punctuation; a doubled mark (……, ——) is one token.
				while (j < to && chars[j] === c) j++;
				push(i, j, 'punct');
			}
			i = j;
		}
	};

	let pos = 0;
	const spans = (lexicon.findTerms?.(text) ?? []).slice().sort((a, b) => a.start - b.start);
	for (const span of spans) {
		let start = span.start;
		if (start < pos || span.end <= start) continue;
		// A term that closes a quotation it did not open (“246”产业示范园 matched from 2) takes the opening mark too.
		const inside = chars.slice(start, span.end);
		const open = inside.filter((c) => OPENING_QUOTATION_MARKS.has(c)).length;
		const close = inside.filter((c) => CLOSING_QUOTATION_MARKS.has(c)).length;
		if (close > open && start > pos && OPENING_QUOTATION_MARKS.has(chars[start - 1]!)) start--;
		plain(pos, start);
		push(start, span.end, 'term', span.id);
		pos = span.end;
	}
	plain(pos, chars.length);
	return tokens;
}

/**
 * The key of a token's entry in an article extract: the text without quotation marks for Chinese tokens, the
 * whole text for a number with a measure word ("1856.6亿元", whose entry lists its parts 亿 and 元); null for
 * tokens with no entry (punctuation, space, Latin, bare numbers).
 */
export function tokenKey(token: Pick<Token, 'text' | 'kind'>): string | null {
	if (token.kind === 'word' || token.kind === 'unknown' || token.kind === 'term')
		return withoutQuotationMarks(token.text);
	if (token.kind === 'number' && hasHan(token.text)) return token.text;
	return null;
}

/**
 * The Chinese parts of a number token: approximation (多, 余), magnitude (万, 亿…) and measure word, in order
 * ("1856.6亿元" → 亿, 元; "47.46万平方米" → 万, 平方米).
 */
export function numberParts(text: string): string[] {
	const han = hanChars(text);
	const parts: string[] = [];
	let i = 0;
	while (i < han.length) {
		const measure = NUMBER_UNITS.find((m) => [...m].every((c, k) => han[i + k] === c));
		const len = measure ? [...measure].length : 1;
		parts.push(han.slice(i, i + len).join(''));
		i += len;
	}
	return parts;
}

/** Whether a token holds Chinese text (a word, a glossary term or an unknown character). */
export function isChineseToken(token: Pick<Token, 'kind'>): boolean {
	return token.kind === 'word' || token.kind === 'term' || token.kind === 'unknown';
}
