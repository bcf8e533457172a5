import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '$lib/server/db';
import { checkReadiness } from './probes';

describe('checkReadiness', () => {
	const dirs: string[] = [];
	afterEach(() => {
		for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
	});

	it('is ready when the database file opens and answers', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'probe-'));
		dirs.push(dir);
		const db = await openDatabase(join(dir, 'app.sqlite'));
		expect(await checkReadiness(async () => db)).toEqual({ status: 'ready' });
		await db.close();
	});

	it('says why when the database is closed', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'probe-'));
		dirs.push(dir);
		const db: Db = await openDatabase(join(dir, 'app.sqlite'));
		await db.close();
		const readiness = await checkReadiness(async () => db);
		expect(readiness.status).toBe('unavailable');
		expect(readiness).toMatchObject({ reason: expect.stringMatching(/^database: /) });
	});

	it('says why when the database cannot be opened', async () => {
		const readiness = await checkReadiness(() => Promise.reject(new Error('unable to open database file')));
		expect(readiness).toEqual({ status: 'unavailable', reason: 'database: unable to open database file' });
	});
});
