/**
 * The briefing's content model, defined once: per-article briefing files (content/briefing/<slug>.yaml: section
 * summaries, figure curation), the shared entity list (content/briefing/entities.yaml) and the official exchange
 * rates (content/briefing/exchange-rates.yaml). Validated at build and in the tests; types are inferred here.
 */
import * as v from 'valibot';
import { IdSchema, chinese, english, text } from '../content/schema';

/** Kinds of figure, by what the value counts. */
export const FIGURE_KINDS = [
	'money',
	'people',
	'count',
	'area',
	'percentage',
	'ratio',
	'rating',
	'unnormalised'
] as const;
export type FigureKind = (typeof FIGURE_KINDS)[number];

/**
 * A translator's curation of one figure of an article: what it measures in English and, where the automatic
 * reading of the sentence is not precise enough, its period, change or rank; or why it is not a figure at all.
 */
export const FigureCurationSchema = v.strictObject({
	/** The segment holding the figure. */
	segment: IdSchema,
	/** The figure as the numbers engine reads it in the Chinese (e.g. `1856.6亿`, `近5000`, `三期`). */
	figure: text('figure'),
	/** Which occurrence of `figure` in the segment, from 1 (default 1). */
	occurrence: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), 1),
	/** What it measures, in English, as a table row says it. */
	measure: v.optional(english('measure')),
	period: v.optional(english('period')),
	change: v.optional(english('change')),
	rank: v.optional(english('rank')),
	/** A kind that the characters after the figure do not show (a ratio, a star rating). */
	kind: v.optional(v.picklist(FIGURE_KINDS, 'kind must be one of ' + FIGURE_KINDS.join(', '))),
	/** A translator's note on the row (what the source leaves unclear). */
	note: v.optional(english('note')),
	/** Not a quantity (part of a name, a version number, the bound of a band another row states): why. */
	omit: v.optional(english('omit'))
});
export type FigureCuration = v.InferOutput<typeof FigureCurationSchema>;

/** An editor's summary of one section of an article (a section runs from a heading to the next). */
export const SectionSummarySchema = v.strictObject({
	/** The heading block that opens the section, or "overview" for the whole article. */
	section: IdSchema,
	en: english('summary en')
});
export type SectionSummary = v.InferOutput<typeof SectionSummarySchema>;

/** One article's briefing: summaries, how its place words read, and the figures' curation. */
export const BriefingFileSchema = v.strictObject({
	slug: IdSchema,
	/** What 全市, 全省… mean in this article ("全市": Ningbo), for ranks such as 居全市第一. */
	places: v.optional(v.record(chinese('place word'), english('place')), {}),
	summaries: v.optional(v.array(SectionSummarySchema), []),
	figures: v.optional(v.array(FigureCurationSchema), [])
});
export type BriefingFile = v.InferOutput<typeof BriefingFileSchema>;

/** The types of named thing the "who and what" lists. */
export const ENTITY_TYPES = [
	'organisation',
	'company',
	'zone',
	'port',
	'project',
	'programme',
	'market',
	'place',
	'person'
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];
const entityType = v.picklist(ENTITY_TYPES, 'type must be one of ' + ENTITY_TYPES.join(', '));

/**
 * A named thing not in the glossary (or a glossary entry's type for the briefing). Found in the text by its
 * forms, longest first; a form that is also an ordinary word (沿海 "coastal") is matched only in the segments
 * listed under `only`.
 */
export const EntitySchema = v.strictObject({
	id: IdSchema,
	zh: chinese('zh'),
	en: english('en'),
	type: entityType,
	/** Other Chinese forms found in text (the `zh` is always one). */
	forms: v.optional(v.array(chinese('form')), []),
	/** A one-line description in English. */
	about: v.optional(english('about')),
	/** Where an ambiguous form is this entity: article slug → segment ids (the byline is "byline", a credit "<block>-credit"). */
	only: v.optional(v.record(IdSchema, v.array(v.string())))
});
export type Entity = v.InferOutput<typeof EntitySchema>;

export const EntitiesFileSchema = v.strictObject({
	/** Glossary entries that are named things, with their briefing type (categories map by default). */
	glossaryTypes: v.optional(v.record(IdSchema, entityType), {}),
	entities: v.array(EntitySchema)
});
export type EntitiesFile = v.InferOutput<typeof EntitiesFileSchema>;

/** An official annual-average exchange rate, with where it was published. */
export const ExchangeRateSchema = v.strictObject({
	year: v.pipe(v.number(), v.integer(), v.minValue(1990), v.maxValue(2100)),
	/** Yuan per US dollar. */
	rmbPerUsd: v.pipe(v.number(), v.minValue(1), v.maxValue(20)),
	/** Who published it and in what document (English). */
	source: english('source'),
	/** The publication date, YYYY-MM-DD. */
	published: v.pipe(v.string(), v.isoDate('published must be a date, YYYY-MM-DD')),
	/** The sentence of the source that gives the rate, as published. */
	quote: v.optional(chinese('quote')),
	/** How the rate was checked, and anything a reader should know. */
	note: v.optional(english('note'))
});
export type ExchangeRate = v.InferOutput<typeof ExchangeRateSchema>;

export const ExchangeRatesFileSchema = v.pipe(
	v.array(ExchangeRateSchema),
	v.check((rates) => new Set(rates.map((r) => r.year)).size === rates.length, 'a year is listed twice')
);
