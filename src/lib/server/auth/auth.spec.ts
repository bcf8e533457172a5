import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { FakeClock, tempDataDir } from '../db/testing';
import type { Db } from '../db/index';
import {
	addReviewer,
	createSession,
	findReviewer,
	hashPassword,
	invalidateReviewerSessions,
	invalidateSession,
	LOGIN_THROTTLE,
	backoffMs,
	login,
	needsRehash,
	sessionCookieOptions,
	setReviewerPassword,
	SESSION_TTL_MS,
	validateSession,
	verifyPassword
} from './index';

const DAY = 24 * 60 * 60 * 1000;
const PASSWORD = 'correct horse battery staple';

let temp: ReturnType<typeof tempDataDir>;
let clock: FakeClock;
let db: Db;
beforeEach(async () => {
	temp = tempDataDir('review-auth-');
	clock = new FakeClock();
	db = await temp.open({ now: clock.now });
});
afterEach(async () => {
	await temp.cleanup();
});

describe('password hashing', () => {
	it('stores scrypt parameters and a random salt, and verifies only the right password', async () => {
		const a = await hashPassword(PASSWORD);
		const b = await hashPassword(PASSWORD);
		expect(a).toMatch(/^\$scrypt\$ln=15,r=8,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);
		expect(a).not.toBe(b);
		expect(await verifyPassword(PASSWORD, a)).toBe(true);
		expect(await verifyPassword(PASSWORD + ' ', a)).toBe(false);
		expect(await verifyPassword(PASSWORD, 'not a hash')).toBe(false);
		expect(needsRehash(a)).toBe(false);
		expect(needsRehash(a.replace('ln=15', 'ln=14'))).toBe(true);
	});

	it('verifies hashes made with other (older) parameters', async () => {
		// ln=14 hash of PASSWORD made with node:crypto directly, to prove the stored parameters are the ones used.
		const { scryptSync } = await import('node:crypto');
		const salt = Buffer.from('0123456789abcdef');
		const key = scryptSync(PASSWORD, salt, 32, { N: 2 ** 14, r: 8, p: 1 });
		const stored = `$scrypt$ln=14,r=8,p=1$${salt.toString('base64').replace(/=+$/, '')}$${key.toString('base64').replace(/=+$/, '')}`;
		expect(await verifyPassword(PASSWORD, stored)).toBe(true);
	});
});

describe('reviewers', () => {
	it('adds a reviewer with a normalised username and refuses duplicates and weak passwords', async () => {
		const ann = await addReviewer('  Ann.Lee ', PASSWORD, db);
		expect(ann).toMatchObject({ id: 1, username: 'ann.lee', createdAt: '2024-03-01T09:00:00.000Z' });
		await expect(addReviewer('ANN.LEE', PASSWORD, db)).rejects.toThrow(/already exists/);
		await expect(addReviewer('bob', 'short', db)).rejects.toThrow(/at least 10/);
		await expect(addReviewer('no spaces', PASSWORD, db)).rejects.toThrow(/username/);
		const stored = await db.first(
			db.kysely.selectFrom('reviewers').select('password_hash').where('id', '=', ann.id)
		);
		expect(stored?.password_hash).not.toContain(PASSWORD);
		expect(await findReviewer('Ann.Lee', db)).toMatchObject({ id: ann.id });
	});
});

describe('sessions', () => {
	it('creates a session whose token is stored only as its SHA-256, and validates it', async () => {
		const ann = await addReviewer('ann', PASSWORD, db);
		const { token, expiresAt } = await createSession(ann.id, db);
		expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 random bytes
		expect(expiresAt.getTime()).toBe(clock.now().getTime() + SESSION_TTL_MS);
		const rows = await db.all(db.kysely.selectFrom('sessions').selectAll());
		expect(rows).toHaveLength(1);
		expect(rows[0]?.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
		expect(JSON.stringify(rows)).not.toContain(token);
		expect(await validateSession(token, db)).toEqual({
			reviewer: { id: ann.id, username: 'ann', role: 'reviewer' },
			expiresAt
		});
		expect(await validateSession(token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A'), db)).toBeNull();
		expect(await validateSession('', db)).toBeNull();
		expect(await validateSession(undefined, db)).toBeNull();
	});

	it('expires after 7 days without use and slides while used', async () => {
		const ann = await addReviewer('ann', PASSWORD, db);
		const idle = await createSession(ann.id, db);
		const used = await createSession(ann.id, db);
		clock.advance(5 * DAY);
		const slid = await validateSession(used.token, db);
		expect(slid?.expiresAt.getTime()).toBe(clock.now().getTime() + SESSION_TTL_MS);
		clock.advance(2 * DAY + 1);
		expect(await validateSession(idle.token, db)).toBeNull();
		expect(await validateSession(used.token, db)).not.toBeNull();
		// The expired session's row is gone, not just refused.
		expect(await db.all(db.kysely.selectFrom('sessions').select('reviewer_id'))).toHaveLength(1);
		clock.advance(SESSION_TTL_MS);
		expect(await validateSession(used.token, db)).toBeNull();
	});

	it('logout deletes the session; a password change ends them all', async () => {
		const ann = await addReviewer('ann', PASSWORD, db);
		const a = await createSession(ann.id, db);
		const b = await createSession(ann.id, db);
		const c = await createSession(ann.id, db);
		await invalidateSession(a.token, db);
		expect(await validateSession(a.token, db)).toBeNull();
		expect(await validateSession(b.token, db)).not.toBeNull();
		await setReviewerPassword('ann', 'a new long passphrase', db);
		expect(await validateSession(b.token, db)).toBeNull();
		expect(await validateSession(c.token, db)).toBeNull();
		expect(await invalidateReviewerSessions(ann.id, db)).toBe(0);
	});

	it('gives http-only, SameSite=Lax cookie options, Secure on https only', () => {
		const expires = new Date('2024-03-08T09:00:00.000Z');
		expect(sessionCookieOptions(new URL('https://reader.example/review'), expires)).toEqual({
			path: '/',
			httpOnly: true,
			sameSite: 'lax',
			secure: true,
			expires
		});
		expect(sessionCookieOptions(new URL('http://localhost:3000/'))).toMatchObject({
			secure: false,
			httpOnly: true
		});
	});
});

describe('login and rate limiting', () => {
	it('signs in with the right password and starts a valid session', async () => {
		const ann = await addReviewer('ann', PASSWORD, db);
		const result = await login({ username: ' ANN ', password: PASSWORD, ip: '10.0.0.1' }, db);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.reviewer).toEqual({ id: ann.id, username: 'ann' });
		expect((await validateSession(result.token, db))?.reviewer.id).toBe(ann.id);
		expect(await login({ username: 'ann', password: 'wrong password', ip: '10.0.0.1' }, db)).toEqual({
			ok: false,
			reason: 'invalid',
			message: 'Wrong username or password.'
		});
		expect(await login({ username: 'nobody', password: PASSWORD, ip: '10.0.0.1' }, db)).toMatchObject({
			reason: 'invalid'
		});
	});

	it('backs off exponentially after a few failures, up to a cap', () => {
		const rule = LOGIN_THROTTLE.perUsername;
		expect([0, 1, 2, 3, 4, 5, 6].map((n) => backoffMs(n, rule))).toEqual([0, 0, 0, 1000, 2000, 4000, 8000]);
		expect(backoffMs(100, rule)).toBe(rule.capMs);
	});

	it('slows guesses at one username with growing delays, kept in the database, and the message says how long', async () => {
		await addReviewer('ann', PASSWORD, db);
		const guess = (i: number) =>
			login({ username: 'ann', password: `guess ${i} guess`, ip: `10.0.0.${i}` }, db);
		for (let i = 0; i < LOGIN_THROTTLE.perUsername.free; i++)
			expect(await guess(i)).toMatchObject({ reason: 'invalid' });
		// The fourth attempt waits 1 s after the third failure, the fifth 2 s after the fourth.
		expect(await guess(3)).toEqual({
			ok: false,
			reason: 'throttled',
			retryAfterSeconds: 1,
			message: 'Too many attempts; try again in 1 second.'
		});
		clock.advance(1000);
		expect(await guess(4)).toMatchObject({ reason: 'invalid' });
		expect(await guess(5)).toMatchObject({ reason: 'throttled', retryAfterSeconds: 2 });
		// Refused attempts are not counted: hammering during the delay does not extend it.
		for (let i = 0; i < 20; i++) await guess(6);
		clock.advance(2000);
		expect(await guess(7)).toMatchObject({ reason: 'invalid' });

		// Kept in the database: a restarted server (or a second instance) still throttles.
		await db.close();
		db = await temp.open({ now: clock.now });
		expect(await login({ username: 'ann', password: PASSWORD }, db)).toMatchObject({
			reason: 'throttled',
			retryAfterSeconds: 4,
			message: 'Too many attempts; try again in 4 seconds.'
		});
		clock.advance(4000);
		expect(await login({ username: 'ann', password: PASSWORD }, db)).toMatchObject({ ok: true });
		// Success clears the username's failures.
		expect(
			await db.all(db.kysely.selectFrom('login_failures').select('id').where('username', '=', 'ann'))
		).toEqual([]);
	}, 60_000);

	it('never locks for long: the delay is capped', async () => {
		await addReviewer('ann', PASSWORD, db);
		for (let i = 0; i < 40; i++) {
			const result = await login({ username: 'ann', password: 'wrong password' }, db);
			if (!result.ok && result.reason === 'throttled') clock.advance(result.retryAfterSeconds * 1000);
		}
		await login({ username: 'ann', password: 'wrong password' }, db);
		// About twenty failures: 2^17 s uncapped, but the wait is at most 15 minutes.
		expect(await login({ username: 'ann', password: 'wrong password' }, db)).toMatchObject({
			reason: 'throttled',
			retryAfterSeconds: LOGIN_THROTTLE.perUsername.capMs / 1000
		});
	}, 120_000);

	it('a stranger cannot keep a reviewer out: the right password from a known device gets in while throttled', async () => {
		await addReviewer('ann', PASSWORD, db);
		const first = await login({ username: 'ann', password: PASSWORD, ip: '10.0.0.1' }, db);
		if (!first.ok) throw new Error('first sign-in failed');
		expect(first.device.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
		// Only the token's SHA-256 is stored.
		expect(JSON.stringify(await db.all(db.kysely.selectFrom('known_devices').selectAll()))).not.toContain(
			first.device.token
		);

		// An attacker guesses from many addresses until the username is throttled…
		for (let i = 0; i < 8; i++)
			await login({ username: 'ann', password: `guess ${i} guess`, ip: `203.0.113.${i}` }, db);
		expect(await login({ username: 'ann', password: PASSWORD, ip: '10.0.0.1' }, db)).toMatchObject({
			reason: 'throttled'
		});
		// …but the reviewer's browser, with its device cookie, still gets in, and keeps its token.
		const again = await login(
			{ username: 'ann', password: PASSWORD, ip: '10.0.0.1', deviceToken: first.device.token },
			db
		);
		expect(again).toMatchObject({ ok: true, device: { token: first.device.token } });

		// Another account's device token, or a made-up one, is no pass.
		await addReviewer('bob', 'bob passphrase 22', db);
		for (let i = 0; i < 8; i++) await login({ username: 'bob', password: `guess ${i} guess` }, db);
		expect(
			await login({ username: 'bob', password: 'bob passphrase 22', deviceToken: first.device.token }, db)
		).toMatchObject({ reason: 'throttled' });
		expect(
			await login({ username: 'bob', password: 'bob passphrase 22', deviceToken: 'x'.repeat(43) }, db)
		).toMatchObject({ reason: 'throttled' });
	}, 120_000);

	it('wrong passwords with a device token are throttled per device, so a stolen cookie buys no extra guesses', async () => {
		await addReviewer('ann', PASSWORD, db);
		const first = await login({ username: 'ann', password: PASSWORD }, db);
		if (!first.ok) throw new Error('first sign-in failed');
		const withDevice = (password: string) =>
			login({ username: 'ann', password, deviceToken: first.device.token }, db);
		for (let i = 0; i < LOGIN_THROTTLE.perDevice.free; i++)
			expect(await withDevice(`guess ${i} guess`)).toMatchObject({ reason: 'invalid' });
		expect(await withDevice('another guess')).toMatchObject({ reason: 'throttled' });
	}, 60_000);

	it('counts parallel guesses before checking them, so a burst cannot exceed the free attempts', async () => {
		await addReviewer('ann', PASSWORD, db);
		const burst = await Promise.all(
			Array.from({ length: 12 }, (_, i) =>
				login({ username: 'ann', password: `guess ${i} guess`, ip: '10.0.0.1' }, db)
			)
		);
		// Only the free attempts were ever checked; the rest were throttled before scrypt ran.
		expect(await db.all(db.kysely.selectFrom('login_failures').select('id'))).toHaveLength(
			LOGIN_THROTTLE.perUsername.free
		);
		expect(burst.filter((r) => !r.ok && r.reason === 'throttled')).toHaveLength(
			12 - LOGIN_THROTTLE.perUsername.free
		);
	}, 30_000);

	it('slows an address that fails across many usernames, without stopping other addresses', async () => {
		await addReviewer('ann', PASSWORD, db);
		for (let i = 0; i < LOGIN_THROTTLE.perIp.free + 1; i++) {
			await login({ username: `user${i}`, password: 'wrong password', ip: '203.0.113.7' }, db);
		}
		expect(await login({ username: 'ann', password: PASSWORD, ip: '203.0.113.7' }, db)).toMatchObject({
			reason: 'throttled'
		});
		expect(await login({ username: 'ann', password: PASSWORD, ip: '198.51.100.1' }, db)).toMatchObject({
			ok: true
		});
	}, 60_000);
});
