/**
 * The data layer every store uses, on SQLite (the default: one file, no setup) or PostgreSQL (`DATABASE_URL`).
 *
 * Kysely builds (and type-checks) every query; a `Db` runs it and returns Promises, the same on both databases:
 * `all`, `first` and `run` for single statements, and `transaction(fn)` for work that must apply whole or not at all.
 * Inside `transaction`, the store code keeps calling `db.all / first / run` on the same `Db`: the open transaction
 * travels with the async call chain (AsyncLocalStorage), so a query made inside `fn` runs in the transaction and a
 * query from anywhere else does not.
 *
 * - SQLite (`./sqlite.ts`): one connection; a transaction is `BEGIN IMMEDIATE … COMMIT`, taken in turn with every
 *   other transaction of this process on the same file, so a read-check-write (the version check in saveSegment)
 *   cannot interleave with another writer.
 * - PostgreSQL (`./postgres.ts`): a pool; a transaction first takes one advisory lock, so transactions run one at
 *   a time across every instance, which gives a read-check-write the same guarantee.
 *
 * Transactions do not nest; `fn` must only touch the database (it may run more than once on PostgreSQL).
 * Do not use `kysely.transaction()` directly.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { Migrator, type Compilable, type CompiledQuery, type Kysely } from 'kysely';
import { migrationProvider } from './migrations';
import type { Tables } from './schema';

/** Options for opening a database. */
export interface OpenOptions {
	/** The clock used for every stored time (tests pass a fake one). */
	now?: () => Date;
	/** How long a writer waits for another connection's write lock before failing (ms; SQLite). */
	busyTimeoutMs?: number;
}

/** A Kysely query, built or compiled. */
export type Query<O> = Compilable<O> | CompiledQuery<O>;

/** The database a `Db` runs on. */
export type Dialect = 'sqlite' | 'postgres';

export function compiled<O>(query: Query<O>): CompiledQuery<O> {
	return 'compile' in query ? query.compile() : query;
}

/**
 * The transaction open in the current async call chain, per Db. `open` turns false when the transaction ends: work
 * started inside it that outlives it (a timer, a promise cached for later) carries the context along, and must then
 * run as outside any transaction, not on a finished one.
 */
const openTransactions = new AsyncLocalStorage<{ db: Db; handle: unknown; open: boolean }>();

/** An open, migrated database. */
export abstract class Db {
	/** Which database this is. */
	abstract readonly dialect: Dialect;
	/** A short description for logs and messages: the SQLite file, or PostgreSQL's host, port and database. */
	abstract readonly location: string;
	/** Query builder for this database; build with it, run with all/first/run. */
	abstract readonly kysely: Kysely<Tables>;
	/** The clock for stored times. */
	readonly now: () => Date;
	#closed = false;

	protected constructor(now: () => Date) {
		this.now = now;
	}

	/** Run a query and return all rows. */
	abstract all<O>(query: Query<O>): Promise<O[]>;

	/** Run a query and return its first row, if any. */
	async first<O>(query: Query<O>): Promise<O | undefined> {
		return (await this.all(query))[0];
	}

	/** Run a statement that returns no rows; returns the number of rows changed. */
	abstract run(query: Query<unknown>): Promise<number>;

	/**
	 * Run a read now, without a promise, where the database allows it (SQLite, when no transaction of another call
	 * chain holds the connection): `{ row }`, or undefined when it cannot be done now (then use `first`). For the
	 * few reads on a hot path whose answer decides whether anything else needs asking.
	 */
	firstNow<O>(_query: Query<O>): { row: O | undefined } | undefined {
		return undefined;
	}

	/**
	 * Run `fn` in one transaction: committed if it resolves, rolled back if it throws. Queries made through this Db
	 * inside `fn` (however deep in the call chain) run in the transaction.
	 */
	async transaction<T>(fn: () => Promise<T>): Promise<T> {
		if (this.inTransaction)
			throw new Error('Db.transaction: a transaction is already open here (transactions do not nest)');
		return this.runTransaction(fn);
	}

	protected abstract runTransaction<T>(fn: () => Promise<T>): Promise<T>;

	/** Run `fn` as inside the transaction `handle` (for the dialects' runTransaction). */
	protected async inside<T>(handle: unknown, fn: () => Promise<T>): Promise<T> {
		const context = { db: this, handle, open: true };
		try {
			return await openTransactions.run(context, fn);
		} finally {
			context.open = false;
		}
	}

	/** The transaction handle open in this async call chain on this Db, if any. */
	protected get openHandle(): unknown {
		const context = openTransactions.getStore();
		return context?.db === this && context.open ? context.handle : undefined;
	}

	/** Whether this async call chain is inside a transaction of this Db. */
	get inTransaction(): boolean {
		return this.openHandle !== undefined;
	}

	/** The current time from this database's clock, as stored (ISO 8601 UTC). */
	nowIso(): string {
		return this.now().toISOString();
	}

	protected migrator(options: { disableTransactions: boolean }): Migrator {
		return new Migrator({
			db: this.kysely,
			provider: migrationProvider,
			disableTransactions: options.disableTransactions,
			// Migrations written on parallel branches land in any order: a database that already ran a later one
			// still runs an earlier one it has not seen, instead of refusing to open.
			allowUnorderedMigrations: true
		});
	}

	/** Names of the migrations applied to this database, in order. */
	async appliedMigrations(): Promise<string[]> {
		const migrations = await this.migrator({ disableTransactions: true }).getMigrations();
		return migrations.filter((m) => m.executedAt).map((m) => m.name);
	}

	/** Whether close() has been called. */
	get closed(): boolean {
		return this.#closed;
	}

	/** Close the connection(s). Idempotent. */
	async close(): Promise<void> {
		if (this.#closed) return;
		this.#closed = true;
		await this.kysely.destroy();
	}
}
