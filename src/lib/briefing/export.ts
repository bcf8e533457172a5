/**
 * The key figures as files: CSV (RFC 4180 through the one delimited writer, so formula-like cells are
 * neutralised) and JSON. Pure.
 */
import { delimitedRecords } from '$lib/exports/delimited';
import type { ExchangeRate } from './schema';
import type { FigureRow } from './figures';

/** The CSV columns, in order. */
export const FIGURE_CSV_COLUMNS = [
	'segment',
	'zh',
	'en',
	'value',
	'unit',
	'display',
	'approx',
	'period',
	'change',
	'rank',
	'kind',
	'usd',
	'usd_rate',
	'link'
] as const;

const cell = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v));

/** The figures as CSV: a header, then one record per row; `link` is each sentence's address on `origin`. */
export function figuresCsv(
	rows: readonly FigureRow[],
	rate: ExchangeRate | null,
	link: (row: FigureRow) => string
): string {
	const records = rows.map((r) => [
		r.segmentId,
		r.zh,
		cell(r.measure),
		cell(r.value),
		cell(r.unit),
		r.display,
		cell(r.approx),
		cell(r.period),
		cell(r.change),
		cell(r.rank),
		r.kind,
		r.usd === null ? '' : r.usd.toFixed(2),
		r.usd === null || !rate ? '' : String(rate.rmbPerUsd),
		link(r)
	]);
	return delimitedRecords([[...FIGURE_CSV_COLUMNS], ...records]);
}

/** The figures as JSON, with the rate and its source. */
export function figuresJson(
	slug: string,
	rows: readonly FigureRow[],
	rate: ExchangeRate | null,
	link: (row: FigureRow) => string
): string {
	return JSON.stringify(
		{
			article: slug,
			exchangeRate: rate
				? { year: rate.year, rmbPerUsd: rate.rmbPerUsd, source: rate.source, published: rate.published }
				: null,
			figures: rows.map((r) => ({
				key: r.key,
				segment: r.segmentId,
				zh: r.zh,
				en: r.measure,
				value: r.value,
				unit: r.unit,
				display: r.display,
				approx: r.approx,
				period: r.period,
				change: r.change,
				rank: r.rank,
				kind: r.kind,
				usd: r.usd === null ? null : Number(r.usd.toFixed(2)),
				note: r.note,
				link: link(r)
			}))
		},
		null,
		2
	);
}
