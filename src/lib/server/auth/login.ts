/**
 * Sign-in with rate limiting. Failed attempts are rows in `login_failures` (so a restart does not reset them),
 * counted per username and per client IP over a sliding 15-minute window. An attempt is recorded *before* the
 * password is checked, in the same transaction as the limit check, so parallel guesses cannot slip past the limit
 * while scrypt runs; a successful sign-in removes the username's rows again.
 */
import * as v from 'valibot';
import { getDb, type Db } from '../db/index';
import { DUMMY_HASH, hashPassword, needsRehash, verifyPassword } from './password';
import { UsernameSchema, type ReviewerRef } from './reviewers';
import { insertSession } from './sessions';

/** Rate limits: failures allowed per window, per username and per IP (higher: an office may share one address). */
export const LOGIN_LIMITS = { windowMs: 15 * 60 * 1000, perUsername: 5, perIp: 20 } as const;

/** What a sign-in attempt gives the route. `message` is English; UI copy should come from messages/ (reason + minutes). */
export type LoginResult =
	| { ok: true; reviewer: ReviewerRef; token: string; expiresAt: Date }
	| { ok: false; reason: 'invalid'; message: string }
	| { ok: false; reason: 'locked'; retryAfterMinutes: number; message: string };

/** A sign-in attempt: what was typed and where from (`event.getClientAddress()`). */
export interface LoginAttempt {
	username: string;
	password: string;
	ip?: string | null;
}

const invalid = (): LoginResult => ({ ok: false, reason: 'invalid', message: 'Wrong username or password.' });

function locked(untilMs: number, nowMs: number): LoginResult {
	const minutes = Math.max(1, Math.ceil((untilMs - nowMs) / 60_000));
	return {
		ok: false,
		reason: 'locked',
		retryAfterMinutes: minutes,
		message: `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`
	};
}

/** When the lock on this username or IP ends, or null if neither is locked. Call inside a transaction. */
function lockedUntil(db: Db, username: string, ip: string | null, nowMs: number): number | null {
	const since = new Date(nowMs - LOGIN_LIMITS.windowMs).toISOString();
	// The limit-th most recent failure in the window: the lock lifts when it leaves the window.
	const nth = (column: 'username' | 'ip', value: string, limit: number) =>
		db.first(
			db.kysely
				.selectFrom('login_failures')
				.select('at')
				.where(column, '=', value)
				.where('at', '>', since)
				.orderBy('at', 'desc')
				.limit(1)
				.offset(limit - 1)
		)?.at;
	const ends = [
		nth('username', username, LOGIN_LIMITS.perUsername),
		ip ? nth('ip', ip, LOGIN_LIMITS.perIp) : undefined
	]
		.filter((at): at is string => at !== undefined)
		.map((at) => Date.parse(at) + LOGIN_LIMITS.windowMs);
	return ends.length ? Math.max(...ends) : null;
}

/** Check a username and password; on success start a session. Wrong or locked attempts say which, never why. */
export async function login(attempt: LoginAttempt, db?: Db): Promise<LoginResult> {
	const d = db ?? (await getDb());
	const typed =
		typeof attempt.username === 'string' ? attempt.username.trim().toLowerCase().slice(0, 64) : '';
	const password = typeof attempt.password === 'string' ? attempt.password : '';
	const ip = typeof attempt.ip === 'string' && attempt.ip ? attempt.ip.slice(0, 64) : null;
	const parsedName = v.safeParse(UsernameSchema, typed);
	const username = parsedName.success ? parsedName.output : null;

	const start = d.transaction(() => {
		const now = d.now().getTime();
		d.run(
			d.kysely
				.deleteFrom('login_failures')
				.where('at', '<=', new Date(now - LOGIN_LIMITS.windowMs).toISOString())
		);
		const until = lockedUntil(d, typed, ip, now);
		if (until !== null) return { locked: locked(until, now), reviewer: undefined };
		d.run(
			d.kysely.insertInto('login_failures').values({ username: typed, ip, at: new Date(now).toISOString() })
		);
		const reviewer = username
			? d.first(
					d.kysely
						.selectFrom('reviewers')
						.select(['id', 'username', 'password_hash'])
						.where('username', '=', username)
				)
			: undefined;
		return { locked: null, reviewer };
	});
	if (start.locked) return start.locked;

	const { reviewer } = start;
	// Unknown usernames still pay for one scrypt, so response time does not reveal which usernames exist.
	const matches = await verifyPassword(password.slice(0, 1024), reviewer?.password_hash ?? DUMMY_HASH);
	if (!reviewer || !matches || password.length > 1024) {
		return d.transaction(() => {
			const now = d.now().getTime();
			const until = lockedUntil(d, typed, ip, now);
			return until !== null ? locked(until, now) : invalid();
		});
	}

	const rehash = needsRehash(reviewer.password_hash) ? await hashPassword(password) : null;
	return d.transaction(() => {
		d.run(d.kysely.deleteFrom('login_failures').where('username', '=', typed));
		if (rehash)
			d.run(d.kysely.updateTable('reviewers').set({ password_hash: rehash }).where('id', '=', reviewer.id));
		const { token, expiresAt } = insertSession(d, reviewer.id);
		return {
			ok: true,
			reviewer: { id: reviewer.id, username: reviewer.username },
			token,
			expiresAt
		} as const;
	});
}
