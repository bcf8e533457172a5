/**
 * Versioned schema migrations, provided in code (not a folder scan) so they ship inside the bundled server.
 * Kysely runs them in name order and records each in `kysely_migration`; never edit a migration that has shipped,
 * add a new one ('0002_…'). Migrations take Kysely's `Kysely<any>` (contextually typed) on purpose: they describe the schema as it was then, not
 * as schema.ts describes it now.
 */
import {
	PostgresAdapter,
	sql,
	type ColumnDefinitionBuilder,
	type Kysely,
	type Migration,
	type MigrationProvider
} from 'kysely';
import { REVIEW_STATUSES } from '$lib/review/status';
import { DEFAULT_ROLE, ROLES } from '$lib/review/roles';

/*
 * One set of migrations runs on SQLite and PostgreSQL. Columns are text and integer only; the two places where the
 * dialects differ are written twice here: a row id the database numbers itself, and "now" as stored text.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations describe the schema as it was then
type AnyDb = Kysely<any>;

const onPostgres = (db: AnyDb) => db.getExecutor().adapter instanceof PostgresAdapter;

/** The time now as the stores write it (ISO 8601 UTC with milliseconds), as a column default. */
const now = (db: AnyDb) =>
	onPostgres(db)
		? sql`(to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`
		: sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

/** An integer primary key the database assigns (SQLite's AUTOINCREMENT; an identity column on PostgreSQL). */
const rowId = (db: AnyDb) => (c: ColumnDefinitionBuilder) =>
	onPostgres(db) ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement();

export const migrations: Record<string, Migration> = {
	'0001_review_and_reviewers': {
		async up(db) {
			await db.schema
				.createTable('reviewers')
				.addColumn('id', 'integer', rowId(db))
				.addColumn('username', 'text', (c) =>
					c
						.notNull()
						.unique()
						.check(sql`username = lower(username)`)
				)
				.addColumn('password_hash', 'text', (c) => c.notNull())
				.addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now(db)))
				.addColumn('password_updated_at', 'text', (c) => c.notNull().defaultTo(now(db)))
				.execute();

			await db.schema
				.createTable('sessions')
				.addColumn('token_hash', 'text', (c) => c.primaryKey())
				.addColumn('reviewer_id', 'integer', (c) =>
					c.notNull().references('reviewers.id').onDelete('cascade')
				)
				.addColumn('created_at', 'text', (c) => c.notNull())
				.addColumn('expires_at', 'text', (c) => c.notNull())
				.addColumn('refreshed_at', 'text', (c) => c.notNull())
				.execute();
			await db.schema.createIndex('sessions_reviewer').on('sessions').column('reviewer_id').execute();
			await db.schema.createIndex('sessions_expires').on('sessions').column('expires_at').execute();

			await db.schema
				.createTable('login_failures')
				.addColumn('id', 'integer', rowId(db))
				.addColumn('username', 'text', (c) => c.notNull())
				.addColumn('ip', 'text')
				.addColumn('at', 'text', (c) => c.notNull())
				.execute();
			await db.schema
				.createIndex('login_failures_username')
				.on('login_failures')
				.columns(['username', 'at'])
				.execute();
			await db.schema.createIndex('login_failures_ip').on('login_failures').columns(['ip', 'at']).execute();
			await db.schema.createIndex('login_failures_at').on('login_failures').column('at').execute();

			// Built from the one status list; the text must stay what shipped (db.spec.ts checks it): a changed list
			// needs a new migration that rebuilds these constraints.
			const statuses = sql.raw(REVIEW_STATUSES.map((s) => `'${s}'`).join(', '));
			const status = (column: string) => sql`${sql.ref(column)} in (${statuses})`;

			await db.schema
				.createTable('segment_states')
				.addColumn('slug', 'text', (c) => c.notNull())
				.addColumn('segment_id', 'text', (c) => c.notNull())
				.addColumn('en', 'text', (c) => c.notNull())
				.addColumn('status', 'text', (c) => c.notNull().check(status('status')))
				.addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`))
				.addColumn('approved_en', 'text')
				.addColumn('approved_by', 'integer', (c) => c.references('reviewers.id'))
				.addColumn('approved_at', 'text')
				.addColumn('approved_version', 'integer')
				.addColumn('updated_by', 'integer', (c) => c.notNull().references('reviewers.id'))
				.addColumn('updated_at', 'text', (c) => c.notNull())
				.addPrimaryKeyConstraint('segment_states_pk', ['slug', 'segment_id'])
				.execute();

			await db.schema
				.createTable('segment_history')
				.addColumn('id', 'integer', rowId(db))
				.addColumn('slug', 'text', (c) => c.notNull())
				.addColumn('segment_id', 'text', (c) => c.notNull())
				.addColumn('version', 'integer', (c) => c.notNull())
				.addColumn('reviewer_id', 'integer', (c) => c.notNull().references('reviewers.id'))
				.addColumn('at', 'text', (c) => c.notNull())
				.addColumn('old_en', 'text')
				.addColumn('new_en', 'text', (c) => c.notNull())
				.addColumn('old_status', 'text', (c) => c.notNull().check(status('old_status')))
				.addColumn('new_status', 'text', (c) => c.notNull().check(status('new_status')))
				// One history row per version: a lost update would have to break this constraint.
				.addUniqueConstraint('segment_history_version', ['slug', 'segment_id', 'version'])
				.execute();

			await db.schema
				.createTable('segment_drafts')
				.addColumn('slug', 'text', (c) => c.notNull())
				.addColumn('segment_id', 'text', (c) => c.notNull())
				.addColumn('reviewer_id', 'integer', (c) =>
					c.notNull().references('reviewers.id').onDelete('cascade')
				)
				.addColumn('en', 'text', (c) => c.notNull())
				.addColumn('base_version', 'integer', (c) => c.notNull())
				.addColumn('updated_at', 'text', (c) => c.notNull())
				.addPrimaryKeyConstraint('segment_drafts_pk', ['slug', 'segment_id', 'reviewer_id'])
				.execute();
			await db.schema
				.createIndex('segment_drafts_reviewer')
				.on('segment_drafts')
				.columns(['reviewer_id', 'slug'])
				.execute();

			await db.schema
				.createTable('segment_comments')
				.addColumn('id', 'integer', rowId(db))
				.addColumn('slug', 'text', (c) => c.notNull())
				.addColumn('segment_id', 'text', (c) => c.notNull())
				.addColumn('reviewer_id', 'integer', (c) => c.notNull().references('reviewers.id'))
				.addColumn('body', 'text', (c) => c.notNull())
				.addColumn('created_at', 'text', (c) => c.notNull())
				.execute();
			await db.schema
				.createIndex('segment_comments_segment')
				.on('segment_comments')
				.columns(['slug', 'segment_id', 'id'])
				.execute();

			await db.schema
				.createTable('qa_acceptances')
				.addColumn('id', 'integer', rowId(db))
				.addColumn('slug', 'text', (c) => c.notNull())
				.addColumn('segment_id', 'text', (c) => c.notNull())
				.addColumn('warning_key', 'text', (c) => c.notNull())
				.addColumn('reason', 'text', (c) => c.notNull())
				.addColumn('accepted_by', 'integer', (c) => c.notNull().references('reviewers.id'))
				.addColumn('accepted_at', 'text', (c) => c.notNull())
				.addColumn('revoked_by', 'integer', (c) => c.references('reviewers.id'))
				.addColumn('revoked_at', 'text')
				.execute();
			// At most one live acceptance per warning; revoked ones stay as the record of who changed what.
			await db.schema
				.createIndex('qa_acceptances_live')
				.unique()
				.on('qa_acceptances')
				.columns(['slug', 'segment_id', 'warning_key'])
				.where(sql.ref('revoked_at'), 'is', null)
				.execute();
		}
	},
	'0002_login_throttle_and_known_devices': {
		async up(db) {
			// Failures typed on a known device are also counted per device (see auth/login.ts).
			await db.schema.alterTable('login_failures').addColumn('device_hash', 'text').execute();
			await db.schema
				.createIndex('login_failures_device')
				.on('login_failures')
				.columns(['device_hash', 'at'])
				.execute();
			// Browsers a reviewer signed in from: the cookie holds a random token, the table its SHA-256.
			await db.schema
				.createTable('known_devices')
				.addColumn('token_hash', 'text', (c) => c.primaryKey())
				.addColumn('reviewer_id', 'integer', (c) =>
					c.notNull().references('reviewers.id').onDelete('cascade')
				)
				.addColumn('created_at', 'text', (c) => c.notNull())
				.addColumn('last_used_at', 'text', (c) => c.notNull())
				.execute();
			await db.schema
				.createIndex('known_devices_reviewer')
				.on('known_devices')
				.column('reviewer_id')
				.execute();
		}
	},
	'0003_translation_memory': {
		async up(db) {
			// Translation units imported from other tools' TMX files (approved segments are read from
			// segment_states). One row per Chinese–English pair: importing the same pair again adds nothing.
			await db.schema
				.createTable('memory_units')
				.addColumn('id', 'integer', rowId(db))
				.addColumn('zh', 'text', (c) => c.notNull())
				.addColumn('en', 'text', (c) => c.notNull())
				.addColumn('file', 'text', (c) => c.notNull())
				.addColumn('imported_by', 'integer', (c) => c.notNull().references('reviewers.id'))
				.addColumn('imported_at', 'text', (c) => c.notNull())
				.addUniqueConstraint('memory_units_pair', ['zh', 'en'])
				.execute();
		}
	},
	'0004_roles_and_articles': {
		async up(db) {
			// Every account has a role; accounts made before roles existed are reviewers (what they could do then).
			const roles = sql.raw(ROLES.map((r) => `'${r}'`).join(', '));
			await db.schema
				.alterTable('reviewers')
				.addColumn('role', 'text', (c) =>
					c
						.notNull()
						.defaultTo(DEFAULT_ROLE)
						.check(sql`role in (${roles})`)
				)
				.execute();

			// Articles brought in through the app (/articles/new, article:import): the whole article as one JSON
			// document in the article model (src/lib/content/schema.ts, English empty), segment ids fixed when it is
			// saved. Published when published_at is set; unpublishing clears it and deletes nothing.
			await db.schema
				.createTable('articles')
				.addColumn('slug', 'text', (c) => c.primaryKey())
				.addColumn('document', 'text', (c) => c.notNull())
				.addColumn('characters', 'integer', (c) => c.notNull())
				.addColumn('file_name', 'text')
				.addColumn('encoding', 'text')
				.addColumn('created_by', 'integer', (c) => c.references('reviewers.id'))
				.addColumn('created_at', 'text', (c) => c.notNull())
				.addColumn('updated_at', 'text', (c) => c.notNull())
				.addColumn('published_at', 'text')
				.addColumn('published_by', 'integer', (c) => c.references('reviewers.id'))
				.execute();

			// An editor's import in progress (the structure preview), kept so it survives a reload and a restart.
			await db.schema
				.createTable('article_imports')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('reviewer_id', 'integer', (c) =>
					c.notNull().references('reviewers.id').onDelete('cascade')
				)
				.addColumn('state', 'text', (c) => c.notNull())
				.addColumn('created_at', 'text', (c) => c.notNull())
				.addColumn('updated_at', 'text', (c) => c.notNull())
				.execute();
			await db.schema
				.createIndex('article_imports_reviewer')
				.on('article_imports')
				.columns(['reviewer_id', 'updated_at'])
				.execute();
		}
	},
	'0005_glossary_edits': {
		async up(db) {
			// Glossary entries made in the app, beside the curated content/glossary.yaml (which stays read-only):
			// each entry is one JSON document in the glossary model (GlossaryEntrySchema), validated on write and
			// on read. `version` is bumped by every edit, for the edit form's conflict check.
			await db.schema
				.createTable('glossary_entries')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('entry', 'text', (c) => c.notNull())
				.addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`))
				.addColumn('created_by', 'integer', (c) => c.notNull().references('reviewers.id'))
				.addColumn('created_at', 'text', (c) => c.notNull())
				.addColumn('updated_by', 'integer', (c) => c.notNull().references('reviewers.id'))
				.addColumn('updated_at', 'text', (c) => c.notNull())
				.execute();
			// Every change, kept when the entry is deleted: who, when, the entry before and after (null for none).
			await db.schema
				.createTable('glossary_history')
				.addColumn('id', 'integer', rowId(db))
				.addColumn('entry_id', 'text', (c) => c.notNull())
				.addColumn('action', 'text', (c) => c.notNull().check(sql`action in ('create', 'update', 'delete')`))
				.addColumn('version', 'integer', (c) => c.notNull())
				.addColumn('reviewer_id', 'integer', (c) => c.notNull().references('reviewers.id'))
				.addColumn('at', 'text', (c) => c.notNull())
				.addColumn('before', 'text')
				.addColumn('after', 'text')
				.execute();
			await db.schema
				.createIndex('glossary_history_entry')
				.on('glossary_history')
				.columns(['entry_id', 'id'])
				.execute();
		}
	},
	'0006_pinyin_corrections': {
		async up(db) {
			// An editor's correction of the pinyin engine: `word` reads `pinyin` (numbered syllables, one per
			// character) wherever it occurs in imported text; `example` is the sentence it was corrected in.
			// One correction per word: correcting it again replaces it.
			await db.schema
				.createTable('pinyin_corrections')
				.addColumn('id', 'integer', rowId(db))
				.addColumn('word', 'text', (c) => c.notNull().unique())
				.addColumn('pinyin', 'text', (c) => c.notNull())
				.addColumn('example', 'text', (c) => c.notNull())
				.addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
				.addColumn('corrected_by', 'integer', (c) => c.notNull().references('reviewers.id'))
				.addColumn('corrected_at', 'text', (c) => c.notNull())
				.execute();
		}
	},
	'0007_briefing': {
		async up(db) {
			const statuses = sql.raw(REVIEW_STATUSES.map((s) => `'${s}'`).join(', '));
			// Editors' corrections of briefing figure rows: one row per corrected field, never updated, so every
			// correction is kept with its author; the latest of a field wins.
			await db.schema
				.createTable('figure_corrections')
				.addColumn('id', 'integer', rowId(db))
				.addColumn('slug', 'text', (c) => c.notNull())
				.addColumn('figure_key', 'text', (c) => c.notNull())
				.addColumn('field', 'text', (c) =>
					c.notNull().check(sql`field in ('measure', 'period', 'change', 'rank', 'note')`)
				)
				.addColumn('value', 'text', (c) => c.notNull())
				.addColumn('reviewer_id', 'integer', (c) => c.notNull().references('reviewers.id'))
				.addColumn('at', 'text', (c) => c.notNull())
				.execute();
			await db.schema
				.createIndex('figure_corrections_slug')
				.on('figure_corrections')
				.columns(['slug', 'id'])
				.execute();
			// Reviews of editors' section summaries: append-only, the latest row of a section is its state.
			await db.schema
				.createTable('summary_reviews')
				.addColumn('id', 'integer', rowId(db))
				.addColumn('slug', 'text', (c) => c.notNull())
				.addColumn('section', 'text', (c) => c.notNull())
				.addColumn('en', 'text', (c) => c.notNull())
				.addColumn('status', 'text', (c) => c.notNull().check(sql`status in (${statuses})`))
				.addColumn('reviewer_id', 'integer', (c) => c.notNull().references('reviewers.id'))
				.addColumn('at', 'text', (c) => c.notNull())
				.execute();
			await db.schema
				.createIndex('summary_reviews_section')
				.on('summary_reviews')
				.columns(['slug', 'section', 'id'])
				.execute();
		}
	},
	'0008_assignments': {
		async up(db) {
			// Who works on which segment: an editor assigns an article or a range of its segments to accounts. A
			// segment can have several assignees (a translator and a reviewer); assigning again changes nothing.
			// Plain text and integer columns only, so the same migration runs on PostgreSQL.
			await db.schema
				.createTable('segment_assignments')
				.addColumn('slug', 'text', (c) => c.notNull())
				.addColumn('segment_id', 'text', (c) => c.notNull())
				.addColumn('reviewer_id', 'integer', (c) =>
					c.notNull().references('reviewers.id').onDelete('cascade')
				)
				.addColumn('assigned_by', 'integer', (c) => c.notNull().references('reviewers.id'))
				.addColumn('assigned_at', 'text', (c) => c.notNull())
				.addPrimaryKeyConstraint('segment_assignments_pk', ['slug', 'segment_id', 'reviewer_id'])
				.execute();
			await db.schema
				.createIndex('segment_assignments_reviewer')
				.on('segment_assignments')
				.columns(['reviewer_id', 'slug'])
				.execute();
		}
	}
};

/** The migrations above as a Kysely MigrationProvider. */
export const migrationProvider: MigrationProvider = {
	getMigrations: async () => migrations
};
