/**
 * XLIFF import into review: parse and validate the whole file against the article (parseXliff), work out which
 * segments change, and save them all in one transaction. Any problem refuses the whole file; nothing is applied
 * partially.
 */
import type { Article } from '$lib/content/schema';
import { parseXliff } from '$lib/exports';
import { MAX_TEXT } from '$lib/review/forms';
import { DEFAULT_ROLE, maySetStatus, type Role } from '$lib/review/roles';
import { currentSegments, importChanges } from '$lib/review/workspace-model';
import { InputError, type Db } from '../db/index';
import { listSegmentStates, saveSegments } from './store';

/** What an import did: how many segments it changed and how many already matched, or why it refused the file. */
export type ImportResult =
	{ ok: true; applied: string[]; unchanged: number } | { ok: false; errors: string[] };

/**
 * Import an edited XLIFF file of `article` as `reviewerId`: all changes in one transaction, or none. A file that
 * gives a segment a status the account's `role` may not set (a translator's file marking units final) is
 * refused whole, naming the segments.
 */
export async function importXliff(
	article: Article,
	xml: string,
	reviewerId: number,
	db?: Db,
	role: Role = DEFAULT_ROLE
): Promise<ImportResult> {
	const parsed = parseXliff(xml, article, { maxTargetLength: MAX_TEXT });
	if (!parsed.ok) return { ok: false, errors: parsed.errors };
	const states = await listSegmentStates(article.slug, db);
	const version = new Map(states.map((s) => [s.segmentId, s]));
	const current = currentSegments(article, states).map((s) => ({
		...s,
		version: version.get(s.id)?.version ?? 0,
		updatedBy: version.get(s.id)?.updatedBy?.username ?? null
	}));
	const { changes, unchanged, stale } = importChanges(parsed.updates, current);
	if (stale.length)
		return {
			ok: false,
			errors: stale.map(
				(s) =>
					`segment ${s.segmentId} was saved again (version ${s.version}, by ${s.updatedBy ?? 'someone'}) after this file was exported at version ${s.fileVersion}; importing it would overwrite that save. Nothing was applied: export a fresh file and carry your changes over.`
			)
		};
	const refused = changes.filter((c) => !maySetStatus(role, c.status));
	if (refused.length)
		return {
			ok: false,
			errors: refused.map(
				(c) =>
					`segment ${c.segmentId}: a ${role} cannot set the status "${c.status}"; nothing was applied (ask a reviewer or an editor to import this file)`
			)
		};
	if (!changes.length) return { ok: true, applied: [], unchanged };
	let saved: Awaited<ReturnType<typeof saveSegments>>;
	try {
		saved = await saveSegments(
			changes.map((c) => ({ slug: article.slug, reviewerId, ...c })),
			db
		);
	} catch (e) {
		// What the store refuses (parseXliff checks the same limits first) is the file's problem, not a 500.
		if (e instanceof InputError) return { ok: false, errors: e.problems };
		throw e;
	}
	if (!saved.ok) {
		return {
			ok: false,
			errors: saved.conflicts.map(
				(c) =>
					`segment ${c.yours.segmentId} was saved by ${c.theirs.updatedBy?.username ?? 'someone'} during the import; nothing was applied, import the file again`
			)
		};
	}
	return { ok: true, applied: changes.map((c) => c.segmentId), unchanged };
}
