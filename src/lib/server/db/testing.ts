/** Test helpers for the storage layer: temporary data directories with real database files, and a fake clock. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db, type OpenOptions } from './database';
import { DATABASE_FILE } from './env';

/** A temporary DATA_DIR; `cleanup()` closes every database opened through it and deletes the directory. */
export function tempDataDir(prefix = 'review-db-') {
	const dir = mkdtempSync(join(tmpdir(), prefix));
	const opened: Db[] = [];
	return {
		dir,
		file: join(dir, DATABASE_FILE),
		/** Open (another connection to) this directory's database file. */
		async open(options?: OpenOptions): Promise<Db> {
			const db = await openDatabase(join(dir, DATABASE_FILE), options);
			opened.push(db);
			return db;
		},
		async cleanup(): Promise<void> {
			for (const db of opened) await db.close();
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
