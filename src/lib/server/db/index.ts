/**
 * The storage layer: one SQLite file under DATA_DIR (default ./data), created and migrated on first use.
 * Routes and hooks call `getDb()`; tests and scripts may open their own file with `openDatabase()`.
 * Call `await getDb()` from the server's `init` hook so a broken database stops the server at start.
 */
import { databasePath, readStorageEnv } from './env';
import { Db, openDatabase } from './database';

export { Db, openDatabase, type OpenOptions } from './database';
export { databasePath, readStorageEnv, DATABASE_FILE, type StorageEnv } from './env';
export { InputError } from './input';
export { migrations } from './migrations';
export * from './schema';

let shared: Promise<Db> | undefined;

/** The application's database (DATA_DIR from the environment), opened and migrated once per process. */
export function getDb(): Promise<Db> {
	if (!shared) {
		const opening = openDatabase(databasePath(readStorageEnv()));
		shared = opening;
		opening.then(
			() => process.once('sveltekit:shutdown', () => void closeDb()),
			() => {
				// Let the next call try again (and report the error again) instead of caching the failure.
				if (shared === opening) shared = undefined;
			}
		);
	}
	return shared;
}

/** Close the application's database if it is open (adapter-node's shutdown does this automatically). */
export async function closeDb(): Promise<void> {
	const opening = shared;
	shared = undefined;
	if (opening) await (await opening.catch(() => undefined))?.close();
}
