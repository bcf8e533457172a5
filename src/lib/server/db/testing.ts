/**
 * Test helpers for the storage layer: a temporary database of the dialect under test, and a fake clock.
 *
 * The store tests run twice (see vite.config.ts): on SQLite (a real file in a temporary DATA_DIR) and, when
 * TEST_DATABASE_URL names a PostgreSQL server (`.ci/run` starts a throwaway cluster), on PostgreSQL with
 * TEST_DB=postgres: each `tempDataDir()` then gets a fresh database of its own on that server, dropped at cleanup.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Db, Dialect, OpenOptions } from './database';
import { DATABASE_FILE } from './env';
import { openDatabase } from './sqlite';
import { openPostgres } from './postgres';

/** The dialect the store tests run on in this process. */
export function testDialect(): Dialect {
	return process.env.TEST_DB === 'postgres' ? 'postgres' : 'sqlite';
}

/** The PostgreSQL server the tests may use (a superuser URL), if any. */
export function testServerUrl(): string | undefined {
	return process.env.TEST_DATABASE_URL || undefined;
}

function serverUrl(): string {
	const url = testServerUrl();
	if (!url) throw new Error('TEST_DB=postgres needs TEST_DATABASE_URL (a PostgreSQL superuser URL)');
	return url;
}

/** Run one statement (create or drop a database) on a PostgreSQL server: the test server unless `url` names one. */
export async function onServer(statement: string, url = serverUrl()): Promise<void> {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		await client.query(statement);
	} finally {
		await client.end();
	}
}

/** A new, empty PostgreSQL database on the test server; returns its URL and how to drop it. */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
	const name = `test_${randomBytes(6).toString('hex')}`;
	await onServer(`create database ${name}`);
	const url = new URL(serverUrl());
	url.pathname = `/${name}`;
	return {
		url: url.toString(),
		drop: () => onServer(`drop database if exists ${name} with (force)`)
	};
}

/**
 * A temporary DATA_DIR, and a database of the dialect under test: the SQLite file in it, or a fresh PostgreSQL
 * database. `open()` opens (another connection to) it; `env()` is the environment a child process (the CLI, a
 * server) needs to use the same database; `cleanup()` closes everything opened and deletes the directory and the
 * database.
 */
export function tempDataDir(prefix = 'review-db-', dialect: Dialect = testDialect()) {
	const dir = mkdtempSync(join(tmpdir(), prefix));
	const opened: Db[] = [];
	let database: Promise<{ url: string; drop: () => Promise<void> }> | undefined;
	const postgres = () => (database ??= createTestDatabase());
	return {
		dir,
		dialect,
		/** The SQLite file (on SQLite). */
		file: join(dir, DATABASE_FILE),
		/** Open (another connection to) this test's database. */
		async open(options?: OpenOptions): Promise<Db> {
			const db =
				dialect === 'postgres'
					? await openPostgres((await postgres()).url, options)
					: await openDatabase(join(dir, DATABASE_FILE), options);
			opened.push(db);
			return db;
		},
		/** The environment a child process needs to reach this test's database. */
		async env(): Promise<Record<string, string>> {
			return dialect === 'postgres'
				? { DATA_DIR: dir, DATABASE_URL: (await postgres()).url }
				: { DATA_DIR: dir };
		},
		async cleanup(): Promise<void> {
			for (const db of opened) await db.close();
			if (database) await (await database).drop();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

/** A clock that only moves when told to. */
export class FakeClock {
	#ms: number;
	constructor(start = Date.parse('2024-03-01T09:00:00.000Z')) {
		this.#ms = start;
	}
	/** Pass as OpenOptions.now. */
	readonly now = (): Date => new Date(this.#ms);
	/** Move forward by `ms` milliseconds. */
	advance(ms: number): void {
		this.#ms += ms;
	}
}
