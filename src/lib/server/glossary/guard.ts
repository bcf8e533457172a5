/**
 * Who may edit the glossary, checked in this one place for every glossary page and action (the pages only hide
 * what the server would refuse): an account whose role may 'editGlossary' ($lib/review/roles: editors).
 */
import { can } from '$lib/review/roles';
import type { Account } from '../auth/index';
import { refusal, requirePermission } from '../review/guard';

/** Whether the signed-in account may add, change and delete the app's glossary entries. */
export function mayEditGlossary(account: Account | null): account is Account {
	return account !== null && can(account.role, 'editGlossary');
}

/** The signed-in glossary editor; otherwise the sign-in page (which comes back here) or a 403 saying why. */
export function requireGlossaryEditor(locals: App.Locals, url: URL): Account {
	return requirePermission(locals, url, 'editGlossary');
}

/** Why the account may not edit the glossary (its role, and which roles may). */
export function glossaryRefusal(t: App.Locals['t'], account: Account): string {
	return refusal(t, account, 'editGlossary');
}
