import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addReviewer } from '$lib/server/auth/reviewers';
import { backupDatabase } from './backup';
import { openDatabase, type SqliteDb } from './index';

describe('backupDatabase', () => {
	let dir: string;
	let db: SqliteDb;
	beforeEach(async () => {
		dir = mkdtempSync(join(tmpdir(), 'backup-'));
		db = await openDatabase(join(dir, 'app.sqlite'));
	});
	afterEach(async () => {
		await db.close();
		rmSync(dir, { recursive: true, force: true });
	});

	it('copies committed data into a new file that opens as a database, readable by its owner only', async () => {
		await addReviewer('alice', 'correct horse battery staple 42', db);
		const result = await backupDatabase(db, join(dir, 'copy.sqlite'));
		expect(result.bytes).toBeGreaterThan(0);
		expect(statSync(result.file).mode & 0o777).toBe(0o600);
		const copy = await openDatabase(result.file);
		try {
			const names = await copy.all(copy.kysely.selectFrom('reviewers').select('username'));
			expect(names).toEqual([{ username: 'alice' }]);
		} finally {
			await copy.close();
		}
	});

	it('never overwrites a file', async () => {
		const existing = join(dir, 'keep.sqlite');
		writeFileSync(existing, 'precious');
		await expect(backupDatabase(db, existing)).rejects.toThrow(/exists already/);
	});

	it('refuses a folder that does not exist and the database file itself', async () => {
		await expect(backupDatabase(db, join(dir, 'missing', 'copy.sqlite'))).rejects.toThrow(/does not exist/);
		await expect(backupDatabase(db, db.file)).rejects.toThrow(/database itself/);
	});
});
