/**
 * The storage layer: the SQLite file `$DATA_DIR/app.sqlite` (default ./data), or the PostgreSQL database at
 * DATABASE_URL, created and migrated on first use. Routes and hooks call `getDb()`; tests and scripts may open their
 * own with `openDatabase()` (SQLite), `openPostgres()` or `openTarget()`.
 * Call `await getDb()` from the server's `init` hook so a broken database stops the server at start.
 */
import { databaseTarget, readStorageEnv, type DatabaseTarget } from './env';
import type { Db, OpenOptions } from './database';
import { openDatabase } from './sqlite';
import { openPostgres } from './postgres';

export { Db, type Dialect, type OpenOptions } from './database';
export { SqliteDb, openDatabase } from './sqlite';
export { PostgresDb, openPostgres, describeUrl } from './postgres';
export {
	databasePath,
	databaseTarget,
	readStorageEnv,
	DATABASE_FILE,
	type DatabaseTarget,
	type StorageEnv
} from './env';
export { InputError } from './input';
export { migrations } from './migrations';
export * from './schema';

/** Open (creating and migrating if needed) the database a target names. */
export function openTarget(target: DatabaseTarget, options?: OpenOptions): Promise<Db> {
	return target.dialect === 'postgres'
		? openPostgres(target.url, options)
		: openDatabase(target.file, options);
}

let shared: Promise<Db> | undefined;
/** The same database once it is open, for the few callers that must not wait on a promise. */
let opened: Db | undefined;

/** The application's database (DATABASE_URL or DATA_DIR from the environment), opened and migrated once per process. */
export function getDb(): Promise<Db> {
	if (!shared) {
		const opening = openTarget(databaseTarget(readStorageEnv()));
		shared = opening;
		opening.then(
			(db) => {
				if (shared === opening) opened = db;
				process.once('sveltekit:shutdown', () => void closeDb());
			},
			() => {
				// Let the next call try again (and report the error again) instead of caching the failure.
				if (shared === opening) shared = undefined;
			}
		);
	}
	return shared;
}

/** The application's database if `getDb()` has opened it, without waiting; otherwise undefined. */
export function openedDb(): Db | undefined {
	return opened;
}

/** Close the application's database if it is open (adapter-node's shutdown does this automatically). */
export async function closeDb(): Promise<void> {
	const opening = shared;
	shared = undefined;
	opened = undefined;
	if (opening) await (await opening.catch(() => undefined))?.close();
}
export { isDatabaseUnavailable, describeDatabaseError } from './unavailable';
