/** Reviewer accounts: created by `npm run reviewer:add`, never by the web app. */
import * as v from 'valibot';
import { DEFAULT_ROLE, ROLES, type Role } from '$lib/review/roles';
import { getDb, type Db } from '../db/index';
import { InputError, parseInput } from '../db/input';
import { hashPassword } from './password';
import { weakPasswordReason } from './password-strength';

/** Who did something: enough to show and link a reviewer. */
export interface ReviewerRef {
	id: number;
	username: string;
}

/** A signed-in account: who, and what their role lets them do ($lib/review/roles). */
export interface Account extends ReviewerRef {
	role: Role;
}

/** An account (translator, reviewer or editor; without its password hash). */
export interface Reviewer extends Account {
	createdAt: string;
	passwordUpdatedAt: string;
}

/** Usernames: 2–32 of lowercase letters, digits, '.', '_' and '-', starting with a letter or digit (input is trimmed and lowercased). */
export const UsernameSchema = v.pipe(
	v.string('username must be text'),
	v.trim(),
	v.toLowerCase(),
	v.regex(
		/^[a-z0-9][a-z0-9._-]{1,31}$/,
		'username must be 2–32 letters, digits, ".", "_" or "-", starting with a letter or digit'
	)
);

/** Passwords: at least 10 characters (a passphrase is best), at most 1024; strength is checked too (checkPassword). */
export const PasswordSchema = v.pipe(
	v.string('password must be text'),
	v.minLength(10, 'password must be at least 10 characters'),
	v.maxLength(1024, 'password must be at most 1024 characters')
);

/** A role as typed on the command line (`--role editor`). */
export const RoleSchema = v.picklist(ROLES, `role must be one of ${ROLES.join(', ')}`);

const columns = ['id', 'username', 'role', 'created_at', 'password_updated_at'] as const;
const toReviewer = (row: {
	id: number;
	username: string;
	role: Role;
	created_at: string;
	password_updated_at: string;
}): Reviewer => ({
	id: row.id,
	username: row.username,
	role: row.role,
	createdAt: row.created_at,
	passwordUpdatedAt: row.password_updated_at
});

/** Refuse a password that is malformed or too easy to guess (the reason says why and what would help). */
function checkPassword(password: string, username: string): void {
	parseInput(PasswordSchema, password);
	const weak = weakPasswordReason(password, [username]);
	if (weak) throw new InputError([weak]);
}

/**
 * Create an account (a reviewer unless `role` says otherwise); throws InputError for a bad username or role, a
 * weak password, or if the username is taken.
 */
export async function addReviewer(
	username: string,
	password: string,
	db?: Db,
	role: Role = DEFAULT_ROLE
): Promise<Reviewer> {
	const name = parseInput(UsernameSchema, username);
	const accountRole = parseInput(RoleSchema, role);
	checkPassword(password, name);
	const hash = await hashPassword(password);
	const d = db ?? (await getDb());
	return await d.transaction(async () => {
		if (await d.first(d.kysely.selectFrom('reviewers').select('id').where('username', '=', name))) {
			throw new InputError([`reviewer "${name}" already exists`]);
		}
		const at = d.nowIso();
		const row = await d.first(
			d.kysely
				.insertInto('reviewers')
				.values({
					username: name,
					password_hash: hash,
					role: accountRole,
					created_at: at,
					password_updated_at: at
				})
				.returning(columns)
		);
		if (!row) throw new Error('insert returned no row');
		return toReviewer(row);
	});
}

/** Replace a reviewer's password, sign them out everywhere, forget their known devices and clear their failed sign-ins. */
export async function setReviewerPassword(username: string, password: string, db?: Db): Promise<Reviewer> {
	const name = parseInput(UsernameSchema, username);
	checkPassword(password, name);
	const hash = await hashPassword(password);
	const d = db ?? (await getDb());
	return await d.transaction(async () => {
		const row = await d.first(
			d.kysely
				.updateTable('reviewers')
				.set({ password_hash: hash, password_updated_at: d.nowIso() })
				.where('username', '=', name)
				.returning(columns)
		);
		if (!row) throw new InputError([`no reviewer "${name}"`]);
		await d.run(d.kysely.deleteFrom('sessions').where('reviewer_id', '=', row.id));
		await d.run(d.kysely.deleteFrom('login_failures').where('username', '=', name));
		// A new password (perhaps after a compromise): no browser keeps its pass around throttling.
		await d.run(d.kysely.deleteFrom('known_devices').where('reviewer_id', '=', row.id));
		return toReviewer(row);
	});
}

/** Give an existing account another role (takes effect on its next request); throws InputError if unknown. */
export async function setReviewerRole(username: string, role: Role, db?: Db): Promise<Reviewer> {
	const name = parseInput(UsernameSchema, username);
	const accountRole = parseInput(RoleSchema, role);
	const d = db ?? (await getDb());
	const row = await d.first(
		d.kysely
			.updateTable('reviewers')
			.set({ role: accountRole })
			.where('username', '=', name)
			.returning(columns)
	);
	if (!row) throw new InputError([`no account "${name}"`]);
	return toReviewer(row);
}

/** A reviewer by id, if any. */
export async function getReviewer(id: number, db?: Db): Promise<Reviewer | undefined> {
	const d = db ?? (await getDb());
	const row = await d.first(d.kysely.selectFrom('reviewers').select(columns).where('id', '=', id));
	return row && toReviewer(row);
}

/** A reviewer by username (case-insensitive), if any. */
export async function findReviewer(username: string, db?: Db): Promise<Reviewer | undefined> {
	const parsed = v.safeParse(UsernameSchema, username);
	if (!parsed.success) return undefined;
	const d = db ?? (await getDb());
	const row = await d.first(
		d.kysely.selectFrom('reviewers').select(columns).where('username', '=', parsed.output)
	);
	return row && toReviewer(row);
}

/** All reviewers, by username. */
export async function listReviewers(db?: Db): Promise<Reviewer[]> {
	const d = db ?? (await getDb());
	return (await d.all(d.kysely.selectFrom('reviewers').select(columns).orderBy('username'))).map(toReviewer);
}
