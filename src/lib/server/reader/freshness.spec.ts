import { afterEach, describe, expect, it, vi } from 'vitest';
import { tempDataDir, testDialect } from '$lib/server/db/testing';
import { databaseStamp, databaseStampNow, syncWhenChanged, syncedStamp } from './freshness';

/** A row to write: a failed sign-in. */
const failure = (username: string) => ({
	username,
	ip: null,
	at: new Date().toISOString(),
	device_hash: null
});

describe('the database stamp', () => {
	let data: ReturnType<typeof tempDataDir> | undefined;
	afterEach(async () => {
		await data?.cleanup();
		data = undefined;
	});

	it('stays the same while nothing is written, and changes with a write through this connection or another', async () => {
		data = tempDataDir('freshness-');
		const one = await data.open();
		const two = await data.open();
		const first = await databaseStamp(one);
		expect(await databaseStamp(one)).toBe(first);
		// A statement that changes no row changes nothing.
		await one.run(one.kysely.deleteFrom('login_failures').where('username', '=', 'nobody'));
		expect(await databaseStamp(one)).toBe(first);

		await one.run(one.kysely.insertInto('login_failures').values(failure('one')));
		const afterOwn = await databaseStamp(one);
		expect(afterOwn).not.toBe(first);

		await two.run(two.kysely.insertInto('login_failures').values(failure('two')));
		const afterOther = await databaseStamp(one);
		expect(afterOther).not.toBe(afterOwn);
		expect(await databaseStamp(one)).toBe(afterOther);
		// Read at once where the database allows it (SQLite), the stamp is the same one.
		expect(databaseStampNow(one)).toBe(testDialect() === 'sqlite' ? afterOther : undefined);
		await two.run(two.kysely.insertInto('login_failures').values(failure('three')));
		if (testDialect() === 'sqlite') expect(databaseStampNow(one)).not.toBe(afterOther);
	});

	it('runs the sync once per change, and reports the stamp it is up to date with', async () => {
		data = tempDataDir('freshness-');
		const one = await data.open();
		const two = await data.open();
		let runs = 0;
		const sync = async () => {
			runs++;
		};
		const stamp = await syncWhenChanged(sync, one);
		await syncWhenChanged(sync, one);
		expect(runs).toBe(1);
		expect(syncedStamp(one)).toBe(stamp);

		await two.run(two.kysely.insertInto('login_failures').values(failure('two')));
		expect(await syncWhenChanged(sync, one)).not.toBe(stamp);
		expect(runs).toBe(2);
	});

	it.runIf(testDialect() === 'postgres')(
		'PostgreSQL: a commit in progress while the stamp is read changes the stamp once it lands',
		async () => {
			data = tempDataDir('freshness-');
			const one = await data.open();
			const two = await data.open();
			let during = '';
			await two.transaction(async () => {
				await two.run(two.kysely.insertInto('login_failures').values(failure('two')));
				during = await databaseStamp(one);
			});
			expect(await databaseStamp(one)).not.toBe(during);
		}
	);

	it.runIf(testDialect() === 'postgres')(
		'PostgreSQL: concurrent requests share stamp reads, but never one sent before they asked',
		async () => {
			data = tempDataDir('freshness-');
			const one = await data.open();
			const two = await data.open();
			const original = one.first.bind(one);
			const first = vi.spyOn(one, 'first');
			const burst = await Promise.all(Array.from({ length: 50 }, () => databaseStamp(one)));
			// The first caller's read, then one read for everyone who asked while it was out.
			expect(first.mock.calls.length).toBeLessThanOrEqual(2);
			expect(new Set(burst).size).toBeLessThanOrEqual(2);

			// A read is still out (held here) when a change commits; a request made after the commit gets a later
			// read, not that one.
			// The read's answer is back from the server before the change is written (otherwise the server could run
			// it after the commit, and it would be a later read after all); only its delivery is held.
			let release!: () => void;
			const gate = new Promise<void>((open) => (release = open));
			let answered!: () => void;
			const back = new Promise<void>((done) => (answered = done));
			first.mockImplementationOnce(async (query) => {
				const row = await original(query);
				answered();
				await gate;
				return row as never;
			});
			const early = databaseStamp(one);
			await back;
			await two.run(two.kysely.insertInto('login_failures').values(failure('later')));
			const late = databaseStamp(one);
			release();
			expect(await late).not.toBe(await early);
			expect(await databaseStamp(one)).toBe(await late);
		}
	);
});
