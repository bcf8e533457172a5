/**
 * Saved words, as the browser stores them and as files carry them. One schema for every boundary: what the
 * popover hands to saveWord, what localStorage gives back (validated on every read), and each imported row.
 * Browser-safe: the reader's script bundles this.
 */
import * as v from 'valibot';

/** Bumped when the stored shape changes; a store written by another version is never overwritten blindly. */
export const STORE_VERSION = 1;

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

/** A saved word: the input plus when it was saved. */
export const SavedWordSchema = v.object({
	...SavedWordInputSchema.entries,
	/** When the word was saved (ISO 8601, UTC). */
	savedAt: v.pipe(v.string(), v.isoTimestamp())
});

export type SavedWord = v.InferOutput<typeof SavedWordSchema>;

/** The whole store under one localStorage key. */
export const StoreSchema = v.object({
	version: v.literal(STORE_VERSION),
	words: v.array(SavedWordSchema)
});

export type Store = v.InferOutput<typeof StoreSchema>;

/** The first problem of a failed parse, as "field: message" (for reports of damaged data and bad rows). */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
	const issue = issues[0];
	if (!issue) return '';
	const path = v.getDotPath(issue);
	return path ? `${path}: ${issue.message}` : issue.message;
}
