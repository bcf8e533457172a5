import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Migrator } from 'kysely';
import { closeDb, getDb, migrations, readStorageEnv, databasePath, DATABASE_FILE } from './index';
import { migrationProvider } from './migrations';
import { Db } from './database';
import { tempDataDir } from './testing';
import { REVIEW_STATUSES } from '$lib/review/status';

let temp: ReturnType<typeof tempDataDir>;
beforeEach(() => {
	temp = tempDataDir();
});
afterEach(async () => {
	await temp.cleanup();
});

const TABLES = [
	'article_imports',
	'articles',
	'figure_corrections',
	'glossary_entries',
	'glossary_history',
	'known_devices',
	'login_failures',
	'memory_units',
	'pinyin_corrections',
	'qa_acceptances',
	'reviewers',
	'segment_assignments',
	'segment_comments',
	'segment_drafts',
	'segment_history',
	'segment_states',
	'sessions',
	'summary_reviews'
];

describe('opening and migrating', () => {
	it('creates the file and all tables from nothing, with WAL, synchronous=FULL and foreign keys on', async () => {
		expect(existsSync(temp.file)).toBe(false);
		const db = await temp.open();
		expect(existsSync(temp.file)).toBe(true);
		const tables = db.sqlite
			.prepare(
				`select name from sqlite_master where type = 'table' and name not like 'kysely_%' and name not like 'sqlite_%' order by name`
			)
			.pluck()
			.all();
		expect(tables).toEqual(TABLES);
		expect(await db.appliedMigrations()).toEqual(Object.keys(migrations).sort());
		expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
		expect(db.sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
		expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
	});

	it('checks statuses with the constraint text that shipped (built from the one status list)', async () => {
		const db = await temp.open();
		const sql = db.sqlite
			.prepare(
				`select sql from sqlite_master where name in ('segment_states', 'segment_history') order by name`
			)
			.pluck()
			.all()
			.join('\n');
		const shipped = `in ('draft', 'translated', 'reviewed', 'approved', 'rejected')`;
		expect(sql.split(shipped).length - 1).toBe(3);
		expect(REVIEW_STATUSES.map((s) => `'${s}'`).join(', ')).toBe(shipped.slice(4, -1));
	});

	it('creates the database, its -wal and -shm files readable by the owner only (0600), and narrows an old 0644 file', async () => {
		const mode = (file: string) => statSync(file).mode & 0o777;
		const db = await temp.open();
		db.run(db.kysely.deleteFrom('sessions')); // a write, so the -wal file exists
		for (const file of [temp.file, `${temp.file}-wal`, `${temp.file}-shm`]) {
			expect(existsSync(file), file).toBe(true);
			expect(mode(file).toString(8), file).toBe('600');
		}
		await db.close();

		const old = join(temp.dir, 'old', 'app.sqlite');
		await (await Db.open(old)).close();
		chmodSync(old, 0o644);
		const reopened = await Db.open(old);
		expect(mode(old).toString(8)).toBe('600');
		await reopened.close();
	});

	it('re-running the migrations is a no-op and keeps the data', async () => {
		const first = await temp.open();
		first.run(
			first.kysely
				.insertInto('reviewers')
				.values({ username: 'ann', password_hash: 'x', created_at: 'a', password_updated_at: 'a' })
		);
		await first.close();

		const again = await temp.open();
		const rerun = await new Migrator({ db: again.kysely, provider: migrationProvider }).migrateToLatest();
		expect(rerun.error).toBeUndefined();
		expect(rerun.results).toEqual([]);
		expect(again.all(again.kysely.selectFrom('reviewers').select('username'))).toEqual([{ username: 'ann' }]);
		expect(await again.appliedMigrations()).toEqual(Object.keys(migrations).sort());
	});

	it('upgrades a database made before the translation memory, keeping its data', async () => {
		const { default: Database } = await import('better-sqlite3');
		const { Kysely, SqliteDialect } = await import('kysely');
		const old = new Kysely<any>({ dialect: new SqliteDialect({ database: new Database(temp.file) }) }); // eslint-disable-line @typescript-eslint/no-explicit-any
		const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '0003'));
		const result = await new Migrator({
			db: old,
			provider: { getMigrations: async () => before }
		}).migrateToLatest();
		expect(result.error).toBeUndefined();
		await old
			.insertInto('reviewers')
			.values({ username: 'ann', password_hash: 'x', created_at: 'a', password_updated_at: 'a' })
			.execute();
		await old.destroy();

		const db = await temp.open();
		expect(await db.appliedMigrations()).toEqual(Object.keys(migrations).sort());
		// An account made before roles existed keeps working as a reviewer.
		expect(db.all(db.kysely.selectFrom('reviewers').select(['username', 'role']))).toEqual([
			{ username: 'ann', role: 'reviewer' }
		]);
		expect(db.all(db.kysely.selectFrom('memory_units').selectAll())).toEqual([]);
	});

	it('runs a migration it has not seen even after a later one (branches land in any order)', async () => {
		const { default: Database } = await import('better-sqlite3');
		const { Kysely, SqliteDialect } = await import('kysely');
		const old = new Kysely<any>({ dialect: new SqliteDialect({ database: new Database(temp.file) }) }); // eslint-disable-line @typescript-eslint/no-explicit-any
		// A database from a branch that had 0001–0004 and 0006, but not 0005.
		const names = Object.keys(migrations).sort();
		const skipped = names.find((name) => name.startsWith('0005'))!;
		const ran = Object.fromEntries(
			Object.entries(migrations).filter(([name]) => name < '0007' && name !== skipped)
		);
		const result = await new Migrator({
			db: old,
			provider: { getMigrations: async () => ran },
			allowUnorderedMigrations: true
		}).migrateToLatest();
		expect(result.error).toBeUndefined();
		await old.destroy();

		const db = await temp.open();
		expect(await db.appliedMigrations()).toEqual(expect.arrayContaining(names));
		expect((await db.appliedMigrations()).length).toBe(names.length);
		expect(db.all(db.kysely.selectFrom('glossary_entries').selectAll())).toEqual([]);
	});

	it('two connections opening a fresh file at once both migrate it exactly once', async () => {
		const [a, b] = await Promise.all([temp.open(), temp.open()]);
		expect(await a.appliedMigrations()).toEqual(Object.keys(migrations).sort());
		expect(b.sqlite.prepare('select count(*) from kysely_migration').pluck().get()).toBe(
			Object.keys(migrations).length
		);
	});

	it('creates a missing DATA_DIR (nested) on open', async () => {
		const { openDatabase } = await import('./database');
		const file = join(temp.dir, 'a', 'b', DATABASE_FILE);
		const db = await openDatabase(file);
		expect(existsSync(file)).toBe(true);
		await db.close();
	});

	it('getDb() opens DATA_DIR/app.sqlite once per process', async () => {
		const saved = process.env.DATA_DIR;
		process.env.DATA_DIR = temp.dir;
		try {
			const [a, b] = await Promise.all([getDb(), getDb()]);
			expect(a).toBe(b);
			expect(a.file).toBe(temp.file);
		} finally {
			await closeDb();
			if (saved === undefined) delete process.env.DATA_DIR;
			else process.env.DATA_DIR = saved;
		}
	});
});

describe('environment', () => {
	it('defaults DATA_DIR to ./data and rejects an empty one', () => {
		expect(readStorageEnv({}).DATA_DIR).toBe('./data');
		expect(databasePath(readStorageEnv({ DATA_DIR: '/srv/reader' }))).toBe('/srv/reader/app.sqlite');
		expect(() => readStorageEnv({ DATA_DIR: '  ' })).toThrow(/DATA_DIR/);
	});
});

describe('transactions', () => {
	it('commits on return and rolls back everything on throw', async () => {
		const db = await temp.open();
		const insert = (username: string) =>
			db.run(
				db.kysely
					.insertInto('reviewers')
					.values({ username, password_hash: 'x', created_at: 'a', password_updated_at: 'a' })
			);
		db.transaction(() => insert('kept'));
		expect(() =>
			db.transaction(() => {
				insert('lost');
				throw new Error('boom');
			})
		).toThrow('boom');
		expect(db.all(db.kysely.selectFrom('reviewers').select('username'))).toEqual([{ username: 'kept' }]);
	});

	it('refuses async functions and nesting', async () => {
		const db = await temp.open();
		expect(() => db.transaction(async () => 1)).toThrow(/synchronous/);
		expect(() => db.transaction(() => db.transaction(() => 1))).toThrow(/already open/);
		expect(db.sqlite.inTransaction).toBe(false);
	});

	it('enforces foreign keys', async () => {
		const db = await temp.open();
		expect(() =>
			db.run(
				db.kysely
					.insertInto('sessions')
					.values({ token_hash: 'h', reviewer_id: 42, created_at: 'a', expires_at: 'b', refreshed_at: 'a' })
			)
		).toThrow(/FOREIGN KEY/);
	});
});
