/**
 * The review workspace of one article, read from the review store: every segment with its state, this
 * reviewer's draft, comments, history, assignees and QA warnings (with acceptances). Also the QA context per article and
 * the review-side exports.
 */
import type { Article } from '$lib/content/schema';
import { walkSegments } from '$lib/content/walk';
import { getGlossary, glossaryRevision } from '$lib/server/content/store';
import { toArticleCsv, toArticleXlsx, toDocx, toTmx, toXliff, type ReviewFormat } from '$lib/exports';
import { download } from '$lib/server/exports';
import {
	checkArticle,
	checkSegment,
	createQaContext,
	segmentTerms,
	type QaContext,
	type QaWarning
} from '$lib/review/qa';
import {
	approvedSegments,
	articleYear,
	buildWorkspace,
	currentSegments,
	exportStates,
	type ReviewSegment
} from '$lib/review/workspace-model';
import type { Db } from '../db/index';
import { DEFAULT_STATUS } from '$lib/review/status';
import { memoryMatches } from './memory';
import { createHash } from 'node:crypto';
import {
	articleHistory,
	listAssignments,
	listComments,
	listDrafts,
	listQaAcceptances,
	listSegmentStates
} from './store';

const contexts = new Map<string, QaContext>();
/** The glossary revision the contexts were made with. */
let contextsRevision = -1;

/** The QA context of an article: the shared glossary, and the year its 今年 means. */
export function qaContext(article: Pick<Article, 'slug' | 'date'>): QaContext {
	if (contextsRevision !== glossaryRevision()) {
		contextsRevision = glossaryRevision();
		contexts.clear();
	}
	let ctx = contexts.get(article.slug);
	if (!ctx) {
		const year = articleYear(article);
		ctx = createQaContext(getGlossary(), year === undefined ? {} : { year });
		contexts.set(article.slug, ctx);
	}
	return ctx;
}

/** The last whole-article QA per article, with the fingerprint of the text it checked. */
const lastWarnings = new Map<string, { fingerprint: string; warnings: QaWarning[] }>();

/**
 * QA over a whole article with its current English (segment rules and the article-level consistency rule). The
 * answer is kept per article and reused while the text it checked (every segment's id, Chinese and current
 * English), the glossary and the article's year are the same: opening another segment changes none of them.
 */
export function articleWarnings(
	article: Article,
	states: Parameters<typeof currentSegments>[1]
): QaWarning[] {
	const ctx = qaContext(article);
	const segments = currentSegments(article, states);
	const fingerprint = createHash('sha256')
		.update(JSON.stringify([contextsRevision, articleYear(article) ?? null, segments]))
		.digest('base64');
	const last = lastWarnings.get(article.slug);
	if (last?.fingerprint === fingerprint) return last.warnings;
	const warnings = checkArticle(segments, ctx);
	lastWarnings.set(article.slug, { fingerprint, warnings });
	return warnings;
}

/** QA of one segment's English, as run on every save. */
export function segmentWarnings(
	article: Article,
	segment: { id: string; zh: string; en: string }
): QaWarning[] {
	return checkSegment(segment, qaContext(article));
}

/**
 * Whether the segment has the QA warning `warningKey` now (segment and article-level rules on its current
 * English), so an acceptance is only ever stored for a warning that exists.
 */
export async function hasWarning(
	article: Article,
	segmentId: string,
	warningKey: string,
	db?: Db
): Promise<boolean> {
	const states = await listSegmentStates(article.slug, db);
	return articleWarnings(article, states).some((w) => w.segmentId === segmentId && w.key === warningKey);
}

/**
 * Every segment of an article with its review records; drafts are `reviewerId`'s (none when null). With
 * `memory`, each segment not approved carries its translation memory matches.
 */
export async function loadWorkspace(
	article: Article,
	reviewerId: number | null,
	db?: Db,
	{ memory = false }: { memory?: boolean } = {}
): Promise<ReviewSegment[]> {
	const slug = article.slug;
	const [states, drafts, comments, acceptances, assignments, history] = await Promise.all([
		listSegmentStates(slug, db),
		reviewerId === null ? [] : listDrafts(slug, reviewerId, db),
		listComments({ slug }, db),
		listQaAcceptances(slug, db),
		listAssignments(slug, db),
		articleHistory(slug, db)
	]);
	const status = new Map(states.map((s) => [s.segmentId, s.status]));
	const open = walkSegments(article)
		.map(({ segment }) => segment)
		.filter((s) => (status.get(s.id) ?? DEFAULT_STATUS) !== 'approved')
		.map((s) => ({ slug, id: s.id, zh: s.zh }));
	const matches = memory ? await memoryMatches(open, db) : undefined;
	const ctx = qaContext(article);
	const terms = new Map(currentSegments(article, states).map((s) => [s.id, segmentTerms(s, ctx)]));
	return buildWorkspace({
		matches,
		terms,
		article,
		states,
		drafts,
		comments,
		history,
		acceptances,
		assignments,
		warnings: articleWarnings(article, states)
	});
}

/**
 * A review download: XLIFF, CSV and DOCX with current English, statuses and comments; TMX of the approved
 * segments only, with their approved English.
 */
export async function reviewExport(article: Article, format: ReviewFormat, db?: Db): Promise<Response> {
	const segments = await loadWorkspace(article, null, db);
	const states = exportStates(segments);
	// One writer per format of REVIEW_FORMATS: a format added there fails to compile until it has one here.
	const writers: Record<ReviewFormat, () => string | Promise<Uint8Array>> = {
		xlf: () => toXliff(article, states, { versions: new Map(segments.map((s) => [s.id, s.version])) }),
		csv: () => toArticleCsv(article, states, { comments: true }),
		xlsx: () => toArticleXlsx(article, states, { comments: true }),
		tmx: () => toTmx(article, { segments: approvedSegments(article, segments) }),
		docx: () => toDocx(article, states)
	};
	const body = await writers[format]();
	const response = download(body, `${article.slug}-review`, format);
	// Unapproved work and comments: never cached by a shared cache.
	response.headers.set('cache-control', 'private, no-store');
	return response;
}
