/**
 * Who may edit a briefing (correct figure rows, review summaries). Until the editor role exists, every
 * signed-in reviewer may: this is the one place to change when it does.
 */
import type { ReviewerRef } from '../auth/index';
import { requireReviewer } from '../review/guard';

/** The signed-in editor, or a redirect to the sign-in page (which comes back here). */
export function requireEditor(locals: App.Locals, url: URL): ReviewerRef {
	return requireReviewer(locals, url);
}

/** Whether the request's user may edit briefings (for showing the edit link). */
export function isEditor(locals: App.Locals): boolean {
	return locals.reviewer !== null;
}
