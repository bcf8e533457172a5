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
}
