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
	LOGIN_LIMITS,
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
		const stored = db.first(
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
		const rows = db.all(db.kysely.selectFrom('sessions').selectAll());
		expect(rows).toHaveLength(1);
		expect(rows[0]?.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
		expect(JSON.stringify(rows)).not.toContain(token);
		expect(await validateSession(token, db)).toEqual({
			reviewer: { id: ann.id, username: 'ann' },
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
		expect(db.all(db.kysely.selectFrom('sessions').select('reviewer_id'))).toHaveLength(1);
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

	it('locks a username after 5 wrong passwords for 15 minutes, even for the right password, and across a restart', async () => {
		await addReviewer('ann', PASSWORD, db);
		const results = [];
		for (let i = 0; i < LOGIN_LIMITS.perUsername; i++) {
			results.push(await login({ username: 'ann', password: `guess ${i} guess`, ip: `10.0.0.${i}` }, db));
			clock.advance(60_000);
		}
		expect(results.slice(0, 4).map((r) => !r.ok && r.reason)).toEqual([
			'invalid',
			'invalid',
			'invalid',
			'invalid'
		]);
		// The fifth failure (at 09:04) locks until the first one (09:00) is 15 minutes old.
		expect(results[4]).toEqual({
			ok: false,
			reason: 'locked',
			retryAfterMinutes: 11,
			message: 'Too many failed sign-in attempts. Try again in 11 minutes.'
		});
		expect(await login({ username: 'ann', password: PASSWORD, ip: '10.9.9.9' }, db)).toMatchObject({
			reason: 'locked',
			retryAfterMinutes: 10
		});

		// The lock lives in the database: a restarted server still refuses.
		await db.close();
		db = await temp.open({ now: clock.now });
		expect(await login({ username: 'ann', password: PASSWORD }, db)).toMatchObject({ reason: 'locked' });

		clock.advance(10 * 60_000);
		expect(await login({ username: 'ann', password: PASSWORD }, db)).toMatchObject({ ok: true });
		// Success clears the username's failures.
		expect(db.all(db.kysely.selectFrom('login_failures').select('id').where('username', '=', 'ann'))).toEqual(
			[]
		);
	}, 30_000);

	it('counts parallel guesses before checking them, so a burst cannot exceed the limit', async () => {
		await addReviewer('ann', PASSWORD, db);
		const burst = await Promise.all(
			Array.from({ length: 12 }, (_, i) =>
				login({ username: 'ann', password: `guess ${i} guess`, ip: '10.0.0.1' }, db)
			)
		);
		// Only five guesses were ever checked; by the time they failed, the five recorded attempts had locked the name.
		expect(db.all(db.kysely.selectFrom('login_failures').select('id'))).toHaveLength(
			LOGIN_LIMITS.perUsername
		);
		expect(burst.every((r) => !r.ok && r.reason === 'locked')).toBe(true);
	}, 30_000);

	it('locks an IP that fails across many usernames', async () => {
		await addReviewer('ann', PASSWORD, db);
		for (let i = 0; i < LOGIN_LIMITS.perIp; i++) {
			await login({ username: `user${i}`, password: 'wrong password', ip: '203.0.113.7' }, db);
		}
		expect(await login({ username: 'ann', password: PASSWORD, ip: '203.0.113.7' }, db)).toMatchObject({
			reason: 'locked',
			retryAfterMinutes: 15
		});
		expect(await login({ username: 'ann', password: PASSWORD, ip: '198.51.100.1' }, db)).toMatchObject({
			ok: true
		});
	}, 60_000);
});
