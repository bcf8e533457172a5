/**
 * Online backup of the SQLite database (on PostgreSQL, back up with pg_dump; see the README): SQLite's backup API copies a consistent snapshot page by page while the
 * server keeps reading and writing (a plain file copy of a WAL database can miss committed pages or tear).
 */
import { chmodSync, existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { InputError } from './input';
import type { Db } from './database';
import { SqliteDb } from './sqlite';

/** What a finished backup wrote. */
export interface BackupResult {
	file: string;
	bytes: number;
	pages: number;
}

/**
 * Copy `db` into a new file `target`. Refuses to overwrite an existing file or to write into a folder that does
 * not exist; the copy is readable by its owner only, like the database.
 */
export async function backupDatabase(db: Db, target: string): Promise<BackupResult> {
	if (!(db instanceof SqliteDb))
		throw new InputError([
			`the database is ${db.location}; back it up with pg_dump (see "Running in production" in the README)`
		]);
	const file = resolve(target);
	if (file === db.file) throw new InputError(['the backup file must not be the database itself']);
	if (existsSync(file)) throw new InputError([`${file} exists already; choose a new file name`]);
	if (!existsSync(dirname(file)) || !statSync(dirname(file)).isDirectory())
		throw new InputError([`the folder ${dirname(file)} does not exist`]);
	const { totalPages } = await db.sqlite.backup(file);
	chmodSync(file, 0o600);
	return { file, bytes: statSync(file).size, pages: totalPages };
}
