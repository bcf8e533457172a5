/**
 * Number extraction for the figures check: every figure in a Chinese or English text with its value and the span
 * it was written in. Values are exact where the written form is (scales are powers of ten and applied by moving
 * the decimal point, so 1856.6亿 is exactly 185660000000, never 185659999999.99997).
 *
 * Chinese: Arabic figures with 万/亿 (and 千万, 百亿…), %, approximations (近5000, 30多, 超1300亿), ranges whose
 * scale, % or 月 covers both ends (10至50万元, 1至11月), months (11月, 10月底), years (2022年), ordinals (第一,
 * 第十五次, 第3) and Chinese numerals before a measure word (三期, 六个, 两年). A bare 一 is not a figure (it is
 * the article "a" or part of a set phrase: 一批, 一方面, 一年来, 一线) unless it is 第一 or 一月.
 *
 * English: figures in digits with thousands separators, decimals, scale words (185.66 billion, 130bn), per cent,
 * ordinal suffixes (15th); number words (nine, twenty-one, a hundred, three million, fifteenth); month names;
 * Roman numerals after Phase/Stage/… (Phase III). Digits glued to letters are names, not figures (COVID-19, 5G,
 * Q3), except after a currency code (RMB185.66bn) and before a unit or suffix (5km, 1990s).
 */
import { COUNTING_MEASURE_WORDS, toHalfWidth } from '$lib/chinese';

export type NumberKind = 'cardinal' | 'percent' | 'ordinal' | 'month' | 'year';
/** How the figure is written: Arabic digits, Chinese numerals, English words, an English month name, Roman numerals. */
export type NumberForm = 'digits' | 'numeral' | 'words' | 'month-name' | 'roman';
export type Approximation = 'about' | 'nearly' | 'over' | 'more-than' | 'under';

export interface NumberMention {
	/** The figure as written, with its scale, %, approximation, 第 or 月 (e.g. `1856.6亿`, `近5000`, `10月底`). */
	text: string;
	/** UTF-16 offsets into the text (`slice(start, end) === text`), end exclusive. */
	start: number;
	end: number;
	/** The value: 1856.6亿 → 185660000000; 5.3% → 5.3; 第十五次 → 15; 10月底 → 10. */
	value: number;
	/**
	 * Other values the written form may stand for. Only English shared-scale ranges have one: in "10 to 50
	 * million" the 10 may be 10 or 10,000,000.
	 */
	alternatives: number[];
	kind: NumberKind;
	form: NumberForm;
	approx?: Approximation;
}

// ---------------------------------------------------------------------------------------------------------------
// Shared

/** The value of a decimal string (commas allowed) times 10^exp, computed on the digits so it is exact. */
export function scaleDecimal(digits: string, exp = 0): number {
	const [int = '0', frac = ''] = digits.replace(/,/g, '').split('.');
	if (exp <= 0) return Number(`${int}.${frac || '0'}`) * (exp === 0 ? 1 : 10 ** exp);
	const shifted = frac.padEnd(exp, '0');
	return Number(`${int}${shifted.slice(0, exp)}.${shifted.slice(exp) || '0'}`);
}

/** Full-width digits, point and per cent sign to ASCII (same length, so offsets are unchanged). */
const normaliseWidth = (text: string) => toHalfWidth(text, /[０-９．％]/g);

const LATIN = /[A-Za-z]/;

function byStart(a: NumberMention, b: NumberMention) {
	return a.start - b.start || b.end - a.end;
}

// ---------------------------------------------------------------------------------------------------------------
// Chinese

const ZH_DIGIT: Record<string, number> = {
	〇: 0,
	零: 0,
	一: 1,
	二: 2,
	两: 2,
	三: 3,
	四: 4,
	五: 5,
	六: 6,
	七: 7,
	八: 8,
	九: 9
};
const ZH_SMALL_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/**
 * The value of a Chinese numeral (十五 → 15, 一百零五 → 105, 两千 → 2000, 百亿 → 10000000000), or undefined when
 * the characters are not one well-formed numeral (十四五, 三五, 万).
 */
export function parseChineseNumeral(s: string): number | undefined {
	let total = 0;
	let section = 0;
	let digit: number | null = null;
	let lastSmall = Infinity;
	let afterZero = false;
	let any = false;
	for (const ch of s) {
		if (ch in ZH_DIGIT) {
			const d = ZH_DIGIT[ch]!;
			if (digit !== null && !afterZero) return undefined;
			if (d === 0) {
				afterZero = true;
				digit = null;
			} else {
				digit = d;
				afterZero = false;
			}
			any = true;
		} else if (ch in ZH_SMALL_UNIT) {
			const u = ZH_SMALL_UNIT[ch]!;
			if (u >= lastSmall) return undefined;
			section += (digit ?? 1) * u;
			lastSmall = u;
			digit = null;
			afterZero = false;
			any = true;
		} else if (ch === '万' || ch === '亿') {
			section += digit ?? 0;
			if (section === 0 && total === 0) return undefined;
			if (ch === '亿') total = (total + section) * 1e8;
			else total += section * 1e4;
			section = 0;
			digit = null;
			lastSmall = Infinity;
			afterZero = false;
		} else return undefined;
	}
	return any || total ? total + section + (digit ?? 0) : undefined;
}

/** Measure words after which a Chinese numeral is a count (三期, 六个). */
const ZH_MEASURE = COUNTING_MEASURE_WORDS;

const ZH_APPROX_BEFORE: [string, Approximation][] = [
	['将近', 'nearly'],
	['接近', 'nearly'],
	['超过', 'over'],
	['大约', 'about'],
	['不足', 'under'],
	['不到', 'under'],
	['近', 'nearly'],
	['约', 'about'],
	['超', 'over'],
	['逾', 'over']
];

const ZH_RANGE = new Set(['至', '到', '-', '–', '—', '~', '～', '－', '〜']);
const ZH_UNITS_AFTER_DIGITS = /^(?:km|kg|cm|mm|m|t|kW|MW|GW|kWh|TEU)(?![A-Za-z])/;

/** A figure written in digits (Chinese or English text alike): where it stands, its value and its scale. */
function digitsMention(
	source: string,
	start: number,
	end: number,
	digits: string,
	exp: number,
	kind: NumberKind
) {
	return {
		text: source.slice(start, end),
		start,
		end,
		value: scaleDecimal(digits, exp),
		alternatives: [],
		kind,
		form: 'digits' as const,
		exp
	};
}

interface ZhToken extends NumberMention {
	/** The figure's own scale exponent, % or 月 (a range's first end without them inherits them from the second). */
	exp: number;
	digits: string;
	bare: boolean;
}

function approxBefore(text: string, start: number): [number, Approximation | undefined] {
	for (const [word, approx] of ZH_APPROX_BEFORE)
		if (text.startsWith(word, start - word.length)) return [start - word.length, approx];
	return [start, undefined];
}

const ZH_ARABIC =
	/(\d+(?:,\d{3})*(?:\.\d+)?)([多余])?((?:[十百千]?(?:万亿|亿|万))|千(?![米克瓦卡伏帕兆]))?([多余])?(%)?/g;
const SCALE_EXP: Record<string, number> = { 十: 1, 百: 2, 千: 3, 万: 4, 亿: 8 };
const scaleExp = (scale: string) => [...scale].reduce((e, ch) => e + (SCALE_EXP[ch] ?? 0), 0);

/** Every figure in a Chinese text, in order of appearance. */
export function extractChineseNumbers(source: string): NumberMention[] {
	const text = normaliseWidth(source);
	const tokens: ZhToken[] = [];

	for (const m of text.matchAll(ZH_ARABIC)) {
		const [whole, digits = '', more1, scale = '', more2, percent] = m;
		let start = m.index;
		let end = start + whole.length;
		const before = text[start - 1] ?? '';
		// Digits glued to Latin letters are names or codes (G20, COVID-19, 5G), not figures.
		if (LATIN.test(before) || (before === '-' && LATIN.test(text[start - 2] ?? ''))) continue;
		const after = text.slice(end);
		if (LATIN.test(after[0] ?? '') && !ZH_UNITS_AFTER_DIGITS.test(after)) continue;

		const exp = scaleExp(scale);
		let kind: NumberKind = percent ? 'percent' : 'cardinal';
		let approx: Approximation | undefined = more1 || more2 ? 'more-than' : undefined;
		const plain = !scale && !percent && !more1 && !more2;
		const integer = /^\d+$/.test(digits);
		if (plain && integer && text[end] === '月' && Number(digits) >= 1 && Number(digits) <= 12) {
			kind = 'month';
			end += 1 + (/^[底初末]/.test(text[end + 1] ?? '') ? 1 : 0);
		} else if (plain && integer && digits.length === 4 && text[end] === '年') {
			kind = 'year';
			end += 1;
		} else if (before === '第' && plain) {
			kind = 'ordinal';
			start -= 1;
		}
		if (kind !== 'ordinal') {
			const [s, a] = approxBefore(text, start);
			if (a) [start, approx] = [s, approx ?? a];
		}
		tokens.push({
			...digitsMention(source, start, end, digits, exp, kind),
			...(approx ? { approx } : {}),
			digits,
			bare: plain && kind === 'cardinal'
		});
	}

	// A range whose first end is bare takes the scale, % or 月 of the second: 10至50万元, 1至11月, 5至10%.
	for (let i = 0; i + 1 < tokens.length; i++) {
		const a = tokens[i]!;
		const b = tokens[i + 1]!;
		if (!a.bare || !ZH_RANGE.has(text.slice(a.end, b.start))) continue;
		if (b.exp) a.value = scaleDecimal(a.digits, b.exp);
		else if (b.kind === 'percent') a.kind = 'percent';
		else if (b.kind === 'month' && Number.isInteger(a.value) && a.value >= 1 && a.value <= 12)
			a.kind = 'month';
		else if (b.kind === 'year' && a.digits.length === 4) a.kind = 'year';
	}

	const found: NumberMention[] = tokens.map(({ exp: _e, digits: _d, bare: _b, ...mention }) => mention);
	const taken = (s: number, e: number) => found.some((f) => s < f.end && f.start < e);

	for (const m of text.matchAll(/[〇零一二两三四五六七八九十百千万亿]+/g)) {
		const run = m[0];
		let start = m.index;
		let end = start + run.length;
		if (taken(start, end) || /\d/.test(text[start - 1] ?? '')) continue;
		const value = parseChineseNumeral(run);
		if (value === undefined) continue;
		const more = /^[多余]/.test(text[end] ?? '');
		const next = text[end + (more ? 1 : 0)] ?? '';
		let kind: NumberKind;
		let approx: Approximation | undefined = more ? 'more-than' : undefined;
		if (text[start - 1] === '第') {
			kind = 'ordinal';
			start -= 1;
			if (ZH_MEASURE.has(text[end] ?? '')) end += 1;
		} else if (!more && next === '月' && value >= 1 && value <= 12 && !/[百千万亿]/.test(run)) {
			kind = 'month';
			end += 1 + (/^[底初末]/.test(text[end + 1] ?? '') ? 1 : 0);
		} else if (ZH_MEASURE.has(next) && run !== '一') {
			kind = 'cardinal';
			end += (more ? 1 : 0) + 1;
			const [s, a] = approxBefore(text, start);
			if (a) [start, approx] = [s, approx ?? a];
		} else continue;
		found.push({
			text: source.slice(start, end),
			start,
			end,
			value,
			alternatives: [],
			kind,
			form: 'numeral',
			...(approx ? { approx } : {})
		});
	}
	return found.sort(byStart);
}

// ---------------------------------------------------------------------------------------------------------------
// English

const EN_UNITS: Record<string, number> = {
	zero: 0,
	one: 1,
	two: 2,
	three: 3,
	four: 4,
	five: 5,
	six: 6,
	seven: 7,
	eight: 8,
	nine: 9,
	ten: 10,
	eleven: 11,
	twelve: 12,
	thirteen: 13,
	fourteen: 14,
	fifteen: 15,
	sixteen: 16,
	seventeen: 17,
	eighteen: 18,
	nineteen: 19,
	twenty: 20,
	thirty: 30,
	forty: 40,
	fifty: 50,
	sixty: 60,
	seventy: 70,
	eighty: 80,
	ninety: 90,
	twice: 2,
	double: 2,
	triple: 3,
	treble: 3
};
const EN_ORDINALS: Record<string, number> = {
	first: 1,
	second: 2,
	third: 3,
	fourth: 4,
	fifth: 5,
	sixth: 6,
	seventh: 7,
	eighth: 8,
	ninth: 9,
	tenth: 10,
	eleventh: 11,
	twelfth: 12,
	thirteenth: 13,
	fourteenth: 14,
	fifteenth: 15,
	sixteenth: 16,
	seventeenth: 17,
	eighteenth: 18,
	nineteenth: 19,
	twentieth: 20,
	thirtieth: 30,
	fortieth: 40,
	fiftieth: 50,
	sixtieth: 60,
	seventieth: 70,
	eightieth: 80,
	ninetieth: 90,
	hundredth: 100,
	thousandth: 1000
};
const EN_MULTIPLIERS: Record<string, number> = { dozen: 12, hundred: 100 };
const EN_SCALES: Record<string, number> = { thousand: 3, million: 6, billion: 9, trillion: 12 };
/** English month names, January first. */
export const EN_MONTHS = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December'
];

/** The value of a run of English number words (already lower-cased), or undefined. */
function parseNumberWords(words: string[]): number | undefined {
	let total = 0;
	let current = 0;
	let any = false;
	for (const w of words) {
		if (w === 'and') continue;
		if (w === 'a') {
			current += 1;
			continue;
		}
		if (w in EN_UNITS) current += EN_UNITS[w]!;
		else if (w in EN_ORDINALS) current += EN_ORDINALS[w]! >= 100 ? 0 : EN_ORDINALS[w]!;
		else if (w in EN_MULTIPLIERS) current = (current || 1) * EN_MULTIPLIERS[w]!;
		else if (w in EN_SCALES) {
			total += (current || 1) * 10 ** EN_SCALES[w]!;
			current = 0;
		} else return undefined;
		if (w === 'hundredth') current = (current || 1) * 100;
		if (w === 'thousandth') {
			total += (current || 1) * 1000;
			current = 0;
		}
		any = true;
	}
	return any ? total + current : undefined;
}

const isNumberWord = (w: string) =>
	w in EN_UNITS || w in EN_ORDINALS || w in EN_MULTIPLIERS || w in EN_SCALES;

const EN_DIGITS = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g;
const CURRENCY_BEFORE = /(?:^|[^A-Za-z])(?:RMB|CNY|USD|US|HK|HKD|EUR|GBP|JPY|Rs)$/;
const ATTACHED_SUFFIX = /^(?:st|nd|rd|th|s|bn|mn|tn|km|kg|cm|mm|m|ha|t|mu|sq)(?![\p{L}])/iu;
const EN_SCALE_AFTER = /^(?:[\s-]*(thousand|million|billion|trillion)\b|\s?(bn|mn|tn)\b)/i;
const EN_PERCENT_AFTER = /^\s*(?:%|per\s*cent\b|percent\b|pct\b)/i;
const EN_ORDINAL_SUFFIX = /^(?:st|nd|rd|th)\b/i;
const EN_RANGE = /^\s*(?:to|and|-|–|—|~)\s*$/;
const ROMAN_AFTER =
	/\b(?:Phase|Stage|Part|Round|Batch|Level|Grade|Class|Type|Chapter|Article|Section|Volume|Tier)\s+([IVXL]+)\b/g;

function parseRoman(s: string): number | undefined {
	if (!/^(?:L?X{0,3})(?:IX|IV|V?I{0,3})$/.test(s) || !s) return undefined;
	const v: Record<string, number> = { I: 1, V: 5, X: 10, L: 50 };
	let total = 0;
	for (let i = 0; i < s.length; i++) {
		const cur = v[s[i]!]!;
		const next = v[s[i + 1] ?? ''] ?? 0;
		total += cur < next ? -cur : cur;
	}
	return total;
}

/** Every figure in an English text, in order of appearance. */
export function extractEnglishNumbers(source: string): NumberMention[] {
	const text = normaliseWidth(source);
	const found: (NumberMention & { exp: number })[] = [];

	for (const m of text.matchAll(EN_DIGITS)) {
		const digits = m[0];
		const start = m.index;
		let end = start + digits.length;
		const before = text[start - 1] ?? '';
		if (LATIN.test(before) && !CURRENCY_BEFORE.test(text.slice(0, start))) continue;
		if (before === '-' && LATIN.test(text[start - 2] ?? '')) continue;
		let rest = text.slice(end);
		if (/^\p{L}/u.test(rest) && !ATTACHED_SUFFIX.test(rest)) continue;

		let kind: NumberKind = 'cardinal';
		let exp = 0;
		const ordinal = EN_ORDINAL_SUFFIX.exec(rest);
		if (ordinal && /^\d+$/.test(digits)) {
			kind = 'ordinal';
			end += ordinal[0].length;
		} else {
			const scale = EN_SCALE_AFTER.exec(rest);
			if (scale) {
				const word = (scale[1] ?? scale[2] ?? '').toLowerCase();
				exp = EN_SCALES[word] ?? { bn: 9, mn: 6, tn: 12 }[word] ?? 0;
				end += scale[0].length;
				rest = text.slice(end);
			}
			const percent = EN_PERCENT_AFTER.exec(rest);
			if (percent) {
				kind = 'percent';
				end += percent[0].length;
			} else if (!exp && /^\d{4}$/.test(digits) && Number(digits) >= 1900 && Number(digits) <= 2100)
				kind = 'year';
		}
		found.push(digitsMention(source, start, end, digits, exp, kind));
	}

	// In "10 to 50 million" the 10 may share the scale of the 50.
	for (let i = 0; i + 1 < found.length; i++) {
		const a = found[i]!;
		const b = found[i + 1]!;
		if (a.exp || !b.exp || a.kind !== 'cardinal' || !EN_RANGE.test(text.slice(a.end, b.start))) continue;
		a.alternatives.push(scaleDecimal(a.text.replace(/[^\d.]/g, ''), b.exp));
	}

	const mentions: NumberMention[] = found.map(({ exp: _e, ...mention }) => mention);
	const taken = (s: number, e: number) => mentions.some((f) => s < f.end && f.start < e);

	// Number words, grouped when joined by spaces, hyphens or "and": "twenty-one", "one hundred and five".
	const words = [...text.matchAll(/[A-Za-z]+/g)];
	for (let i = 0; i < words.length; i++) {
		const first = words[i]!;
		const lower = first[0].toLowerCase();
		const startsWithA = lower === 'a' && isNumberWord((words[i + 1]?.[0] ?? '').toLowerCase());
		if (!isNumberWord(lower) && !startsWithA) continue;
		if (startsWithA) {
			const next = (words[i + 1]?.[0] ?? '').toLowerCase();
			const gap = text.slice(first.index + 1, words[i + 1]!.index);
			if (!(next in EN_MULTIPLIERS || next in EN_SCALES) || !/^\s+$/.test(gap)) continue;
		}
		let j = i;
		const group = [lower];
		while (j + 1 < words.length) {
			const cur = words[j]!;
			const next = words[j + 1]!;
			const gap = text.slice(cur.index + cur[0].length, next.index);
			if (!/^[\s-]+$/.test(gap) || gap.length > 2) break;
			const w = next[0].toLowerCase();
			const last = group[group.length - 1]!;
			if (last in EN_ORDINALS) break;
			if (w === 'and') {
				const after = (words[j + 2]?.[0] ?? '').toLowerCase();
				const gap2 = words[j + 2] ? text.slice(next.index + 3, words[j + 2]!.index) : '';
				if (!(last in EN_MULTIPLIERS || last in EN_SCALES) || !isNumberWord(after) || !/^\s+$/.test(gap2))
					break;
			} else if (!isNumberWord(w)) break;
			// "twice" and "double" stand alone.
			if (
				['twice', 'double', 'triple', 'treble'].includes(w) ||
				['twice', 'double', 'triple', 'treble'].includes(last)
			)
				break;
			group.push(w);
			j++;
		}
		const lastWord = words[j]!;
		const start = first.index;
		const end = lastWord.index + lastWord[0].length;
		i = j;
		const value = parseNumberWords(group);
		if (value === undefined || taken(start, end)) continue;
		mentions.push({
			text: source.slice(start, end),
			start,
			end,
			value,
			alternatives: [],
			kind: group[group.length - 1]! in EN_ORDINALS ? 'ordinal' : 'cardinal',
			form: 'words'
		});
	}

	for (const m of text.matchAll(
		/\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/g
	))
		mentions.push({
			text: m[0],
			start: m.index,
			end: m.index + m[0].length,
			value: EN_MONTHS.indexOf(m[0]) + 1,
			alternatives: [],
			kind: 'month',
			form: 'month-name'
		});

	for (const m of text.matchAll(ROMAN_AFTER)) {
		const roman = m[1]!;
		const value = parseRoman(roman);
		if (value === undefined) continue;
		const start = m.index + m[0].length - roman.length;
		mentions.push({
			text: roman,
			start,
			end: start + roman.length,
			value,
			alternatives: [],
			kind: 'cardinal',
			form: 'roman'
		});
	}
	return mentions.sort(byStart);
}

// ---------------------------------------------------------------------------------------------------------------
// Comparison and display

/** Equal values, allowing for floating-point noise only. */
export function sameValue(a: number, b: number): boolean {
	return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** All values a mention may stand for. */
export const valuesOf = (m: NumberMention) => [m.value, ...m.alternatives];

const ORDINAL_SUFFIX = (n: number) => {
	const t = n % 100;
	if (t >= 11 && t <= 13) return 'th';
	return ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
};

const APPROX_WORDS: Record<Approximation, string> = {
	about: 'about',
	nearly: 'nearly',
	over: 'over',
	'more-than': 'more than',
	under: 'under'
};

/** A mention's value in English conventions: 185,660,000,000; 5.3%; 15th; October; nearly 5,000. */
export function formatValue(m: Pick<NumberMention, 'value' | 'kind' | 'approx'>): string {
	const n = m.value.toLocaleString('en-US', { maximumFractionDigits: 10 });
	const plain =
		m.kind === 'percent'
			? `${n}%`
			: m.kind === 'ordinal'
				? `${m.value}${ORDINAL_SUFFIX(m.value)}`
				: m.kind === 'month'
					? (EN_MONTHS[m.value - 1] ?? n)
					: m.kind === 'year'
						? String(m.value)
						: n;
	return m.approx ? `${APPROX_WORDS[m.approx]} ${plain}` : plain;
}
