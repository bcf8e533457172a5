/**
 * Who may edit the glossary, checked in this one place for every glossary page and action (the pages only hide
 * what the server would refuse).
 */
import { error, redirect } from '@sveltejs/kit';
import type { ReviewerRef } from '../auth/index';
import { loginUrl } from '../review/guard';

/** Whether the signed-in account may add, change and delete the app's glossary entries. */
export function mayEditGlossary(reviewer: ReviewerRef | null): reviewer is ReviewerRef {
	return reviewer !== null;
}

/** The signed-in glossary editor; otherwise the sign-in page (which comes back here) or a 403 saying why. */
export function requireGlossaryEditor(locals: App.Locals, url: URL): ReviewerRef {
	if (!locals.reviewer) redirect(303, loginUrl(url, locals.sessionExpired));
	if (!mayEditGlossary(locals.reviewer)) error(403, locals.t('glossaryEdit.errors.notEditor'));
	return locals.reviewer;
}
