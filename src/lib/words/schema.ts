/**
 * Saved words, as the browser stores them and as files carry them. One schema for every boundary: what the
 * popover hands to saveWord, what localStorage gives back (validated on every read), and each imported row.
 * Browser-safe: the reader's script bundles this.
 */
import * as v from 'valibot';

/**
 * Bumped when the stored shape changes. An older store is migrated when read (migrateStore); a store written by a
 * newer version is reported, never overwritten. 1: words only. 2: each word's flashcard, known words, study settings.
 */
export const STORE_VERSION = 2;

const text = (max: number) => v.pipe(v.string(), v.trim(), v.nonEmpty(), v.maxLength(max));

/** Article slugs and segment ids as the content schema allows them (and as they go into a link). */
const IdSchema = v.pipe(v.string(), v.trim(), v.regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/));

/** What the reader's word popover passes to saveWord. */
export const SavedWordInputSchema = v.object({
	/** The word in simplified characters; also its identity in the list (a word is saved once). */
	word: v.pipe(text(32), v.regex(/^[^#\s][^\t\r\n]*$/u)),
	/** Tone-marked pinyin, e.g. "gǎng chéng". */
	pinyin: text(200),
	/** The dictionary meaning, senses joined by "; ". */
	meaning: text(2000),
	/** HSK 2.0 level, when the word is on the lists. */
	hsk: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(6))),
	/** Traditional characters, when they differ. */
	traditional: v.optional(text(32)),
	/** The Chinese sentence the word was saved from. */
	sentenceZh: text(2000),
	/**
	 * Where in that sentence the word was tapped (UTF-16 offset), so that only that occurrence is marked: a word
	 * of one character (党) is also inside other words of the sentence (党建, 党委). Absent in older saves and
	 * imported files, which mark every occurrence.
	 */
	at: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(2000))),
	/** Its English translation; empty for a text read at /read, which has none (nothing fills the gap). */
	sentenceEn: v.pipe(v.string(), v.trim(), v.maxLength(4000)),
	/** The article the sentence is in. */
	slug: IdSchema,
	/** The sentence's segment id, for the link back to it. */
	segmentId: IdSchema,
	/** The article's title (English), shown with the link. */
	articleTitle: text(500)
});

export type SavedWordInput = v.InferInput<typeof SavedWordInputSchema>;

const timestamp = v.pipe(v.string(), v.isoTimestamp());
const count = (max: number) => v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(max));
/** The longest interval FSRS schedules (ts-fsrs's maximum_interval and S_MAX): a hundred years, in days. */
export const MAX_DAYS = 36_500;

/**
 * A word's flashcard: the FSRS memory state ts-fsrs computes (src/lib/study/scheduler.ts converts), in days and
 * ISO timestamps. Every field is checked against the range FSRS can produce, so a hand-edited or damaged file is
 * refused rather than scheduling nonsense.
 */
export const CardSchema = v.pipe(
	v.object({
		/** When the card is next due. */
		due: timestamp,
		/** Memory stability in days (0 before the first review). */
		stability: v.pipe(v.number(), v.minValue(0), v.maxValue(MAX_DAYS)),
		/** FSRS difficulty, 1–10 (0 before the first review). */
		difficulty: v.pipe(v.number(), v.minValue(0), v.maxValue(10)),
		/** The interval last scheduled, in days. */
		scheduledDays: count(MAX_DAYS),
		/** Which (re)learning step the card is on. */
		learningSteps: count(100),
		reps: count(1_000_000),
		lapses: count(1_000_000),
		/** 0 new, 1 learning, 2 review, 3 relearning (ts-fsrs's State). */
		state: count(3),
		/** When it was last reviewed. */
		lastReview: v.optional(timestamp),
		/** When it was first studied (for the new cards per day). */
		introduced: timestamp
	}),
	v.check((c) => c.lapses <= c.reps, 'lapses cannot exceed reps'),
	v.check((c) => c.state === 0 || c.lastReview !== undefined, 'a studied card needs its last review time')
);

export type Card = v.InferOutput<typeof CardSchema>;

/** A saved word: the input plus when it was saved, and its flashcard once studied. */
export const SavedWordSchema = v.object({
	...SavedWordInputSchema.entries,
	/** When the word was saved (ISO 8601, UTC). */
	savedAt: timestamp,
	/** Its flashcard, once studied; a word without one is a new card. */
	card: v.optional(CardSchema)
});

export type SavedWord = v.InferOutput<typeof SavedWordSchema>;

/** A word as the dictionary keys it (what `known` holds). */
export const WordKeySchema = SavedWordInputSchema.entries.word;

/** How the learner studies. */
export const StudySettingsSchema = v.object({
	/** New cards introduced per day. */
	newPerDay: v.optional(count(500), 20),
	/** The card's front: the word alone, or its sentence with the word marked. */
	front: v.optional(v.picklist(['word', 'sentence']), 'word')
});

export type StudySettings = v.InferOutput<typeof StudySettingsSchema>;
export const DEFAULT_STUDY_SETTINGS: StudySettings = v.parse(StudySettingsSchema, {});

/** The whole store under one localStorage key (version 2). */
export const StoreSchema = v.object({
	version: v.literal(STORE_VERSION),
	words: v.array(SavedWordSchema),
	/** Words the learner knows (saved or not): their pinyin can be hidden and they count as known in every text. */
	known: v.optional(v.pipe(v.array(WordKeySchema), v.maxLength(200_000)), []),
	settings: v.optional(StudySettingsSchema, DEFAULT_STUDY_SETTINGS)
});

export type Store = v.InferOutput<typeof StoreSchema>;

/** Version 1: saved words only (before flashcards and known words). */
const StoreV1Schema = v.object({
	version: v.literal(1),
	words: v.array(v.object({ ...SavedWordInputSchema.entries, savedAt: timestamp }))
});

/** Each older version's schema and its step to the next version. */
const MIGRATIONS: Record<number, (data: unknown) => v.SafeParseResult<v.GenericSchema>> = {
	1: (data) => {
		const old = v.safeParse(StoreV1Schema, data);
		return old.success
			? v.safeParse(StoreSchema, { version: 2, words: old.output.words })
			: (old as v.SafeParseResult<v.GenericSchema>);
	}
};

/**
 * Validate stored or imported data of any version this code knows, migrating older versions to the current one.
 * `newer` means a later version of the app wrote it: it must not be read (or overwritten) by this one.
 */
export function migrateStore(
	data: unknown
):
	| { ok: true; store: Store; migratedFrom?: number }
	| { ok: false; problem: 'schema' | 'version'; detail: string } {
	const version = (data as { version?: unknown } | null)?.version;
	if (typeof version === 'number' && version !== STORE_VERSION) {
		const migrate = MIGRATIONS[version];
		if (!migrate) return { ok: false, problem: 'version', detail: `format version ${version}` };
		const result = migrate(data);
		return result.success
			? { ok: true, store: result.output as Store, migratedFrom: version }
			: { ok: false, problem: 'schema', detail: describeIssues(result.issues) };
	}
	const result = v.safeParse(StoreSchema, data);
	return result.success
		? { ok: true, store: result.output }
		: { ok: false, problem: 'schema', detail: describeIssues(result.issues) };
}

/** The first problem of a failed parse, as "field: message" (for reports of damaged data and bad rows). */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
	const issue = issues[0];
	if (!issue) return '';
	const path = v.getDotPath(issue);
	return path ? `${path}: ${issue.message}` : issue.message;
}
