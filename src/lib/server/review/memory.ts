/**
 * The translation memory: every approved segment of every article, and the units imported from TMX files, with
 * fuzzy lookup for the workspace and exact matches for pre-translation. The imported units' index is built once
 * per change (they can be many); the approved segments' index is rebuilt per lookup (they are few, and change
 * with every approval).
 */
import { walkSegments } from '$lib/content/walk';
import { allArticles } from '$lib/server/content/store';
import {
	MAX_MATCHES,
	MemoryIndex,
	concordance,
	toMatch,
	type FuzzyHit,
	type MatchOrigin,
	type MemoryEntry,
	type MemoryMatch
} from '$lib/review/memory';
import { getDb, type Db } from '../db/index';
import { createReviewStore } from './store';

type Index = MemoryIndex<MatchOrigin>;

const imported = new WeakMap<Db, { stamp: string; index: Index }>();

/** The index of imported TMX units, rebuilt when units were added. */
async function importedIndex(db: Db): Promise<Index> {
	const store = createReviewStore(db);
	const stamp = await store.memoryStamp();
	const cached = imported.get(db);
	if (cached?.stamp === stamp) return cached.index;
	const index = new MemoryIndex<MatchOrigin>(
		(await store.listMemoryUnits()).map((u) => ({
			zh: u.zh,
			en: u.en,
			origin: { kind: 'tmx', file: u.file }
		}))
	);
	imported.set(db, { stamp, index });
	return index;
}

/** The index of every approved segment of every article (the article's Chinese, the approved English). */
async function approvedIndex(db: Db): Promise<Index> {
	const approved = await createReviewStore(db).listApprovedSegments();
	if (!approved.length) return new MemoryIndex<MatchOrigin>([]);
	const bySlug = new Map<string, { title: string; zh: Map<string, string> }>();
	for (const article of await allArticles()) {
		const zh = new Map(walkSegments(article).map(({ segment }) => [segment.id, segment.zh]));
		bySlug.set(article.slug, { title: article.title.en, zh });
	}
	const entries = approved.flatMap((a): MemoryEntry<MatchOrigin>[] => {
		const article = bySlug.get(a.slug);
		const zh = article?.zh.get(a.segmentId);
		if (!article || zh === undefined) return []; // an article or segment no longer published
		return [
			{
				zh,
				en: a.en,
				origin: { kind: 'segment', slug: a.slug, segmentId: a.segmentId, title: article.title }
			}
		];
	});
	return new MemoryIndex(entries);
}

/** The whole memory, as the indexes a lookup consults (approved segments first). */
export async function memoryIndexes(db?: Db): Promise<Index[]> {
	const d = db ?? (await getDb());
	return [await approvedIndex(d), await importedIndex(d)];
}

/** A segment looked up: its key and Chinese. */
export interface LookupSegment {
	slug: string;
	id: string;
	zh: string;
}

const isSelf = (segment: LookupSegment) => (entry: MemoryEntry<MatchOrigin>) =>
	entry.origin.kind === 'segment' &&
	entry.origin.slug === segment.slug &&
	entry.origin.segmentId === segment.id;

/** The best hits for one segment over all indexes, never the segment itself; best first. */
export function lookupSegment(
	indexes: readonly Index[],
	segment: LookupSegment,
	options: { min?: number; limit?: number } = {}
): FuzzyHit<MatchOrigin>[] {
	const limit = options.limit ?? MAX_MATCHES;
	const skip = isSelf(segment);
	const hits = indexes.flatMap((index) => index.lookup(segment.zh, { ...options, limit, skip }));
	// Stable: at equal scores an approved segment comes before an imported unit, and the same English only once.
	hits.sort((a, b) => b.score - a.score);
	const seen = new Set<string>();
	return hits
		.filter((h) => {
			const key = `${h.entry.zh}\u0000${h.entry.en}`;
			if (seen.has(key)) return false;
			seen.add(key);
			return true;
		})
		.slice(0, limit);
}

/** Matches for the given segments (the open ones of a workspace), by segment id. */
export async function memoryMatches(
	segments: readonly LookupSegment[],
	db?: Db
): Promise<Map<string, MemoryMatch[]>> {
	if (!segments.length) return new Map();
	const indexes = await memoryIndexes(db);
	return new Map(segments.map((s) => [s.id, lookupSegment(indexes, s).map((h) => toMatch(h, s.zh))]));
}

/** A concordance answer: the entries containing the query (at most MAX_CONCORDANCE_RESULTS) and how many there are. */
export interface ConcordanceAnswer {
	query: string;
	results: { zh: string; en: string; origin: MatchOrigin }[];
	total: number;
}

/** Search the whole memory for a Chinese or English substring (approved segments first, then imported units). */
export async function searchMemory(query: string, db?: Db): Promise<ConcordanceAnswer> {
	const indexes = await memoryIndexes(db);
	const { results, total } = concordance(
		indexes.flatMap((index) => index.entries),
		query
	);
	return { query, results: results.map(({ zh, en, origin }) => ({ zh, en, origin })), total };
}
