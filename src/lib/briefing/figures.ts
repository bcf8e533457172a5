/**
 * Key figures of an article for the briefing, from the numbers engine the translators' QA uses
 * ($lib/review/qa/numbers): every figure the QA requires in the English becomes a row with its value in familiar
 * units (1856.6亿元 → RMB 185.66 billion, 3.7万人 → 37,000 people, 亩 with hectares), the period the sentence
 * gives, the change and rank that follow it, the approximation kept, and US dollars at a stated official rate.
 * Months and years are periods; a percentage after 同比增长 is the change of the figure before it; an ordinal
 * after 居全市 is its rank. What the figure measures comes from a translator's curation (content/briefing) or,
 * failing that, from the clause of the English that carries the same value. A figure whose unit cannot be read is
 * listed as not normalised, never guessed. Pure.
 */
import { requiredFigures, type QaContext } from '$lib/review/qa';
import {
	EN_MONTHS as MONTHS,
	extractChineseNumbers,
	extractEnglishNumbers,
	sameValue,
	valuesOf,
	type Approximation,
	type NumberMention
} from '$lib/review/qa/numbers';
import type { ExchangeRate, FigureCuration, FigureKind } from './schema';

/** Where a figure's sentence sits: the segment and its English. */
export interface FigureSegment {
	id: string;
	zh: string;
	en: string;
	/** The reader's element id around it (block id). */
	anchor: string;
}

/** One row of the key-figures table. */
export interface FigureRow {
	/** Stable identity: segment id, the figure as written and its occurrence (`p3-2/1856.6亿/1`). */
	key: string;
	segmentId: string;
	anchor: string;
	/** The figure with its unit as written in the Chinese (`1856.6亿元`, `3.7万人`). */
	zh: string;
	/** What it measures, in English. */
	measure: string | null;
	/** Where `measure` came from. */
	measureFrom: 'curated' | 'english' | 'correction' | null;
	kind: FigureKind;
	/** The value in base units (yuan, people, m², mu, per cent…), or null when not normalised. */
	value: number | null;
	/** Machine-readable unit: CNY, people, count, m2, km2, ha, mu, percent, ratio, stars, tonnes. */
	unit: string | null;
	/** The value in familiar English units, approximation included: "over RMB 130 billion". */
	display: string;
	/** A second reading of the value: the hectares of an area in mu. */
	secondary: string | null;
	approx: Approximation | null;
	period: string | null;
	change: string | null;
	rank: string | null;
	/** US dollars at the rate, for money; null otherwise. */
	usd: number | null;
	usdDisplay: string | null;
	note: string | null;
}

/** A number in the text that is not a figure of the table, and why. */
export interface OmittedFigure {
	key: string;
	segmentId: string;
	anchor: string;
	zh: string;
	reason: string;
}

export interface FigureTable {
	rows: FigureRow[];
	omitted: OmittedFigure[];
	/** Curation entries that match no figure of the article (content errors the tests report). */
	unmatched: FigureCuration[];
}

export interface FigureOptions {
	/** The QA context (glossary matchers, the article's year). */
	ctx: QaContext;
	/** The year 今年 means, for periods. */
	year?: number;
	/** The article's date in English ("Late 2022"), for figures stated "now". */
	dateEn?: string;
	/** The official rate for the article's year, if stored. */
	rate?: ExchangeRate;
	/** Place words of ranks (全市 → Ningbo). */
	places?: Record<string, string>;
	curation?: readonly FigureCuration[];
}

const ZH_ORDINAL: Record<string, number> = {
	一: 1,
	二: 2,
	三: 3,
	四: 4,
	五: 5,
	六: 6,
	七: 7,
	八: 8,
	九: 9,
	十: 10
};
/** The words before an ordinal that make it a rank (居全市第一, 暂列全市首位). */
const RANK_BEFORE = /(?:居|位居|位列|保持|暂列|列)(?:全市|全省|全国|全区|省市)?$/;
const ORDINAL_WORDS = [
	'',
	'first',
	'second',
	'third',
	'fourth',
	'fifth',
	'sixth',
	'seventh',
	'eighth',
	'ninth',
	'tenth'
];

const APPROX_EN: Record<Approximation, string> = {
	about: 'about',
	nearly: 'nearly',
	over: 'over',
	'more-than': 'more than',
	under: 'under'
};

/** The unit words after a figure, longest first: the unit, the figure's kind and how many characters to take. */
const UNITS: { zh: string; unit: string; kind: FigureKind }[] = [
	{ zh: '平方公里', unit: 'km2', kind: 'area' },
	{ zh: '平方米', unit: 'm2', kind: 'area' },
	{ zh: '公顷', unit: 'ha', kind: 'area' },
	{ zh: '美元', unit: 'USD', kind: 'money' },
	{ zh: '元', unit: 'CNY', kind: 'money' },
	{ zh: '亩', unit: 'mu', kind: 'area' },
	{ zh: '人次', unit: 'person-times', kind: 'people' },
	{ zh: '人', unit: 'people', kind: 'people' },
	{ zh: '名', unit: 'people', kind: 'people' },
	{ zh: '吨', unit: 'tonnes', kind: 'count' },
	{ zh: '标箱', unit: 'TEU', kind: 'count' }
];
/** Measure words of plain counts (个, 家, 项…). */
const COUNT_WORDS = /^[个家项座所批条期只台艘次户]/;

/** 1234567 → "1,234,567"; at most `digits` decimals. */
const num = (n: number, digits = 2) => n.toLocaleString('en-GB', { maximumFractionDigits: digits });

/** An amount with billion/million words: 185660000000 → "185.66 billion". */
export function scaled(n: number): string {
	const abs = Math.abs(n);
	if (abs >= 1e9) return `${num(n / 1e9, 3)} billion`;
	if (abs >= 1e6) return `${num(n / 1e6, 3)} million`;
	return num(n, 2);
}

/** Dollars at two decimals of their scale word: 27602920000 → "US$27.60 billion". */
export function usdText(n: number): string {
	const abs = Math.abs(n);
	const fixed = (v: number) =>
		v.toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
	if (abs >= 1e9) return `US$${fixed(n / 1e9)} billion`;
	if (abs >= 1e6) return `US$${fixed(n / 1e6)} million`;
	return `US$${Math.round(n).toLocaleString('en-GB')}`;
}

/** The period a sentence states, in English, or null. */
export function periodOf(zh: string, year: number | undefined, dateEn?: string): string | null {
	const y = year === undefined ? '' : ` ${year}`;
	const range = /(\d{1,2})\s*[至到-]\s*(\d{1,2})月/.exec(zh);
	if (range) {
		const [a, b] = [Number(range[1]), Number(range[2])];
		if (a >= 1 && b <= 12 && a < b) return `${MONTHS[a - 1]}–${MONTHS[b - 1]}${y}`;
	}
	const quarters = /前([一二三])季度/.exec(zh);
	if (quarters) return `Q1–Q${ZH_ORDINAL[quarters[1]!]}${y}`;
	const upTo = /截至(\d{1,2})月(?:底|末)/.exec(zh);
	if (upTo) return `to the end of ${MONTHS[Number(upTo[1]) - 1]}${y}`;
	if (/今年以来|年初以来/.test(zh)) return year === undefined ? 'this year to date' : `${year} to date`;
	if (/今年|本年/.test(zh)) return year === undefined ? 'this year' : String(year);
	if (/目前|截至目前|当前|现有/.test(zh) && dateEn)
		return `as of ${dateEn[0]!.toLowerCase()}${dateEn.slice(1)}`;
	return null;
}

/** A year-on-year change right after a figure (，同比增长5.3%) in English: "+5.3% year on year". */
function changeAfter(after: string): { text: string; length: number } | null {
	const m =
		/^[，,]?\s*(同比|比上年|较上年)?(增长|增加|提高|上升|下降|减少|回落)(\d+(?:\.\d+)?)(%|个百分点)/.exec(
			after
		);
	if (!m) return null;
	const sign = /下降|减少|回落/.test(m[2]!) ? '−' : '+';
	const unit = m[4] === '%' ? '%' : ' percentage points';
	const basis = m[1] ? ' year on year' : '';
	return { text: `${sign}${m[3]}${unit}${basis}`, length: m[0].length };
}

/** A rank right after a figure or its change (，居全市第一): "first in Ningbo". */
function rankAfter(after: string, places: Record<string, string>): string | null {
	const m =
		/^[，,]?\s*[^，。；、\d]{0,6}?(?:均)?(?:居|位居|位列|保持|暂列|列)(全市|全省|全国|全区|省市|[^\s，。；]{0,4}?)(第([一二三四五六七八九十])|首位|前列)/.exec(
			after
		);
	if (!m) return null;
	const where = m[1] || '';
	const place = places[where] ?? { 全国: 'China', 全市: 'the city', 全省: 'the province' }[where] ?? where;
	const n = m[3] ? ZH_ORDINAL[m[3]] : undefined;
	const what = n ? ORDINAL_WORDS[n] : m[2] === '首位' ? 'first' : 'among the highest';
	const provisional = /暂列/.test(m[0]) ? 'provisionally ' : '';
	return `${provisional}${what}${place ? ` in ${place}` : ''}`;
}

/** The unit after a figure, from the characters that follow it. */
function unitAfter(m: NumberMention, after: string): { unit: string; kind: FigureKind; zh: string } | null {
	if (m.kind === 'percent') return { unit: 'percent', kind: 'percentage', zh: '' };
	if (m.form === 'numeral') {
		// A Chinese numeral is a count with its measure word already in the mention (三期, 六个).
		return { unit: 'count', kind: 'count', zh: '' };
	}
	for (const u of UNITS) if (after.startsWith(u.zh)) return { unit: u.unit, kind: u.kind, zh: u.zh };
	const count = COUNT_WORDS.exec(after);
	if (count) return { unit: 'count', kind: 'count', zh: count[0] };
	return null;
}

/** The value in familiar English units. */
function display(value: number, unit: string, approx: Approximation | null): string {
	const prefix = approx ? `${APPROX_EN[approx]} ` : '';
	const body: Record<string, () => string> = {
		CNY: () => `RMB ${scaled(value)}`,
		USD: () => usdText(value),
		people: () => `${num(value)} ${value === 1 ? 'person' : 'people'}`,
		'person-times': () => `${num(value)} person-times`,
		m2: () => `${num(value)} m²`,
		km2: () => `${num(value)} km²`,
		ha: () => `${num(value)} ha`,
		mu: () => `${num(value)} mu`,
		percent: () => `${num(value, 3)}%`,
		ratio: () => num(value, 3),
		stars: () => `${num(value)} stars`,
		tonnes: () => `${scaled(value)} tonnes`,
		TEU: () => `${scaled(value)} TEU`,
		count: () => scaled(value)
	};
	return prefix + (body[unit] ?? (() => num(value)))();
}

/** The English clause that carries the same value (what it measures, as the translation says it). */
function englishClause(en: string, m: NumberMention): string | null {
	const hit = extractEnglishNumbers(en).find((e) => valuesOf(e).some((v) => sameValue(v, m.value)));
	if (!hit) return null;
	const starts = [...en.slice(0, hit.start).matchAll(/[,;:—(]|\band\b/g)].map((x) => x.index + x[0].length);
	const from = starts.length ? starts[starts.length - 1]! : 0;
	const stop = /[,;:—)]|$/.exec(en.slice(hit.end));
	const to = hit.end + (stop ? stop.index : 0);
	const clause = en.slice(from, to).trim().replace(/\.$/, '');
	return clause ? clause[0]!.toUpperCase() + clause.slice(1) : null;
}

/** Occurrence keys: the n-th time a figure is written the same way in a segment. */
function keyer() {
	const seen = new Map<string, number>();
	return (segmentId: string, text: string) => {
		const k = `${segmentId}/${text}`;
		const n = (seen.get(k) ?? 0) + 1;
		seen.set(k, n);
		return `${k}/${n}`;
	};
}

/** The key figures of an article's segments, with what is not a figure and why. */
export function figureTable(segments: readonly FigureSegment[], options: FigureOptions): FigureTable {
	const { ctx, year, dateEn, rate, places = {}, curation = [] } = options;
	const curated = new Map(curation.map((c) => [`${c.segment}/${c.figure}/${c.occurrence}`, c]));
	const used = new Set<string>();
	const rows: FigureRow[] = [];
	const omitted: OmittedFigure[] = [];
	const key = keyer();

	for (const s of segments) {
		const required = new Set(requiredFigures(s.zh, ctx).map((m) => m.start));
		const all = extractChineseNumbers(s.zh);
		const period = periodOf(s.zh, year, dateEn);
		let last: FigureRow | null = null;
		for (const m of all) {
			const k = key(s.id, m.text);
			const cur = curated.get(k);
			if (cur) used.add(k);
			const after = s.zh.slice(m.end);
			const place = { key: k, segmentId: s.id, anchor: s.anchor };
			// Months, years and quarters (前三季度) are the period, read above.
			if (m.kind === 'month' || m.kind === 'year' || /季$/.test(m.text) || after.startsWith('季')) continue;
			if (!required.has(m.start)) {
				omitted.push({
					...place,
					zh: m.text,
					reason: 'Part of a glossary term or a quoted slogan, not a quantity.'
				});
				continue;
			}
			if (m.kind === 'ordinal') {
				// 居全市第一: the rank of the row before (read with it); any other ordinal is part of a name.
				if (RANK_BEFORE.test(s.zh.slice(0, m.start))) continue;
				omitted.push({ ...place, zh: m.text, reason: cur?.omit ?? 'An ordinal in a name, not a quantity.' });
				continue;
			}
			const change =
				m.kind === 'percent' && last
					? /(增长|增加|下降|减少|提高|回落)$/.test(s.zh.slice(0, m.start))
					: false;
			if (change) continue; // read as the change of the row before
			if (cur?.omit) {
				omitted.push({ ...place, zh: m.text, reason: cur.omit });
				continue;
			}
			const unit = unitAfter(m, after);
			const kind: FigureKind = cur?.kind ?? unit?.kind ?? 'unnormalised';
			const unitName =
				cur?.kind === 'ratio' ? 'ratio' : cur?.kind === 'rating' ? 'stars' : (unit?.unit ?? null);
			const normalised = kind !== 'unnormalised' && unitName !== null;
			const approx = m.approx ?? null;
			const tail = s.zh.slice(m.end + (unit?.zh.length ?? 0));
			const ch = changeAfter(tail);
			const rank = rankAfter(ch ? tail.slice(ch.length) : tail, places);
			const measureFromEnglish = englishClause(s.en, m);
			const usd = normalised && unitName === 'CNY' && rate ? m.value / rate.rmbPerUsd : null;
			const row: FigureRow = {
				...place,
				zh: m.text + (unit?.zh ?? ''),
				measure: cur?.measure ?? measureFromEnglish,
				measureFrom: cur?.measure ? 'curated' : measureFromEnglish ? 'english' : null,
				kind: normalised ? kind : 'unnormalised',
				value: normalised ? m.value : null,
				unit: normalised ? unitName : null,
				display: normalised ? display(m.value, unitName!, approx) : m.text,
				secondary: normalised && unitName === 'mu' ? `about ${num(m.value / 15, 1)} ha` : null,
				approx,
				period: cur?.period ?? period,
				change: cur?.change ?? ch?.text ?? null,
				rank: cur?.rank ?? rank,
				usd,
				usdDisplay: usd === null ? null : `${approx ? `${APPROX_EN[approx]} ` : ''}${usdText(usd)}`,
				note: cur?.note ?? null
			};
			rows.push(row);
			last = row;
		}
	}
	const unmatched = curation.filter((c) => !used.has(`${c.segment}/${c.figure}/${c.occurrence}`));
	return { rows, omitted, unmatched };
}

/** The editable fields of a row, which an editor's correction may replace. */
export const CORRECTABLE_FIELDS = ['measure', 'period', 'change', 'rank', 'note'] as const;
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];

/** An editor's correction of one field of a row. */
export interface FigureCorrection {
	key: string;
	field: CorrectableField;
	value: string;
	author: string;
	at: string;
}

/** The rows with editors' corrections applied (the latest correction of each field wins). */
export function applyCorrections(
	rows: readonly FigureRow[],
	corrections: readonly FigureCorrection[]
): (FigureRow & { corrections: FigureCorrection[] })[] {
	return rows.map((row) => {
		const mine = corrections.filter((c) => c.key === row.key);
		const out = { ...row, corrections: mine };
		for (const c of mine) {
			const value = c.value.trim() === '' ? null : c.value.trim();
			out[c.field] = value;
			if (c.field === 'measure') out.measureFrom = 'correction';
		}
		return out;
	});
}
