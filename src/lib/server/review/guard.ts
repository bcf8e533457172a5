/** Review pages and actions need a signed-in account (some a role, $lib/review/roles); reading stays public. */
import { error, redirect } from '@sveltejs/kit';
import { can, rolesThatCan, type Permission } from '$lib/review/roles';
import type { Account } from '../auth/index';

/** The sign-in page, returning to `url`'s page (form-action query strings dropped) and saying why when the session expired. */
export function loginUrl(url: URL, expired: boolean): string {
	const next = url.pathname + (url.search.startsWith('?/') ? '' : url.search);
	return `/login?next=${encodeURIComponent(next)}${expired ? '&expired=1' : ''}`;
}

/** The signed-in reviewer, or a redirect to the sign-in page (which comes back here). */
export function requireReviewer(locals: App.Locals, url: URL): Account {
	if (!locals.reviewer) redirect(303, loginUrl(url, locals.sessionExpired));
	return locals.reviewer;
}

/** The message refusing `permission` to `account`: what their role is and which roles may. */
export function refusal(t: App.Locals['t'], account: Account, permission: Permission): string {
	return t('roles.refused', {
		role: t(`roles.names.${account.role}`),
		action: t(`roles.permissions.${permission}`),
		roles: rolesThatCan(permission)
			.map((r) => t(`roles.plural.${r}`))
			.join(t('roles.or'))
	});
}

/**
 * A signed-in account whose role may do `permission`: signed out → the sign-in page; signed in without the
 * role → 403 with the reason (for pages; actions use `reviewAction`'s `permission`).
 */
export function requirePermission(locals: App.Locals, url: URL, permission: Permission): Account {
	const account = requireReviewer(locals, url);
	if (!can(account.role, permission)) error(403, refusal(locals.t, account, permission));
	return account;
}
