/**
 * The database tables, typed once for Kysely. Column names are the SQL names (snake_case); the stores map rows to
 * camelCase objects. Times are ISO 8601 UTC strings (`Date#toISOString()`), which sort and compare as text.
 * The SQL that creates these tables is in migrations.ts; keep the two in step.
 */
import type { Generated } from 'kysely';
import type { Role } from '$lib/review/roles';
import type { ReviewStatus } from '$lib/review/status';

/** A person who may sign in to review translations (added with `npm run reviewer:add`). */
export interface ReviewersTable {
	id: Generated<number>;
	/** Lowercase; unique. */
	username: string;
	/** PHC-style scrypt string with its parameters, see auth/password.ts. */
	password_hash: string;
	created_at: string;
	password_updated_at: string;
	/** What the account may do ($lib/review/roles); 'reviewer' for accounts made before roles existed. */
	role: Generated<Role>;
}

/** A signed-in browser. Only the SHA-256 of the cookie token is stored. */
export interface SessionsTable {
	token_hash: string;
	reviewer_id: number;
	created_at: string;
	expires_at: string;
	/** When the expiry was last pushed forward (sliding expiry writes at most hourly). */
	refreshed_at: string;
}

/** A failed (or in-flight) sign-in attempt, kept for the rate-limit window. */
export interface LoginFailuresTable {
	id: Generated<number>;
	/** Normalised (trimmed, lowercased) username as typed, whether or not such a reviewer exists. */
	username: string;
	ip: string | null;
	at: string;
	/** SHA-256 of the known-device token sent with the attempt, if any. */
	device_hash: string | null;
}

/** A browser a reviewer has signed in from (its cookie's token, hashed): exempt from throttling for that reviewer. */
export interface KnownDevicesTable {
	token_hash: string;
	reviewer_id: number;
	created_at: string;
	last_used_at: string;
}

/** The current review state of a segment; no row = version 0, the content-file text untouched. */
export interface SegmentStatesTable {
	slug: string;
	segment_id: string;
	en: string;
	status: ReviewStatus;
	/** ≥ 1; bumped by every save. */
	version: number;
	/** The English the public reader shows; null = the content file's English. */
	approved_en: string | null;
	approved_by: number | null;
	approved_at: string | null;
	approved_version: number | null;
	updated_by: number;
	updated_at: string;
}

/** One row per save: who, when, old → new text and status, and the version the save produced. */
export interface SegmentHistoryTable {
	id: Generated<number>;
	slug: string;
	segment_id: string;
	/** The version this save created (unique per segment). */
	version: number;
	reviewer_id: number;
	at: string;
	/** null = the content file's English (the save was from version 0). */
	old_en: string | null;
	new_en: string;
	old_status: ReviewStatus;
	new_status: ReviewStatus;
}

/** A reviewer's autosaved, not yet saved, English for a segment. */
export interface SegmentDraftsTable {
	slug: string;
	segment_id: string;
	reviewer_id: number;
	en: string;
	/** The segment version the draft was started from. */
	base_version: number;
	updated_at: string;
}

/** A comment on a segment. The body is plain text stored verbatim; escaping is the view's job. */
export interface SegmentCommentsTable {
	id: Generated<number>;
	slug: string;
	segment_id: string;
	reviewer_id: number;
	body: string;
	created_at: string;
}

/** A QA warning a reviewer accepted (decided is not a problem), with the reason; revocation is recorded, not deleted. */
export interface QaAcceptancesTable {
	id: Generated<number>;
	slug: string;
	segment_id: string;
	warning_key: string;
	reason: string;
	accepted_by: number;
	accepted_at: string;
	revoked_by: number | null;
	revoked_at: string | null;
}

/** A translation unit imported into the memory from a TMX file. */
export interface MemoryUnitsTable {
	id: Generated<number>;
	zh: string;
	en: string;
	/** The name of the file it came from. */
	file: string;
	imported_by: number;
	imported_at: string;
}

/** An article brought in through the app: the article model as JSON, English empty until reviews approve it. */
export interface ArticlesTable {
	slug: string;
	/** JSON of an `Article` (src/lib/content/schema.ts) whose English fields are empty; validated on read. */
	document: string;
	/** Chinese characters in the article. */
	characters: number;
	/** The file it was imported from, if any. */
	file_name: string | null;
	/** The encoding the text was decoded from (UTF-8, GB18030…), if it came as bytes. */
	encoding: string | null;
	/** Null when imported from the command line. */
	created_by: number | null;
	created_at: string;
	updated_at: string;
	/** Set while published; null = a draft only signed-in accounts see. */
	published_at: string | null;
	published_by: number | null;
}

/** An editor's import in progress: the structure preview's state as JSON (see $lib/server/articles). */
export interface ArticleImportsTable {
	/** Random, unguessable (it appears in the URL). */
	id: string;
	reviewer_id: number;
	state: string;
	created_at: string;
	updated_at: string;
}

/** An editor's correction of one field of a briefing figure row (append-only; the latest per field wins). */
export interface FigureCorrectionsTable {
	id: Generated<number>;
	slug: string;
	/** The row's key (`<segment id>/<figure>/<occurrence>`, see $lib/briefing/figures). */
	figure_key: string;
	field: 'measure' | 'period' | 'change' | 'rank' | 'note';
	/** The new text; empty clears the field. */
	value: string;
	reviewer_id: number;
	at: string;
}

/** A review of an editor's section summary (append-only; the latest row of a section is its state). */
export interface SummaryReviewsTable {
	id: Generated<number>;
	slug: string;
	/** The heading block id opening the section, or "overview". */
	section: string;
	en: string;
	status: ReviewStatus;
	reviewer_id: number;
	at: string;
}

/** A glossary entry made in the app (curated entries live in content/glossary.yaml). */
export interface GlossaryEntriesTable {
	id: string;
	/** The entry as JSON, in the glossary model (GlossaryEntrySchema). */
	entry: string;
	/** ≥ 1; bumped by every edit. */
	version: number;
	created_by: number;
	created_at: string;
	updated_by: number;
	updated_at: string;
}

/** What happened to a glossary entry made in the app. */
export type GlossaryAction = 'create' | 'update' | 'delete';

/** One row per change of a glossary entry made in the app; rows outlive the entry. */
export interface GlossaryHistoryTable {
	id: Generated<number>;
	entry_id: string;
	action: GlossaryAction;
	/** The entry's version after the change (for a deletion, the version deleted). */
	version: number;
	reviewer_id: number;
	at: string;
	/** The entry as JSON before the change; null for a creation. */
	before: string | null;
	/** The entry as JSON after the change; null for a deletion. */
	after: string | null;
}

/** An editor's pinyin correction (src/lib/server/pinyin/corrections.ts): `word` reads `pinyin` in imported text. */
export interface PinyinCorrectionsTable {
	id: Generated<number>;
	/** Chinese characters only; unique. */
	word: string;
	/** Numbered syllables, one per character of `word`, space-separated ("chong2 qing4"). */
	pinyin: string;
	/** The sentence the correction was made in; it contains `word`. */
	example: string;
	reason: string;
	corrected_by: number;
	corrected_at: string;
}

/** One assignee of one segment (an editor's assignment; several per segment allowed). */
export interface SegmentAssignmentsTable {
	slug: string;
	segment_id: string;
	/** The account the segment is assigned to. */
	reviewer_id: number;
	/** The editor who assigned it. */
	assigned_by: number;
	assigned_at: string;
}

/** All tables, for `Kysely<Tables>`. */
export interface Tables {
	reviewers: ReviewersTable;
	sessions: SessionsTable;
	login_failures: LoginFailuresTable;
	known_devices: KnownDevicesTable;
	segment_states: SegmentStatesTable;
	segment_history: SegmentHistoryTable;
	segment_drafts: SegmentDraftsTable;
	segment_comments: SegmentCommentsTable;
	qa_acceptances: QaAcceptancesTable;
	memory_units: MemoryUnitsTable;
	articles: ArticlesTable;
	article_imports: ArticleImportsTable;
	figure_corrections: FigureCorrectionsTable;
	summary_reviews: SummaryReviewsTable;
	glossary_entries: GlossaryEntriesTable;
	glossary_history: GlossaryHistoryTable;
	pinyin_corrections: PinyinCorrectionsTable;
	segment_assignments: SegmentAssignmentsTable;
}
