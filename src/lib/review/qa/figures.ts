/**
 * The figures rule: every figure of the Chinese is in the English, compared by value (1856.6亿 = 185.66 billion =
 * 185,660 million), and no figure of the English is unaccounted for.
 *
 * A Chinese figure is required unless
 * - it is part of a glossary term (两个先行, 六促六优, a term naming “246”…): the terminology rule checks the
 *   term's rendering instead;
 * - it is written in Chinese numerals inside quotation marks or 《》 (“两场”, “百名干部战一线、千名干部走万企”):
 *   a slogan's words, not a quantity, so an incomplete glossary does not turn slogans into figures. Arabic
 *   figures in quotation marks (“246”, “1244”, “141”) are still required.
 * It is found when any English figure has the same value (set semantics: a figure written twice in the Chinese is
 * satisfied by one English mention). An English month name answers only a Chinese month; a Chinese month is also
 * answered by the same number (the first 11 months). 第一 is also answered by a rank word (top, leading,
 * fastest, largest…), since 居全市第一 reads as "the fastest in the city".
 *
 * An English figure written in digits is extra unless its value is one of the Chinese figures (any, required or
 * not), or it is
 * - a year the Chinese says in words (今年, 年初, 年底… → the context's year; 去年 − 1; 明年 + 1);
 * - inside parentheses that convert or approximate: "(about 342.5 hectares)", "(US$26.6 billion)";
 * - part of the rendering of a glossary term found in the Chinese.
 * English number words are never extra: "one", "first", "second" are too common in plain prose to flag.
 */
import type { QaContext, QaSegment, QaWarning } from './types';
import { makeWarning, uniqueByKey } from './types';
import {
	extractChineseNumbers,
	extractEnglishNumbers,
	formatValue,
	sameValue,
	valuesOf,
	type NumberMention
} from './numbers';
import { codePointsToUtf16, overlaps, within, type Span } from './text';

const RANK_WORDS =
	/\b(?:first|1st|top|No\.\s?1|number one|lead|leads|leading|led|highest|fastest|largest|biggest|best|strongest|greatest|most)\b/i;

const CONVERSION =
	/\b(?:about|approximately|approx\.?|roughly|around|some|nearly|almost|circa|equivalent|hectares?|acres?|square\s+(?:kilomet(?:re|er)s?|met(?:re|er)s?|miles?|feet)|sq\.?\s*(?:km|m|mi)|km2|kilomet(?:re|er)s?|miles?|feet|tonnes?|tons?|dollars?|USD|euros?|EUR|pounds?|GBP)\b|km²|m²|US\$|HK\$|\$|€|£|≈|~/i;

const ZH_QUOTES = [/“[^“”]*”/g, /‘[^‘’]*’/g, /「[^「」]*」/g, /『[^『』]*』/g, /《[^《》]*》/g, /"[^"]*"/g];

const CURRENT_YEAR = /今年|本年|年初|年底|年末|年内|年中/;
const LAST_YEAR = /去年|上年/;
const NEXT_YEAR = /明年/;

function spansOf(text: string, patterns: RegExp[]): Span[] {
	return patterns.flatMap((re) =>
		[...text.matchAll(re)].map((m) => ({ start: m.index, end: m.index + m[0].length }))
	);
}

/** Years the English may name for the Chinese's relative years; `true` for any year when the context has none. */
function impliedYears(zh: string, year: number | undefined): Set<number> | true {
	const years = new Set<number>();
	const any = CURRENT_YEAR.test(zh) || LAST_YEAR.test(zh) || NEXT_YEAR.test(zh);
	if (year === undefined) return any ? true : years;
	if (CURRENT_YEAR.test(zh)) years.add(year);
	if (LAST_YEAR.test(zh)) years.add(year - 1);
	if (NEXT_YEAR.test(zh)) years.add(year + 1);
	return years;
}

function answers(zh: NumberMention, en: NumberMention): boolean {
	if (en.kind === 'month' && zh.kind !== 'month') return false;
	return valuesOf(en).some((v) => sameValue(v, zh.value));
}

const NOUN: Record<NumberMention['kind'], string> = {
	cardinal: 'figure',
	percent: 'figure',
	ordinal: 'ordinal',
	month: 'month',
	year: 'year'
};

/** Chinese figures the English must carry: those outside glossary terms and outside quoted slogans. */
export function requiredFigures(zh: string, ctx: QaContext): NumberMention[] {
	const terms = ctx.findChineseTerms(zh).map((t) => codePointsToUtf16(zh, t.start, t.end));
	const quoted = spansOf(zh, ZH_QUOTES);
	return extractChineseNumbers(zh).filter(
		(m) => !terms.some((t) => overlaps(m, t)) && !(m.form === 'numeral' && quoted.some((q) => within(m, q)))
	);
}

export function checkFigures(segment: QaSegment, ctx: QaContext): QaWarning[] {
	const { id, zh, en } = segment;
	const zhAll = extractChineseNumbers(zh);
	const enAll = extractEnglishNumbers(en);
	const warnings: QaWarning[] = [];

	for (const m of requiredFigures(zh, ctx)) {
		const found =
			enAll.some((e) => answers(m, e)) || (m.kind === 'ordinal' && m.value === 1 && RANK_WORDS.test(en));
		if (found) continue;
		const value = formatValue(m);
		const shown = value === m.text ? m.text : `${m.text} (${value})`;
		warnings.push(
			makeWarning({
				rule: 'figures',
				code: 'missing',
				segmentId: id,
				text: m.text,
				message: `The ${NOUN[m.kind]} ${shown} is missing from the English`,
				params: { figure: m.text, value, kind: m.kind },
				range: { side: 'zh', start: m.start, end: m.end }
			})
		);
	}

	const years = impliedYears(zh, ctx.year);
	const parens = spansOf(en, [/\([^()]*\)/g]).filter((p) => CONVERSION.test(en.slice(p.start, p.end)));
	const termIds = new Set(ctx.findChineseTerms(zh).map((t) => t.id));
	const renderings = ctx.findEnglishTerms(en, termIds).map((t) => codePointsToUtf16(en, t.start, t.end));

	for (const e of enAll) {
		if (e.form !== 'digits') continue;
		if (zhAll.some((z) => valuesOf(e).some((v) => sameValue(v, z.value)))) continue;
		if (e.kind === 'year' && (years === true || years.has(e.value))) continue;
		if (parens.some((p) => within(e, p))) continue;
		if (renderings.some((r) => overlaps(e, r))) continue;
		const value = formatValue(e);
		warnings.push(
			makeWarning({
				rule: 'figures',
				code: 'extra',
				segmentId: id,
				text: e.text,
				message: `The ${NOUN[e.kind]} ${e.text} in the English has no counterpart in the Chinese`,
				params: { figure: e.text, value, kind: e.kind },
				range: { side: 'en', start: e.start, end: e.end }
			})
		);
	}
	return uniqueByKey(warnings);
}
