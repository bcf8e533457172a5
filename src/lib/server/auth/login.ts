/**
 * Sign-in with throttling that slows guessing without letting a stranger lock a reviewer out.
 *
 * Failed attempts are rows in `login_failures` (in the database, so a restart or a second instance sees them),
 * counted over a day per username and per client address. After a few free failures each further attempt must wait
 * a delay that doubles with every failure, up to a cap (`backoffMs`); an attempt inside the delay is refused
 * without checking the password and without being counted, so hammering does not extend it. An attempt is recorded
 * *before* the password is checked, in the same transaction as the throttle check, so parallel guesses cannot slip
 * past while scrypt runs; a successful sign-in removes the username's failures again.
 *
 * Known devices: a successful sign-in gives the browser a random device token (cookie `review_device`; the database
 * holds its SHA-256). The right password from a browser with that account's token gets in even while the account
 * or the address is throttled, so an attacker can slow guessing down but cannot keep the reviewer out. Wrong
 * passwords sent with a device token are throttled per device, so a stolen cookie buys no extra guesses.
 */
import { createHash, randomBytes } from 'node:crypto';
import * as v from 'valibot';
import type { Cookies } from '@sveltejs/kit';
import { getDb, type Db } from '../db/index';
import { DUMMY_HASH, hashPassword, needsRehash, verifyPassword } from './password';
import { UsernameSchema, type ReviewerRef } from './reviewers';
import { insertSession } from './sessions';

/** A backoff rule: failures allowed without delay, the first delay, and the longest. */
export interface Backoff {
	free: number;
	baseMs: number;
	capMs: number;
}

/**
 * Throttling: failures are remembered for `windowMs`; per username, per address (more free failures: an office
 * may share one address) and per known device.
 */
export const LOGIN_THROTTLE = {
	windowMs: 24 * 60 * 60 * 1000,
	perUsername: { free: 3, baseMs: 1000, capMs: 15 * 60 * 1000 },
	perIp: { free: 10, baseMs: 1000, capMs: 15 * 60 * 1000 },
	perDevice: { free: 3, baseMs: 1000, capMs: 15 * 60 * 1000 }
} as const satisfies Record<string, number | Backoff>;

/** The known-device cookie's name, and how long a device stays known without a sign-in. */
export const DEVICE_COOKIE = 'review_device';
export const DEVICE_TTL_MS = 365 * 24 * 60 * 60 * 1000;

/** The wait after `failures` failures: none for the first `free`, then base·2^(failures−free), at most the cap. */
export function backoffMs(failures: number, rule: Backoff): number {
	if (failures < rule.free) return 0;
	return Math.min(rule.capMs, rule.baseMs * 2 ** Math.min(failures - rule.free, 40));
}

/** What a sign-in attempt gives the route. `message` is English; the UI's copy comes from messages/. */
export type LoginResult =
	| {
			ok: true;
			reviewer: ReviewerRef;
			token: string;
			expiresAt: Date;
			/** The known-device token to set (or refresh) in DEVICE_COOKIE. */
			device: { token: string; expiresAt: Date };
	  }
	| { ok: false; reason: 'invalid'; message: string }
	| { ok: false; reason: 'throttled'; retryAfterSeconds: number; message: string };

/** A sign-in attempt: what was typed, where from (`event.getClientAddress()`), and the device cookie if any. */
export interface LoginAttempt {
	username: string;
	password: string;
	ip?: string | null;
	deviceToken?: string | null;
}

const DEVICE_TOKEN = /^[A-Za-z0-9_-]{43}$/;
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const iso = (ms: number) => new Date(ms).toISOString();

const invalid = (): LoginResult => ({ ok: false, reason: 'invalid', message: 'Wrong username or password.' });

function throttled(untilMs: number, nowMs: number): LoginResult {
	const seconds = Math.max(1, Math.ceil((untilMs - nowMs) / 1000));
	return {
		ok: false,
		reason: 'throttled',
		retryAfterSeconds: seconds,
		message: `Too many attempts; try again in ${seconds} second${seconds === 1 ? '' : 's'}.`
	};
}

type Key = { column: 'username' | 'ip' | 'device_hash'; value: string; rule: Backoff };

/** When the next attempt for these keys may be checked (ms), or null when it may be now. Inside a transaction. */
async function throttledUntil(db: Db, keys: readonly Key[], nowMs: number): Promise<number | null> {
	const since = iso(nowMs - LOGIN_THROTTLE.windowMs);
	let until: number | null = null;
	for (const { column, value, rule } of keys) {
		const row = await db.first(
			db.kysely
				.selectFrom('login_failures')
				.select((eb) => [eb.fn.countAll<number>().as('failures'), eb.fn.max('at').as('last')])
				.where(column, '=', value)
				.where('at', '>', since)
		);
		if (!row?.last) continue;
		const end = Date.parse(row.last) + backoffMs(Number(row.failures), rule);
		if (end > nowMs) until = Math.max(until ?? 0, end);
	}
	return until;
}

/** Check a username and password; on success start a session. Wrong or throttled attempts say which, never why. */
export async function login(attempt: LoginAttempt, db?: Db): Promise<LoginResult> {
	const d = db ?? (await getDb());
	const typed =
		typeof attempt.username === 'string' ? attempt.username.trim().toLowerCase().slice(0, 64) : '';
	const password = typeof attempt.password === 'string' ? attempt.password : '';
	const ip = typeof attempt.ip === 'string' && attempt.ip ? attempt.ip.slice(0, 64) : null;
	const deviceHash =
		typeof attempt.deviceToken === 'string' && DEVICE_TOKEN.test(attempt.deviceToken)
			? hashToken(attempt.deviceToken)
			: null;
	const parsedName = v.safeParse(UsernameSchema, typed);
	const username = parsedName.success ? parsedName.output : null;

	const start = await d.transaction(async () => {
		const now = d.now().getTime();
		await d.run(d.kysely.deleteFrom('login_failures').where('at', '<=', iso(now - LOGIN_THROTTLE.windowMs)));
		const reviewer = username
			? await d.first(
					d.kysely
						.selectFrom('reviewers')
						.select(['id', 'username', 'password_hash'])
						.where('username', '=', username)
				)
			: undefined;
		// A device this reviewer signed in from before answers to its own throttle only.
		const known =
			reviewer && deviceHash
				? (await d.first(
						d.kysely
							.selectFrom('known_devices')
							.select('token_hash')
							.where('token_hash', '=', deviceHash)
							.where('reviewer_id', '=', reviewer.id)
							.where('last_used_at', '>', iso(now - DEVICE_TTL_MS))
					)) !== undefined
				: false;
		const keys: Key[] = known
			? [{ column: 'device_hash', value: deviceHash!, rule: LOGIN_THROTTLE.perDevice }]
			: [
					{ column: 'username', value: typed, rule: LOGIN_THROTTLE.perUsername },
					...(ip ? [{ column: 'ip' as const, value: ip, rule: LOGIN_THROTTLE.perIp }] : [])
				];
		const until = await throttledUntil(d, keys, now);
		if (until !== null) return { refused: throttled(until, now) };
		await d.run(
			d.kysely
				.insertInto('login_failures')
				.values({ username: typed, ip, at: iso(now), device_hash: known ? deviceHash : null })
		);
		return { refused: null, reviewer };
	});
	if (start.refused) return start.refused;

	const { reviewer } = start;
	// Unknown usernames still pay for one scrypt, so response time does not reveal which usernames exist.
	const matches = await verifyPassword(password.slice(0, 1024), reviewer?.password_hash ?? DUMMY_HASH);
	if (!reviewer || !matches || password.length > 1024) return invalid();

	const rehash = needsRehash(reviewer.password_hash) ? await hashPassword(password) : null;
	return await d.transaction(async () => {
		const now = d.now().getTime();
		await d.run(d.kysely.deleteFrom('login_failures').where('username', '=', typed));
		if (deviceHash) await d.run(d.kysely.deleteFrom('login_failures').where('device_hash', '=', deviceHash));
		if (rehash)
			await d.run(
				d.kysely.updateTable('reviewers').set({ password_hash: rehash }).where('id', '=', reviewer.id)
			);
		const device = await rememberDevice(d, reviewer.id, attempt.deviceToken, now);
		const { token, expiresAt } = await insertSession(d, reviewer.id);
		return {
			ok: true,
			reviewer: { id: reviewer.id, username: reviewer.username },
			token,
			expiresAt,
			device
		} as const;
	});
}

/** Keep (refresh) the browser's device token if it is this reviewer's, or issue a new one. Inside a transaction. */
async function rememberDevice(
	db: Db,
	reviewerId: number,
	presented: string | null | undefined,
	nowMs: number
): Promise<{ token: string; expiresAt: Date }> {
	await db.run(db.kysely.deleteFrom('known_devices').where('last_used_at', '<=', iso(nowMs - DEVICE_TTL_MS)));
	const expiresAt = new Date(nowMs + DEVICE_TTL_MS);
	if (typeof presented === 'string' && DEVICE_TOKEN.test(presented)) {
		const refreshed = await db.run(
			db.kysely
				.updateTable('known_devices')
				.set({ last_used_at: iso(nowMs) })
				.where('token_hash', '=', hashToken(presented))
				.where('reviewer_id', '=', reviewerId)
		);
		if (refreshed) return { token: presented, expiresAt };
	}
	const token = randomBytes(32).toString('base64url');
	await db.run(
		db.kysely.insertInto('known_devices').values({
			token_hash: hashToken(token),
			reviewer_id: reviewerId,
			created_at: iso(nowMs),
			last_used_at: iso(nowMs)
		})
	);
	return { token, expiresAt };
}

/** Options for the device cookie: http-only, sent only to the sign-in page, Secure on https. */
export function deviceCookieOptions(url: URL, expiresAt: Date): Parameters<Cookies['set']>[2] {
	return {
		path: '/login',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		expires: expiresAt
	};
}
