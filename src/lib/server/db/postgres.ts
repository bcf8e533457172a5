/**
 * PostgreSQL: a pool of `pg` connections to DATABASE_URL, migrated on open, queried through Kysely's PostgreSQL
 * dialect. The same migrations and store code as on SQLite (see database.ts).
 *
 * - Transactions take one transaction-scoped advisory lock first, so they run one at a time across every instance,
 *   as SQLite's BEGIN IMMEDIATE makes them: a read-check-write (a save's version check, an import's slug check)
 *   cannot interleave with another writer, and each statement (READ COMMITTED) sees every transaction committed
 *   before it. (SERIALIZABLE alone gives the same guarantee, but on these small tables its predicate locks cover
 *   whole tables, so eight concurrent saves of different segments kept failing each other even with retries.)
 *   Transactions are short and hold no network work, so one at a time costs little: saves are human-paced. Should
 *   PostgreSQL still report a serialization failure or a deadlock, the whole transaction runs again.
 * - Migrations run in one transaction under Kysely's advisory lock, so two instances starting at once on a fresh
 *   database do not both create the tables.
 * - Bigint and numeric results (`count(*)`, sums) come back as JavaScript numbers, as they do from SQLite.
 * - A connection the server drops (a restart) is removed from the pool; the requests that were using it fail and
 *   the next ones open new connections (see `isDatabaseUnavailable` for how routes answer meanwhile).
 */
import pg from 'pg';
import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import { compiled, Db, type OpenOptions, type Query } from './database';
import type { Tables } from './schema';

/** SQLSTATEs after which a transaction should simply be run again (serialization failure, deadlock). */
const RETRYABLE = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 8;

/** The advisory lock every transaction of this app takes (any fixed number; Kysely's migrations use another). */
const WRITE_LOCK = 7_305_114_115;

const INT8 = 20;
const NUMERIC = 1700;

function typeParser(oid: number, format?: string): (value: string) => unknown {
	if (oid === INT8 || oid === NUMERIC) return (value) => Number(value);
	return pg.types.getTypeParser(oid, format as 'text');
}

/** Where a postgres:// URL points, without its password (for messages and logs). */
export function describeUrl(url: string): string {
	try {
		const u = new URL(url);
		return `PostgreSQL at ${u.hostname || 'localhost'}:${u.port || '5432'}${u.pathname || '/'}`;
	} catch {
		return 'PostgreSQL (DATABASE_URL does not parse as a URL)';
	}
}

export interface PostgresOptions extends OpenOptions {
	/** Connections in the pool (default 10). */
	poolSize?: number;
	/** How long to wait for a connection before failing (ms, default 5,000). */
	connectTimeoutMs?: number;
}

/** An open, migrated PostgreSQL database. */
export class PostgresDb extends Db {
	readonly dialect = 'postgres' as const;
	readonly location: string;
	readonly kysely: Kysely<Tables>;
	readonly pool: pg.Pool;

	private constructor(url: string, pool: pg.Pool, now: () => Date) {
		super(now);
		this.location = describeUrl(url);
		this.pool = pool;
		this.kysely = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
	}

	/** Connect to `url`, check that the server answers, and run pending migrations. */
	static async open(url: string, options: PostgresOptions = {}): Promise<PostgresDb> {
		const pool = new pg.Pool({
			connectionString: url,
			max: options.poolSize ?? 10,
			connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
			idleTimeoutMillis: 30_000,
			types: { getTypeParser: typeParser as typeof pg.types.getTypeParser }
		});
		// An idle connection the server closes (a restart, an admin's pg_terminate_backend) emits 'error' on the
		// pool; without a listener Node would end the process. The pool drops that connection and opens another.
		pool.on('error', (error) => {
			console.error(
				JSON.stringify({
					level: 'warn',
					msg: 'PostgreSQL dropped an idle connection',
					error: error.message
				})
			);
		});
		const db = new PostgresDb(url, pool, options.now ?? (() => new Date()));
		try {
			const { error } = await db.migrator({ disableTransactions: false }).migrateToLatest();
			if (error) throw error;
			return db;
		} catch (error) {
			await db.kysely.destroy().catch(() => undefined);
			throw error;
		}
	}

	#executor(): Kysely<Tables> | Transaction<Tables> {
		return (this.openHandle as Transaction<Tables> | undefined) ?? this.kysely;
	}

	async all<O>(query: Query<O>): Promise<O[]> {
		const result = await this.#executor().executeQuery(compiled(query));
		return result.rows;
	}

	async run(query: Query<unknown>): Promise<number> {
		const result = await this.#executor().executeQuery(compiled(query));
		return Number(result.numAffectedRows ?? 0n);
	}

	protected async runTransaction<T>(fn: () => Promise<T>): Promise<T> {
		for (let attempt = 1; ; attempt++) {
			try {
				return await this.kysely.transaction().execute(async (trx) => {
					await sql`select pg_advisory_xact_lock(${WRITE_LOCK})`.execute(trx);
					return this.inside(trx, fn);
				});
			} catch (error) {
				const code = (error as { code?: unknown }).code;
				if (typeof code !== 'string' || !RETRYABLE.has(code) || attempt >= MAX_ATTEMPTS) throw error;
				await new Promise((done) => setTimeout(done, Math.random() * 10 * attempt));
			}
		}
	}
}

/** Connect to (and migrate) the PostgreSQL database at `url`. */
export function openPostgres(url: string, options?: PostgresOptions): Promise<PostgresDb> {
	return PostgresDb.open(url, options);
}
