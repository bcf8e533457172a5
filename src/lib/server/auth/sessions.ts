/**
 * Database sessions. The browser holds a random 32-byte token (base64url) in an http-only cookie; the database
 * holds only its SHA-256, so a leaked database or backup cannot be replayed as a login. Expiry slides: each
 * request pushes it to 7 days from now (written at most once an hour per session). Logout deletes the row.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Cookies } from '@sveltejs/kit';
import { getDb, type Db } from '../db/index';
import type { Account } from './reviewers';

/** The session cookie's name. */
export const SESSION_COOKIE = 'review_session';
/** Sessions last this long after the last request. */
export const SESSION_TTL_MS = 7 * 24 * 60 * 60 * 1000;
/** Sliding expiry is written at most this often per session. */
const REFRESH_EVERY_MS = 60 * 60 * 1000;

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** A validated session: who is signed in and until when (set the cookie's expiry to this). */
export interface Session {
	/** The account with its role as it is now (a role change applies from the next request). */
	reviewer: Account;
	expiresAt: Date;
}

/** Cookie options accepted by SvelteKit's `cookies.set`. */
export type SessionCookieOptions = Parameters<Cookies['set']>[2];

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const iso = (ms: number) => new Date(ms).toISOString();

/** Insert a new session inside the caller's transaction. */
export async function insertSession(db: Db, reviewerId: number): Promise<{ token: string; expiresAt: Date }> {
	const now = db.now().getTime();
	const token = randomBytes(32).toString('base64url');
	const expiresAt = new Date(now + SESSION_TTL_MS);
	await db.run(db.kysely.deleteFrom('sessions').where('expires_at', '<=', iso(now)));
	await db.run(
		db.kysely.insertInto('sessions').values({
			token_hash: hashToken(token),
			reviewer_id: reviewerId,
			created_at: iso(now),
			expires_at: expiresAt.toISOString(),
			refreshed_at: iso(now)
		})
	);
	return { token, expiresAt };
}

/** Start a session for a reviewer; returns the token for the cookie (never stored) and its expiry. */
export async function createSession(
	reviewerId: number,
	db?: Db
): Promise<{ token: string; expiresAt: Date }> {
	const d = db ?? (await getDb());
	return await d.transaction(async () => insertSession(d, reviewerId));
}

/** The session for a cookie token, or null if unknown, malformed or expired; slides the expiry forward. */
export async function validateSession(token: string | null | undefined, db?: Db): Promise<Session | null> {
	if (typeof token !== 'string' || !TOKEN_PATTERN.test(token)) return null;
	const d = db ?? (await getDb());
	const tokenHash = hashToken(token);
	const row = await d.first(
		d.kysely
			.selectFrom('sessions')
			.innerJoin('reviewers', 'reviewers.id', 'sessions.reviewer_id')
			.select([
				'sessions.expires_at',
				'sessions.refreshed_at',
				'reviewers.id',
				'reviewers.username',
				'reviewers.role'
			])
			.where('sessions.token_hash', '=', tokenHash)
	);
	if (!row) return null;
	const now = d.now().getTime();
	if (Date.parse(row.expires_at) <= now) {
		await d.run(d.kysely.deleteFrom('sessions').where('token_hash', '=', tokenHash));
		return null;
	}
	let expiresAt = new Date(row.expires_at);
	if (now - Date.parse(row.refreshed_at) >= REFRESH_EVERY_MS) {
		expiresAt = new Date(now + SESSION_TTL_MS);
		await d.run(
			d.kysely
				.updateTable('sessions')
				.set({ expires_at: expiresAt.toISOString(), refreshed_at: iso(now) })
				.where('token_hash', '=', tokenHash)
		);
	}
	return { reviewer: { id: row.id, username: row.username, role: row.role }, expiresAt };
}

/** End a session (logout). Unknown tokens are ignored. */
export async function invalidateSession(token: string | null | undefined, db?: Db): Promise<void> {
	if (typeof token !== 'string' || !TOKEN_PATTERN.test(token)) return;
	const d = db ?? (await getDb());
	await d.run(d.kysely.deleteFrom('sessions').where('token_hash', '=', hashToken(token)));
}

/** End every session of a reviewer (password change, "sign out everywhere"); returns how many ended. */
export async function invalidateReviewerSessions(reviewerId: number, db?: Db): Promise<number> {
	const d = db ?? (await getDb());
	return await d.run(d.kysely.deleteFrom('sessions').where('reviewer_id', '=', reviewerId));
}

/**
 * Options for `cookies.set(SESSION_COOKIE, token, sessionCookieOptions(url, expiresAt))`: http-only, SameSite=Lax,
 * path /, Secure when the site is served over https (`event.url`; set ORIGIN or PROTOCOL_HEADER behind a proxy).
 * For logout, `cookies.delete(SESSION_COOKIE, sessionCookieOptions(url))`.
 */
export function sessionCookieOptions(url: URL, expiresAt?: Date): SessionCookieOptions {
	return {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		...(expiresAt ? { expires: expiresAt } : {})
	};
}
