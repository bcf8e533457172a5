/**
 * Small text helpers shared by the rules: offset conversion and the spans enclosed by quotation marks or brackets.
 */

/** A half-open UTF-16 range. */
export interface Span {
	start: number;
	end: number;
}

/** Convert code-point offsets (as the glossary matcher returns them) to UTF-16 offsets. */
export function codePointsToUtf16(text: string, start: number, end: number): Span {
	let cp = 0;
	let u = 0;
	let uStart = start === 0 ? 0 : -1;
	while (u < text.length && cp < end) {
		const code = text.codePointAt(u)!;
		u += code > 0xffff ? 2 : 1;
		cp++;
		if (cp === start) uStart = u;
	}
	return { start: uStart < 0 ? u : uStart, end: u };
}

export const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
export const within = (inner: Span, outer: Span) => inner.start >= outer.start && inner.end <= outer.end;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

const ENCLOSURES: readonly RegExp[] = [
	/\([^()]*\)/g,
	/（[^（）]*）/g,
	/\[[^[\]]*\]/g,
	/“[^“”]*”/g,
	/‘(?:[^‘’]|’(?=[\p{L}\p{N}]))*’(?![\p{L}\p{N}])/gu,
	/"[^"]*"/g,
	/(?<![\p{L}\p{N}])'(?:[^']|'(?=[\p{L}\p{N}]))*'(?![\p{L}\p{N}])/gu,
	/「[^「」]*」/g,
	/『[^『』]*』/g,
	/《[^《》]*》/g
];

/**
 * Spans enclosed by a pair of quotation marks or brackets, marks included: ( ) （ ） “ ” ‘ ’ " " ' ' 「 」 『 』
 * 《 》 [ ]. A straight single quote opens only after a non-letter and closes only before one, so apostrophes
 * (Beilun's) are not taken for quotation marks; a curly ’ between letters is an apostrophe too.
 */
export function enclosedSpans(text: string): Span[] {
	const spans: Span[] = [];
	for (const re of ENCLOSURES)
		for (const m of text.matchAll(re)) spans.push({ start: m.index, end: m.index + m[0].length });
	return spans;
}

export const isLetterOrDigit = (ch: string | undefined) => ch !== undefined && LETTER_OR_DIGIT.test(ch);
