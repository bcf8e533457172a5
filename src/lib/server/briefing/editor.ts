/**
 * Who may edit a briefing (correct figure rows, review section summaries): editors, by the `editBriefing`
 * permission of $lib/review/roles. The one place the briefing's routes ask.
 */
import { can } from '$lib/review/roles';
import type { Account } from '../auth/index';
import { requirePermission } from '../review/guard';

/** The signed-in editor; signed out → the sign-in page, another role → 403 saying who may. */
export function requireEditor(locals: App.Locals, url: URL): Account {
	return requirePermission(locals, url, 'editBriefing');
}

/** Whether the request's account may edit briefings (for showing the edit link). */
export function isEditor(locals: App.Locals): boolean {
	return locals.reviewer !== null && can(locals.reviewer.role, 'editBriefing');
}
