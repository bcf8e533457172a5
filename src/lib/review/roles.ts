/**
 * Who may do what, defined once. An account is a translator, a reviewer or an editor; the server checks every
 * review action, import and publication against this table (the pages only hide what the server would refuse).
 * Pure: the database's check constraint (src/lib/server/db/migrations.ts), the `reviewer:add --role` option,
 * the review actions and the article pages all take it from here.
 */
import { REVIEW_STATUSES, type ReviewStatus } from './status';

/** The roles, from least to most trusted. */
export const ROLES = ['translator', 'reviewer', 'editor'] as const;
/** An account's role. */
export type Role = (typeof ROLES)[number];

/** The role of an account created without `--role`, and of every account made before roles existed. */
export const DEFAULT_ROLE: Role = 'reviewer';

/** Whether a value is one of the roles. */
export function isRole(value: unknown): value is Role {
	return (ROLES as readonly unknown[]).includes(value);
}

/**
 * What a role may do beyond saving segments:
 * - `review`: accept QA warnings, import an XLIFF (which sets reviewed/approved states) or a TMX into the memory;
 * - `importArticles`: bring a new article in at /articles/new (and see unpublished ones);
 * - `publish`: publish and unpublish articles;
 * - `editGlossary`: add and change glossary entries (proposed terms);
 * - `assign`: give segments or articles to translators and reviewers.
 */
export const PERMISSIONS = ['review', 'importArticles', 'publish', 'editGlossary', 'assign'] as const;
/** Something only some roles may do. */
export type Permission = (typeof PERMISSIONS)[number];

/** The statuses a translator may save: their own work, ready (or not yet ready) for review. */
const TRANSLATOR_STATUSES: readonly ReviewStatus[] = ['draft', 'translated'];

const STATUSES: Record<Role, readonly ReviewStatus[]> = {
	translator: TRANSLATOR_STATUSES,
	// A reviewer also corrects English, so every status (as before roles existed).
	reviewer: REVIEW_STATUSES,
	editor: REVIEW_STATUSES
};

const GRANTS: Record<Role, readonly Permission[]> = {
	translator: [],
	reviewer: ['review'],
	editor: PERMISSIONS
};

/** The statuses a role may give a segment when saving it, in workflow order. */
export function statusesFor(role: Role): readonly ReviewStatus[] {
	return STATUSES[role];
}

/** Whether a role may save a segment with this status. */
export function maySetStatus(role: Role, status: ReviewStatus): boolean {
	return STATUSES[role].includes(status);
}

/** Whether a role may do something beyond saving segments. */
export function can(role: Role, permission: Permission): boolean {
	return GRANTS[role].includes(permission);
}

/** The roles that may set a status (for messages: "ask a reviewer or an editor"). */
export function rolesThatMaySet(status: ReviewStatus): Role[] {
	return ROLES.filter((r) => maySetStatus(r, status));
}

/** The roles that may do something (for messages). */
export function rolesThatCan(permission: Permission): Role[] {
	return ROLES.filter((r) => can(r, permission));
}
