/**
 * Pre-translation: every open segment (not reviewed or approved) whose Chinese is in the memory word for word
 * gets that English, saved as a draft (never translated or approved: a person still has to look), in one
 * transaction; and its undo, which puts back what each segment had, also in one transaction and only if nobody
 * has saved those segments since.
 */
import type { Article } from '$lib/content/schema';
import { walkSegments } from '$lib/content/walk';
import { DEFAULT_STATUS, type ReviewStatus } from '$lib/review/status';
import type { Db } from '../db/index';
import { lookupSegment, memoryIndexes } from './memory';
import { listSegmentStates, saveSegments, segmentHistory, type SaveSegmentInput } from './store';

/** Statuses pre-translation leaves alone: someone has checked these. */
const CHECKED: readonly ReviewStatus[] = ['reviewed', 'approved'];

/** A segment pre-translation filled, and the version its save made (what undo needs). */
export interface Filled {
	segmentId: string;
	version: number;
}

/** The outcome of pretranslate or undoPretranslate: the segments written, or those that changed meanwhile. */
export type PretranslateResult = { ok: true; filled: Filled[] } | { ok: false; changed: string[] };

/** Fill every open segment with its exact (100%) memory match, as drafts. */
export async function pretranslate(
	article: Article,
	reviewerId: number,
	db?: Db
): Promise<PretranslateResult> {
	const [states, indexes] = await Promise.all([listSegmentStates(article.slug, db), memoryIndexes(db)]);
	const byId = new Map(states.map((s) => [s.segmentId, s]));
	const saves: SaveSegmentInput[] = [];
	for (const { segment } of walkSegments(article)) {
		const state = byId.get(segment.id);
		if (CHECKED.includes(state?.status ?? DEFAULT_STATUS)) continue;
		const [hit] = lookupSegment(
			indexes,
			{ slug: article.slug, id: segment.id, zh: segment.zh },
			{ min: 1, limit: 1 }
		);
		const en = state?.en ?? segment.en;
		if (!hit || hit.entry.en === en) continue; // already says so
		saves.push({
			slug: article.slug,
			segmentId: segment.id,
			en: hit.entry.en,
			status: 'draft',
			baseVersion: state?.version ?? 0,
			reviewerId
		});
	}
	if (!saves.length) return { ok: true, filled: [] };
	const result = await saveSegments(saves, db);
	if (!result.ok) return { ok: false, changed: result.conflicts.map((c) => c.yours.segmentId) };
	return { ok: true, filled: result.states.map((s) => ({ segmentId: s.segmentId, version: s.version })) };
}

/** Put back what each filled segment had before, all or nothing. */
export async function undoPretranslate(
	article: Article,
	filled: readonly Filled[],
	reviewerId: number,
	db?: Db
): Promise<PretranslateResult> {
	const fileEn = new Map(walkSegments(article).map(({ segment }) => [segment.id, segment.en]));
	const saves: SaveSegmentInput[] = [];
	const changed: string[] = [];
	for (const f of filled) {
		const entry = (await segmentHistory({ slug: article.slug, segmentId: f.segmentId }, db)).find(
			(h) => h.version === f.version
		);
		const original = fileEn.get(f.segmentId);
		if (!entry || original === undefined) {
			changed.push(f.segmentId);
			continue;
		}
		saves.push({
			slug: article.slug,
			segmentId: f.segmentId,
			en: entry.oldEn ?? original,
			status: entry.oldStatus,
			baseVersion: f.version,
			reviewerId
		});
	}
	if (changed.length) return { ok: false, changed };
	const result = await saveSegments(saves, db);
	if (!result.ok) return { ok: false, changed: result.conflicts.map((c) => c.yours.segmentId) };
	return { ok: true, filled: result.states.map((s) => ({ segmentId: s.segmentId, version: s.version })) };
}
