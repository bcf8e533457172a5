/**
 * The article and glossary model, defined once. Content files (YAML under `content/`) are parsed and then
 * validated against these schemas; every TypeScript type of the model is inferred from here.
 */
import * as v from 'valibot';
// Relative, not $lib: the build's content check (vite.config.ts) loads this file before the alias exists.
import { hasHan } from '../chinese';

/** Non-empty text after trimming. */
export const text = (what: string) =>
	v.pipe(v.string(`${what} must be text`), v.trim(), v.nonEmpty(`${what} is missing or empty`));

/** English text: non-empty and free of Chinese characters (a sign of an untranslated or half-translated field). */
export const english = (what: string) =>
	v.pipe(
		text(what),
		v.check((s) => !hasHan(s), `${what} contains Chinese characters; English fields hold English only`)
	);

/** Chinese source text: non-empty and containing at least one Chinese character. */
export const chinese = (what: string) =>
	v.pipe(
		text(what),
		v.check((s) => hasHan(s), `${what} holds no Chinese characters`)
	);

/** Stable identifier: lowercase letters, digits and hyphens. */
export const IdSchema = v.pipe(
	v.string('id must be text'),
	v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'id must be lowercase letters, digits and single hyphens')
);

/** A translator's or editor's note, in English and optionally Chinese. */
export const NoteSchema = v.strictObject({
	en: english('note.en'),
	zh: v.optional(chinese('note.zh'))
});

/** A sentence-sized unit of alignment, review and export: one TMX <tu>, one XLIFF <segment>. */
export const SegmentSchema = v.strictObject({
	id: IdSchema,
	zh: chinese('zh'),
	en: english('en'),
	note: v.optional(NoteSchema)
});

/** Text that exists in both languages but is not a translation unit of its own (the date and source lines). */
export const BilingualSchema = v.strictObject({
	zh: chinese('zh'),
	en: english('en')
});

const segments = v.pipe(v.array(SegmentSchema), v.minLength(1, 'needs at least one segment'));

/** A block that is only its segments: a heading, or an editor's note in the running text. */
const plainBlock = <T extends string>(type: T) => v.strictObject({ type: v.literal(type), id: IdSchema, segments });

export const HeadingBlockSchema = plainBlock('heading');

export const ParagraphBlockSchema = v.strictObject({
	type: v.literal('paragraph'),
	id: IdSchema,
	/** A lead or standfirst line is shown larger than body text. */
	lead: v.optional(v.boolean()),
	segments
});

export const CaptionBlockSchema = v.strictObject({
	type: v.literal('caption'),
	id: IdSchema,
	segments,
	/** The photographer's credit (王梦雄 摄): a segment of its own, read, translated and reviewed like the caption. */
	credit: v.optional(SegmentSchema),
	note: v.optional(NoteSchema)
});

export const NoteBlockSchema = plainBlock('note');

/** Source text known to be missing. Nothing is invented in either language; the note says what is lost. */
export const GapBlockSchema = v.strictObject({
	type: v.literal('gap'),
	id: IdSchema,
	note: NoteSchema
});

export const BlockSchema = v.variant(
	'type',
	[HeadingBlockSchema, ParagraphBlockSchema, CaptionBlockSchema, NoteBlockSchema, GapBlockSchema],
	'block type must be heading, paragraph, caption, note or gap'
);

export const ArticleSchema = v.strictObject({
	slug: IdSchema,
	title: SegmentSchema,
	subtitle: v.optional(SegmentSchema),
	/** The authors' names (周松华 龚雯雯): a segment, with pinyin, translation and review like the text. */
	byline: v.optional(SegmentSchema),
	source: BilingualSchema,
	/** When the article was written or the period it covers, in words (e.g. "late 2022"). */
	date: BilingualSchema,
	notes: v.optional(v.array(NoteSchema), []),
	blocks: v.pipe(v.array(BlockSchema), v.minLength(1, 'an article needs at least one block')),
	/**
	 * An article whose source is written in Traditional characters keeps its Chinese here as written: each Chinese
	 * text of the article (converted to Simplified, which the dictionary, segmentation and pinyin read) → the text
	 * as the source has it. The reader shows it as written under its Traditional settings.
	 */
	written: v.optional(v.record(v.string(), v.string()))
});

export const GlossaryCategorySchema = v.picklist(
	[
		'slogan',
		'policy',
		'programme',
		'institution',
		'place',
		'zone',
		'company',
		'project',
		'market',
		'party',
		'governance',
		'economics',
		'jargon'
	],
	'category must be one of slogan, policy, programme, institution, place, zone, company, project, market, party, governance, economics, jargon'
);

export const ConfidenceSchema = v.strictObject({
	/** confirmed: official rendering or well-documented meaning; likely: sound inference; uncertain: could not be confirmed. */
	level: v.picklist(['confirmed', 'likely', 'uncertain'], 'confidence.level must be confirmed, likely or uncertain'),
	note: v.optional(english('confidence.note'))
});

export const GlossaryEntrySchema = v.strictObject({
	id: IdSchema,
	term: chinese('term'),
	/** Other spellings and short forms found in text; matched like the term itself. */
	aliases: v.optional(v.array(chinese('alias')), []),
	/** Hanyu Pinyin, word-joined per the orthography rules (e.g. "kuòzhōng tídī"). */
	pinyin: text('pinyin'),
	literal: english('literal'),
	rendering: v.strictObject({
		en: english('rendering.en'),
		source: english('rendering.source')
	}),
	/**
	 * Admitted forms of the rendering: other grammatical forms, spellings, official long or short names. Matched
	 * in English text and accepted by QA.
	 */
	alsoRendered: v.optional(v.array(english('alsoRendered')), []),
	/**
	 * Renderings in use elsewhere that this glossary does not prefer (wrong, misleading or superseded). Not
	 * highlighted; the review QA flags a segment whose English uses one where the term stands in the Chinese.
	 */
	avoid: v.optional(v.array(english('avoid')), []),
	expansion: v.optional(BilingualSchema),
	explanation: english('explanation'),
	category: GlossaryCategorySchema,
	related: v.optional(v.array(IdSchema), []),
	confidence: ConfidenceSchema
});

export const GlossarySchema = v.pipe(v.array(GlossaryEntrySchema), v.minLength(1, 'the glossary is empty'));

/** A proofread pinyin correction: wherever `word` occurs, its characters read `pinyin`. */
export const PinyinOverrideSchema = v.strictObject({
	word: chinese('word'),
	/** Space-separated syllables with tone marks, one per character of `word`. */
	pinyin: text('pinyin'),
	/** A sentence (or part) of a curated article where the correction applies; the unit test reads it. */
	example: chinese('example'),
	/** Why: what the word means here and what the automatic reading got wrong. */
	reason: text('reason')
});

export const PinyinOverridesSchema = v.array(PinyinOverrideSchema);

export type Note = v.InferOutput<typeof NoteSchema>;
export type Segment = v.InferOutput<typeof SegmentSchema>;
export type Bilingual = v.InferOutput<typeof BilingualSchema>;
export type Block = v.InferOutput<typeof BlockSchema>;
export type Article = v.InferOutput<typeof ArticleSchema>;
export type GlossaryEntry = v.InferOutput<typeof GlossaryEntrySchema>;
export type GlossaryCategory = v.InferOutput<typeof GlossaryCategorySchema>;
export type PinyinOverride = v.InferOutput<typeof PinyinOverrideSchema>;
