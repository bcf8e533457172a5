/**
 * SQLite: one database file, opened with better-sqlite3, migrated on open, queried through Kysely's compiler.
 *
 * - Statements run synchronously on the one connection (better-sqlite3); `Db` hands back resolved Promises so the
 *   store code is the same as on PostgreSQL.
 * - A transaction is `BEGIN IMMEDIATE … COMMIT`. IMMEDIATE takes the write lock up front, so a read-check-write
 *   cannot interleave with another writer, and another process waits on the busy handler instead of failing on a
 *   lock upgrade (Kysely's own SQLite driver issues a plain deferred `begin`).
 * - While a transaction awaits, other requests of this process keep running; they must not slip their statements
 *   into it (one connection), and a second connection of this process to the same file must not block the event
 *   loop on the busy handler while the first waits to commit. So every transaction on a file, and every statement
 *   made while one is open, takes its turn through one queue per file (`FileQueue`). When no transaction is open,
 *   a statement runs at once.
 * - The queue is per file, not per connection: a statement on a second connection to the same file, made from inside
 *   a transaction of the first, waits for that transaction to end, which waits for the statement. Nothing in the app
 *   opens two connections to its file (tests do, one chain each); code inside a transaction uses its own `Db`.
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { compiled, Db, type OpenOptions, type Query } from './database';
import type { Tables } from './schema';

type Statement = BetterSqlite3.Statement<unknown[], unknown>;

const STATEMENT_CACHE_SIZE = 500;

/** Work on one file, one piece at a time, in arrival order. */
class FileQueue {
	#tail: Promise<unknown> = Promise.resolve();
	#pending = 0;

	/** Whether anything holds or waits for the turn. */
	get busy(): boolean {
		return this.#pending > 0;
	}

	run<T>(work: () => Promise<T> | T): Promise<T> {
		this.#pending++;
		const result = this.#tail.then(work);
		this.#tail = result.then(
			() => this.#pending--,
			() => this.#pending--
		);
		return result;
	}
}

const queues = new Map<string, FileQueue>();

function queueFor(file: string): FileQueue {
	let queue = queues.get(file);
	if (!queue) queues.set(file, (queue = new FileQueue()));
	return queue;
}

/** An open, migrated SQLite database file. */
export class SqliteDb extends Db {
	readonly dialect = 'sqlite' as const;
	/** Absolute path of the database file. */
	readonly file: string;
	/** The raw connection (pragmas, backups); prefer the query methods. */
	readonly sqlite: BetterSqlite3.Database;
	readonly kysely: Kysely<Tables>;
	readonly #statements = new Map<string, Statement>();
	readonly #queue: FileQueue;

	private constructor(file: string, sqlite: BetterSqlite3.Database, now: () => Date) {
		super(now);
		this.file = file;
		this.sqlite = sqlite;
		this.kysely = new Kysely<Tables>({ dialect: new SqliteDialect({ database: sqlite }) });
		this.#queue = queueFor(file);
	}

	get location(): string {
		return this.file;
	}

	/** Open (creating if needed) the database file, set the pragmas and run pending migrations. */
	static async open(path: string, options: OpenOptions = {}): Promise<SqliteDb> {
		const file = resolve(path);
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
			const db = new SqliteDb(file, sqlite, options.now ?? (() => new Date()));
			await db.#migrate();
			return db;
		} catch (error) {
			sqlite.close();
			throw error;
		}
	}

	async #migrate(): Promise<void> {
		// Kysely's Migrator checks and applies migrations in a DEFERRED transaction, so two processes opening a fresh
		// file at once (server and CLI) could both decide to create the tables. Instead the whole run happens inside
		// one BEGIN IMMEDIATE: the second process waits on the busy handler, then finds nothing left to do.
		await this.#queue.run(async () => {
			const migrator = this.migrator({ disableTransactions: true });
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

	/** Run `statement` now if this chain holds the turn or nobody does; otherwise after the open transaction. */
	#inTurn<T>(statement: () => T): Promise<T> {
		if (this.inTransaction || !this.#queue.busy) {
			try {
				return Promise.resolve(statement());
			} catch (error) {
				return Promise.reject(error as Error);
			}
		}
		return this.#queue.run(statement);
	}

	all<O>(query: Query<O>): Promise<O[]> {
		const { sql, parameters } = compiled(query);
		return this.#inTurn(() => this.#prepare(sql).all(...parameters) as O[]);
	}

	override first<O>(query: Query<O>): Promise<O | undefined> {
		const { sql, parameters } = compiled(query);
		return this.#inTurn(() => this.#prepare(sql).get(...parameters) as O | undefined);
	}

	override firstNow<O>(query: Query<O>): { row: O | undefined } | undefined {
		if (!this.inTransaction && this.#queue.busy) return undefined;
		const { sql, parameters } = compiled(query);
		return { row: this.#prepare(sql).get(...parameters) as O | undefined };
	}

	run(query: Query<unknown>): Promise<number> {
		const { sql, parameters } = compiled(query);
		return this.#inTurn(() => this.#prepare(sql).run(...parameters).changes);
	}

	protected runTransaction<T>(fn: () => Promise<T>): Promise<T> {
		return this.#queue.run(async () => {
			this.sqlite.exec('BEGIN IMMEDIATE');
			try {
				const result = await this.inside(true, fn);
				this.sqlite.exec('COMMIT');
				return result;
			} catch (error) {
				if (this.sqlite.inTransaction) this.sqlite.exec('ROLLBACK');
				throw error;
			}
		});
	}

	override async close(): Promise<void> {
		if (this.closed) return;
		// Let an open transaction finish before the connection goes.
		await this.#queue.run(() => undefined);
		this.#statements.clear();
		await super.close();
	}
}

/** Open (creating and migrating if needed) the SQLite database at `file`. */
export function openDatabase(file: string, options?: OpenOptions): Promise<SqliteDb> {
	return SqliteDb.open(file, options);
}
