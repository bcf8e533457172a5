import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import {
	closeDb,
	getDb,
	openedDb,
	migrations,
	readStorageEnv,
	databasePath,
	databaseTarget,
	DATABASE_FILE
} from './index';
import { migrationProvider } from './migrations';
import type { Db } from './database';
import { SqliteDb, openDatabase } from './sqlite';
import { tempDataDir, testDialect } from './testing';
import { REVIEW_STATUSES } from '$lib/review/status';

const onSqlite = testDialect() === 'sqlite';
const onPostgres = !onSqlite;

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

const sqliteOf = (db: Db) => (db as SqliteDb).sqlite;

/** The application's tables (not Kysely's own), by name. */
async function tableNames(db: Db): Promise<string[]> {
	const rows =
		db.dialect === 'sqlite'
			? await db.all(
					sql<{
						name: string;
					}>`select name from sqlite_master where type = 'table' and name not like 'kysely_%' and name not like 'sqlite_%' order by name`.compile(
						db.kysely
					)
				)
			: await db.all(
					sql<{
						name: string;
					}>`select table_name as name from information_schema.tables where table_schema = 'public' and table_name not like 'kysely_%' order by table_name`.compile(
						db.kysely
					)
				);
	return rows.map((r) => r.name);
}

/** A bare Kysely on this test's database, as an older version of the app would have opened it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function bareKysely(): Promise<Kysely<any>> {
	if (onSqlite) return new Kysely({ dialect: new SqliteDialect({ database: new BetterSqlite3(temp.file) }) });
	const { DATABASE_URL } = await temp.env();
	return new Kysely({
		dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: DATABASE_URL }) })
	});
}

const reviewer = (username: string) => ({
	username,
	password_hash: 'x',
	created_at: 'a',
	password_updated_at: 'a'
});

describe('opening and migrating', () => {
	it('creates all tables from nothing and records every migration', async () => {
		if (onSqlite) expect(existsSync(temp.file)).toBe(false);
		const db = await temp.open();
		expect(db.dialect).toBe(testDialect());
		expect(await tableNames(db)).toEqual(TABLES);
		expect(await db.appliedMigrations()).toEqual(Object.keys(migrations).sort());
		// With DATABASE_URL set, no SQLite file is created.
		expect(existsSync(temp.file)).toBe(onSqlite);
	});

	it.runIf(onSqlite)('SQLite: WAL, synchronous=FULL and foreign keys on', async () => {
		const db = sqliteOf(await temp.open());
		expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
		expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
		expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
	});

	it.runIf(onSqlite)(
		'SQLite: checks statuses with the constraint text that shipped (built from the one status list)',
		async () => {
			const db = sqliteOf(await temp.open());
			const text = db
				.prepare(
					`select sql from sqlite_master where name in ('segment_states', 'segment_history') order by name`
				)
				.pluck()
				.all()
				.join('\n');
			const shipped = `in ('draft', 'translated', 'reviewed', 'approved', 'rejected')`;
			expect(text.split(shipped).length - 1).toBe(3);
			expect(REVIEW_STATUSES.map((s) => `'${s}'`).join(', ')).toBe(shipped.slice(4, -1));
		}
	);

	it('refuses a status outside the list, and stores the default time of a new account as ISO 8601 UTC', async () => {
		const db = await temp.open();
		await db.run(db.kysely.insertInto('reviewers').values({ username: 'ann', password_hash: 'x' } as never));
		const row = await db.first(db.kysely.selectFrom('reviewers').select(['id', 'created_at']));
		expect(row?.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
		expect(Math.abs(Date.parse(row!.created_at) - Date.now())).toBeLessThan(10 * 60_000);
		await expect(
			db.run(
				db.kysely.insertInto('segment_states').values({
					slug: 'a',
					segment_id: 'p1-1',
					en: 'x',
					status: 'finished' as never,
					version: 1,
					updated_by: row!.id,
					updated_at: 'a'
				})
			)
		).rejects.toThrow(/check/i);
	});

	it.runIf(onSqlite)(
		'SQLite: the database, its -wal and -shm files are readable by the owner only (0600), and an old 0644 file is narrowed',
		async () => {
			const mode = (file: string) => statSync(file).mode & 0o777;
			const db = await temp.open();
			await db.run(db.kysely.deleteFrom('sessions')); // a write, so the -wal file exists
			for (const file of [temp.file, `${temp.file}-wal`, `${temp.file}-shm`]) {
				expect(existsSync(file), file).toBe(true);
				expect(mode(file).toString(8), file).toBe('600');
			}
			await db.close();

			const old = join(temp.dir, 'old', 'app.sqlite');
			await (await openDatabase(old)).close();
			chmodSync(old, 0o644);
			const reopened = await openDatabase(old);
			expect(mode(old).toString(8)).toBe('600');
			await reopened.close();
		}
	);

	it('re-running the migrations is a no-op and keeps the data', async () => {
		const first = await temp.open();
		await first.run(first.kysely.insertInto('reviewers').values(reviewer('ann')));
		await first.close();

		const again = await temp.open();
		const rerun = await new Migrator({ db: again.kysely, provider: migrationProvider }).migrateToLatest();
		expect(rerun.error).toBeUndefined();
		expect(rerun.results).toEqual([]);
		expect(await again.all(again.kysely.selectFrom('reviewers').select('username'))).toEqual([
			{ username: 'ann' }
		]);
		expect(await again.appliedMigrations()).toEqual(Object.keys(migrations).sort());
	});

	it('upgrades a database made before the translation memory, keeping its data', async () => {
		const old = await bareKysely();
		const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '0003'));
		const result = await new Migrator({
			db: old,
			provider: { getMigrations: async () => before }
		}).migrateToLatest();
		expect(result.error).toBeUndefined();
		await old.insertInto('reviewers').values(reviewer('ann')).execute();
		await old.destroy();

		const db = await temp.open();
		expect(await db.appliedMigrations()).toEqual(Object.keys(migrations).sort());
		// An account made before roles existed keeps working as a reviewer.
		expect(await db.all(db.kysely.selectFrom('reviewers').select(['username', 'role']))).toEqual([
			{ username: 'ann', role: 'reviewer' }
		]);
		expect(await db.all(db.kysely.selectFrom('memory_units').selectAll())).toEqual([]);
	});

	it('runs a migration it has not seen even after a later one (branches land in any order)', async () => {
		const old = await bareKysely();
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
		expect(await db.all(db.kysely.selectFrom('glossary_entries').selectAll())).toEqual([]);
	});

	it('two connections opening a fresh database at once both migrate it exactly once', async () => {
		const [a, b] = await Promise.all([temp.open(), temp.open()]);
		expect(await a.appliedMigrations()).toEqual(Object.keys(migrations).sort());
		const count = await b.first(
			sql<{ n: number }>`select count(*) as n from kysely_migration`.compile(b.kysely)
		);
		expect(count?.n).toBe(Object.keys(migrations).length);
	});

	it.runIf(onSqlite)('SQLite: creates a missing DATA_DIR (nested) on open', async () => {
		const file = join(temp.dir, 'a', 'b', DATABASE_FILE);
		const db = await openDatabase(file);
		expect(existsSync(file)).toBe(true);
		await db.close();
	});

	it('getDb() opens the database the environment names, once per process', async () => {
		const saved = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };
		const env = await temp.env();
		process.env.DATA_DIR = env.DATA_DIR;
		if (env.DATABASE_URL) process.env.DATABASE_URL = env.DATABASE_URL;
		else delete process.env.DATABASE_URL;
		try {
			expect(openedDb()).toBeUndefined();
			const [a, b] = await Promise.all([getDb(), getDb()]);
			expect(a).toBe(b);
			expect(openedDb()).toBe(a);
			expect(a.dialect).toBe(testDialect());
			if (onSqlite) expect((a as SqliteDb).file).toBe(temp.file);
			else expect(a.location).toMatch(/^PostgreSQL at 127\.0\.0\.1:\d+\/test_/);
			expect(existsSync(temp.file)).toBe(onSqlite);
		} finally {
			await closeDb();
			expect(openedDb()).toBeUndefined();
			for (const [name, value] of Object.entries(saved)) {
				if (value === undefined) delete process.env[name];
				else process.env[name] = value;
			}
		}
	});
});

describe('environment', () => {
	it('defaults DATA_DIR to ./data and rejects an empty one', () => {
		expect(readStorageEnv({}).DATA_DIR).toBe('./data');
		expect(databasePath(readStorageEnv({ DATA_DIR: '/srv/reader' }))).toBe('/srv/reader/app.sqlite');
		expect(() => readStorageEnv({ DATA_DIR: '  ' })).toThrow(/DATA_DIR/);
	});

	it('DATABASE_URL selects PostgreSQL; unset or empty keeps SQLite; anything else is refused by name', () => {
		expect(databaseTarget(readStorageEnv({ DATA_DIR: '/srv' }))).toEqual({
			dialect: 'sqlite',
			file: '/srv/app.sqlite'
		});
		expect(databaseTarget(readStorageEnv({ DATABASE_URL: '' })).dialect).toBe('sqlite');
		expect(databaseTarget(readStorageEnv({ DATABASE_URL: 'postgres://u:p@db:5432/reader' }))).toEqual({
			dialect: 'postgres',
			url: 'postgres://u:p@db:5432/reader'
		});
		expect(databaseTarget(readStorageEnv({ DATABASE_URL: 'postgresql://db/reader' })).dialect).toBe(
			'postgres'
		);
		expect(() => readStorageEnv({ DATABASE_URL: 'mysql://db/reader' })).toThrow(
			/DATABASE_URL must start with postgres:\/\//
		);
	});
});

describe('transactions', () => {
	const insert = (db: Db, username: string) =>
		db.run(db.kysely.insertInto('reviewers').values(reviewer(username)));
	const names = async (db: Db) =>
		(await db.all(db.kysely.selectFrom('reviewers').select('username').orderBy('username'))).map(
			(r) => r.username
		);

	it('commits on return and rolls back everything on throw', async () => {
		const db = await temp.open();
		await db.transaction(() => insert(db, 'kept'));
		await expect(
			db.transaction(async () => {
				await insert(db, 'lost');
				throw new Error('boom');
			})
		).rejects.toThrow('boom');
		expect(await names(db)).toEqual(['kept']);
	});

	it('refuses nesting, and leaves nothing open', async () => {
		const db = await temp.open();
		await expect(db.transaction(() => db.transaction(async () => 1))).rejects.toThrow(/do not nest/);
		expect(db.inTransaction).toBe(false);
		await insert(db, 'after');
		expect(await names(db)).toEqual(['after']);
	});

	it('a statement from outside never joins an open transaction', async () => {
		const db = await temp.open();
		let inside!: () => void;
		const entered = new Promise<void>((done) => (inside = done));
		let release!: () => void;
		const held = new Promise<void>((done) => (release = done));
		const failing = db.transaction(async () => {
			await insert(db, 'inside');
			inside();
			await held;
			throw new Error('rolled back');
		});
		await entered;
		const outside = insert(db, 'outside');
		release();
		await expect(failing).rejects.toThrow('rolled back');
		await outside;
		expect(await names(db)).toEqual(['outside']);
	});

	it('firstNow reads at once on SQLite, but never inside another chain’s open transaction; PostgreSQL says it cannot', async () => {
		const db = await temp.open();
		await insert(db, 'before');
		const count = db.kysely.selectFrom('reviewers').select((e) => e.fn.countAll<number>().as('n'));
		if (onPostgres) {
			expect(db.firstNow(count)).toBeUndefined();
			return;
		}
		expect(Number(db.firstNow(count)?.row?.n)).toBe(1);
		let inside!: () => void;
		const entered = new Promise<void>((done) => (inside = done));
		let release!: () => void;
		const held = new Promise<void>((done) => (release = done));
		let seenInside: unknown;
		const open = db.transaction(async () => {
			await insert(db, 'uncommitted');
			seenInside = db.firstNow(count)?.row?.n;
			inside();
			await held;
			throw new Error('rolled back');
		});
		await entered;
		// Outside, the read would see the other chain's uncommitted row: it is refused, to be made with `first`.
		expect(db.firstNow(count)).toBeUndefined();
		expect(Number(seenInside)).toBe(2);
		release();
		await expect(open).rejects.toThrow('rolled back');
		expect(Number(db.firstNow(count)?.row?.n)).toBe(1);
	});

	it('read-check-write transactions on two connections never lose an update', async () => {
		const [a, b] = [await temp.open(), await temp.open()];
		await insert(a, 'counter');
		const bump = (db: Db) =>
			db.transaction(async () => {
				const row = await db.first(
					db.kysely.selectFrom('reviewers').select('password_hash').where('username', '=', 'counter')
				);
				const next = String(Number(row?.password_hash === 'x' ? 0 : row?.password_hash) + 1);
				await db.run(
					db.kysely.updateTable('reviewers').set({ password_hash: next }).where('username', '=', 'counter')
				);
			});
		await Promise.all(Array.from({ length: 20 }, (_, i) => bump(i % 2 ? a : b)));
		const row = await a.first(
			a.kysely.selectFrom('reviewers').select('password_hash').where('username', '=', 'counter')
		);
		expect(row?.password_hash).toBe('20');
	});

	it('enforces foreign keys', async () => {
		const db = await temp.open();
		await expect(
			db.run(
				db.kysely
					.insertInto('sessions')
					.values({ token_hash: 'h', reviewer_id: 42, created_at: 'a', expires_at: 'b', refreshed_at: 'a' })
			)
		).rejects.toThrow(/foreign key/i);
	});

	it.runIf(onPostgres)('PostgreSQL: counts come back as numbers, as on SQLite', async () => {
		const db = await temp.open();
		await insert(db, 'ann');
		const row = await db.first(
			db.kysely.selectFrom('reviewers').select((eb) => eb.fn.countAll<number>().as('n'))
		);
		expect(row?.n).toBe(1);
	});
});

describe('work that outlives a transaction', () => {
	it('runs as outside it: a timer set inside a committed transaction may open a transaction of its own', async () => {
		const db = await temp.open();
		let later!: Promise<number>;
		await db.transaction(async () => {
			await db.run(db.kysely.insertInto('reviewers').values(reviewer('inside')));
			later = new Promise<number>((done, fail) =>
				setTimeout(() => {
					db.transaction(() => db.run(db.kysely.insertInto('reviewers').values(reviewer('later')))).then(
						done,
						fail
					);
				}, 0)
			);
		});
		expect(await later).toBe(1);
		expect(db.inTransaction).toBe(false);
		const rows = await db.all(db.kysely.selectFrom('reviewers').select('username').orderBy('username'));
		expect(rows.map((r) => r.username)).toEqual(['inside', 'later']);
	});
});
