/**
 * One SQLite database file, opened with better-sqlite3, migrated on open, queried with Kysely.
 *
 * Kysely builds (and type-checks) every query; `Db` runs the compiled SQL synchronously on the better-sqlite3
 * connection. Writes go through `Db#transaction`, a synchronous `BEGIN IMMEDIATE … COMMIT`:
 *
 * - IMMEDIATE takes the write lock up front, so a read-check-write (the version check in saveSegment) cannot be
 *   interleaved with another writer, and a second connection waits on the busy handler instead of failing on a lock
 *   upgrade (Kysely's own SQLite driver issues a plain deferred `begin`, whose upgrade to a writer ignores the busy
 *   timeout and fails with SQLITE_BUSY).
 * - Synchronous means no `await` while the lock is held: nothing else in this process can run inside the
 *   transaction, and two connections in one process (the tests) cannot deadlock waiting for each other.
 *
 * Do not use `kysely.transaction()` for writes; `transaction()` refuses to nest inside one.
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, type Compilable, type CompiledQuery } from 'kysely';
import { migrationProvider } from './migrations';
import type { Tables } from './schema';

/** Options for opening a database. */
export interface OpenOptions {
	/** The clock used for every stored time (tests pass a fake one). */
	now?: () => Date;
	/** How long a writer waits for another connection's write lock before failing (ms). */
	busyTimeoutMs?: number;
}

type Query<O> = Compilable<O> | CompiledQuery<O>;
type Statement = BetterSqlite3.Statement<unknown[], unknown>;

const STATEMENT_CACHE_SIZE = 500;

function compiled<O>(query: Query<O>): CompiledQuery<O> {
	return 'compile' in query ? query.compile() : query;
}

/** Migrations of connections opened by this process run one after another. */
let migrationQueue: Promise<unknown> = Promise.resolve();

/** An open, migrated database. */
export class Db {
	/** Absolute path of the database file. */
	readonly file: string;
	/** The raw connection (pragmas, backups); prefer the query methods. */
	readonly sqlite: BetterSqlite3.Database;
	/** Query builder for this database; build with it, run with all/first/run. */
	readonly kysely: Kysely<Tables>;
	/** The clock for stored times. */
	readonly now: () => Date;
	readonly #statements = new Map<string, Statement>();
	#closed = false;

	private constructor(file: string, sqlite: BetterSqlite3.Database, now: () => Date) {
		this.file = file;
		this.sqlite = sqlite;
		this.now = now;
		this.kysely = new Kysely<Tables>({ dialect: new SqliteDialect({ database: sqlite }) });
	}

	/** Open (creating if needed) the database file, set the pragmas and run pending migrations. */
	static async open(file: string, options: OpenOptions = {}): Promise<Db> {
		mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
		// The database holds password hashes and unpublished work: readable by its owner only. SQLite creates the
		// -wal and -shm files with the main file's mode, so the file is created 0600 before SQLite opens it (and
		// an older, wider file is narrowed).
		closeSync(openSync(file, 'a', 0o600));
		chmodSync(file, 0o600);
		const sqlite = new BetterSqlite3(file, { timeout: options.busyTimeoutMs ?? 5000 });
		try {
			// WAL: readers never block the writer and a commit is one append to the log.
			const mode = sqlite.pragma('journal_mode = WAL', { simple: true });
			if (mode !== 'wal')
				throw new Error(`could not switch ${file} to WAL (journal_mode is ${String(mode)})`);
			for (const extra of [`${file}-wal`, `${file}-shm`]) if (existsSync(extra)) chmodSync(extra, 0o600);
			// FULL, not NORMAL: with WAL, NORMAL fsyncs only at checkpoints, so a commit survives a crash of this process
			// but the last saves before a power cut or kernel panic can vanish after the reviewer saw "saved". FULL fsyncs
			// the log on every commit, so anything we acknowledge is on disk. Saves are human-paced (a few per minute per
			// reviewer), so one fsync each costs nothing that matters.
			sqlite.pragma('synchronous = FULL');
			sqlite.pragma('foreign_keys = ON');
			const db = new Db(file, sqlite, options.now ?? (() => new Date()));
			await db.#migrate();
			return db;
		} catch (error) {
			sqlite.close();
			throw error;
		}
	}

	async #migrate(): Promise<void> {
		// Kysely's Migrator checks and applies migrations in a DEFERRED transaction, so two processes opening a fresh
		// file at once (server and CLI) can both decide to create the tables. Instead the whole run happens inside
		// one BEGIN IMMEDIATE: the second process waits on the busy handler, then finds nothing left to do. Within
		// this process, opens are queued so two connections never wait on each other's lock while awaiting.
		const run = migrationQueue.then(async () => {
			const migrator = new Migrator({
				db: this.kysely,
				provider: migrationProvider,
				disableTransactions: true,
				// Migrations written on parallel branches land in any order: a database that already ran a later one
				// still runs an earlier one it has not seen, instead of refusing to open.
				allowUnorderedMigrations: true
			});
			this.sqlite.exec('BEGIN IMMEDIATE');
			try {
				const { error } = await migrator.migrateToLatest();
				if (error) throw error;
				this.sqlite.exec('COMMIT');
			} catch (error) {
				if (this.sqlite.inTransaction) this.sqlite.exec('ROLLBACK');
				throw error;
			}
		});
		migrationQueue = run.catch(() => undefined);
		await run;
	}

	#prepare(sql: string): Statement {
		let statement = this.#statements.get(sql);
		if (!statement) {
			if (this.#statements.size >= STATEMENT_CACHE_SIZE) this.#statements.clear();
			statement = this.sqlite.prepare(sql);
			this.#statements.set(sql, statement);
		}
		return statement;
	}

	/** Run a query and return all rows. */
	all<O>(query: Query<O>): O[] {
		const { sql, parameters } = compiled(query);
		return this.#prepare(sql).all(...parameters) as O[];
	}

	/** Run a query and return its first row, if any. */
	first<O>(query: Query<O>): O | undefined {
		const { sql, parameters } = compiled(query);
		return this.#prepare(sql).get(...parameters) as O | undefined;
	}

	/** Run a statement that returns no rows; returns the number of rows changed. */
	run(query: Query<unknown>): number {
		const { sql, parameters } = compiled(query);
		return this.#prepare(sql).run(...parameters).changes;
	}

	/** Run `fn` in one BEGIN IMMEDIATE transaction: committed if it returns, rolled back if it throws. `fn` must be synchronous. */
	transaction<T>(fn: () => T): T {
		if (this.sqlite.inTransaction) {
			throw new Error(
				'Db.transaction: a transaction is already open on this connection (do not nest or mix with kysely.transaction)'
			);
		}
		return this.sqlite
			.transaction(() => {
				const result = fn();
				if (result instanceof Promise) throw new Error('Db.transaction: the function must be synchronous');
				return result;
			})
			.immediate();
	}

	/** The current time from this database's clock, as stored (ISO 8601 UTC). */
	nowIso(): string {
		return this.now().toISOString();
	}

	/** Names of the migrations applied to this file, in order. */
	async appliedMigrations(): Promise<string[]> {
		const migrations = await new Migrator({ db: this.kysely, provider: migrationProvider }).getMigrations();
		return migrations.filter((m) => m.executedAt).map((m) => m.name);
	}

	/** Whether close() has been called. */
	get closed(): boolean {
		return this.#closed;
	}

	/** Close the connection (checkpoints the WAL). Idempotent. */
	async close(): Promise<void> {
		if (this.#closed) return;
		this.#closed = true;
		this.#statements.clear();
		await this.kysely.destroy();
	}
}

/** Open (creating and migrating if needed) the database at `file`. */
export function openDatabase(file: string, options?: OpenOptions): Promise<Db> {
	return Db.open(file, options);
}
