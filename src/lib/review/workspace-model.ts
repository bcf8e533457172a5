/**
 * The review workspace's model: every segment of an article with its review state, the reviewer's draft,
 * comments, history and QA warnings, built from plain data (no I/O, no Svelte), plus the filters, the "next
 * needing attention" rule, the changes an XLIFF import makes, and the review states the exports write.
 */
import * as v from 'valibot';
import type { Article, Segment } from '$lib/content/schema';
import { type ExportStates } from '$lib/exports/model';
import type { XliffUpdate } from '$lib/exports';
import type { QaWarning, TermHit } from './qa';
import type { MemoryMatch } from './memory';
import { walkSegments } from '$lib/content/walk';
import { SEGMENT_STATUSES, baselineStatus, type ReviewStatus, type SegmentStatus } from './status';

/** A QA warning, with the reviewer's acceptance if one is recorded. */
export interface ReviewWarning extends QaWarning {
	accepted: { reason: string; by: string; at: string } | null;
}

/** One entry of a segment's edit history. */
export interface ReviewHistoryEntry {
	version: number;
	by: string;
	at: string;
	/** null = the content file's English. */
	oldEn: string | null;
	newEn: string;
	oldStatus: ReviewStatus;
	newStatus: ReviewStatus;
}

/** A comment as shown: plain text, rendered as text. */
export interface WorkspaceComment {
	id: number;
	author: string;
	body: string;
	createdAt: string;
}

/** One segment in the workspace. */
export interface ReviewSegment {
	id: string;
	/** 1-based position in reading order. */
	number: number;
	/** Block id, or "title"/"subtitle". */
	block: string;
	zh: string;
	/** The current English target (the content file's until someone saves). */
	en: string;
	/** The content file's English. */
	fileEn: string;
	status: SegmentStatus;
	/** 0 = nobody has saved. */
	version: number;
	updatedBy: string | null;
	updatedAt: string | null;
	/** What the public reader shows; null = the content file's English. */
	approvedEn: string | null;
	/** This reviewer's autosaved, unsaved English. */
	draft: { en: string; baseVersion: number; updatedAt: string } | null;
	comments: WorkspaceComment[];
	history: ReviewHistoryEntry[];
	warnings: ReviewWarning[];
	/** Translation memory matches for the Chinese (open segments only; never the segment itself). */
	matches: MemoryMatch[];
	/** Glossary terms in the Chinese, with their renderings (the terminology check's own hits). */
	terms: TermHit[];
	/** The usernames of the accounts the segment is assigned to, by name. */
	assignees: string[];
}

/** What the workspace is built from (the review store's records, by segment id). */
export interface WorkspaceInput {
	article: Article;
	states: ReadonlyArray<{
		segmentId: string;
		en: string | null;
		status: ReviewStatus;
		version: number;
		approvedEn: string | null;
		updatedBy: { username: string } | null;
		updatedAt: string | null;
	}>;
	drafts: ReadonlyArray<{ segmentId: string; en: string; baseVersion: number; updatedAt: string }>;
	comments: ReadonlyArray<{
		id: number;
		segmentId: string;
		author: { username: string };
		body: string;
		createdAt: string;
	}>;
	history: ReadonlyArray<{
		segmentId: string;
		version: number;
		by: { username: string };
		at: string;
		oldEn: string | null;
		newEn: string;
		oldStatus: ReviewStatus;
		newStatus: ReviewStatus;
	}>;
	warnings: readonly QaWarning[];
	acceptances: ReadonlyArray<{
		segmentId: string;
		warningKey: string;
		reason: string;
		acceptedBy: { username: string };
		acceptedAt: string;
	}>;
	/** Memory matches by segment id (none when absent). */
	matches?: ReadonlyMap<string, MemoryMatch[]>;
	/** Glossary terms by segment id (none when absent). */
	terms?: ReadonlyMap<string, TermHit[]>;
	/** Who each segment is assigned to (nobody when absent). */
	assignments?: ReadonlyArray<{ segmentId: string; assignee: { username: string } }>;
}

function groupBy<T extends { segmentId: string }>(items: readonly T[]): Map<string, T[]> {
	const out = new Map<string, T[]>();
	for (const item of items) out.set(item.segmentId, [...(out.get(item.segmentId) ?? []), item]);
	return out;
}

/** A segment's current English and status: its review record's, or the file's. */
function current(segment: Segment, state: WorkspaceInput['states'][number] | undefined) {
	return {
		id: segment.id,
		zh: segment.zh,
		en: state?.en ?? segment.en,
		status: state?.status ?? baselineStatus(segment.en)
	};
}

/** The current English and status of every segment in reading order (the text QA checks). */
export function currentSegments(article: Article, states: WorkspaceInput['states']) {
	const byId = new Map(states.map((s) => [s.segmentId, s]));
	return walkSegments(article).map(({ segment }) => current(segment, byId.get(segment.id)));
}

/** Every segment of the article in reading order, with its review records. */
export function buildWorkspace(input: WorkspaceInput): ReviewSegment[] {
	const states = new Map(input.states.map((s) => [s.segmentId, s]));
	const drafts = new Map(input.drafts.map((d) => [d.segmentId, d]));
	const comments = groupBy(input.comments);
	const history = groupBy(input.history);
	const accepted = new Map(input.acceptances.map((a) => [a.warningKey, a]));
	const warnings = groupBy(input.warnings);
	const assignments = groupBy(input.assignments ?? []);
	return walkSegments(input.article).map(({ segment, block }, i): ReviewSegment => {
		const state = states.get(segment.id);
		const draft = drafts.get(segment.id);
		return {
			...current(segment, state),
			number: i + 1,
			block,
			fileEn: segment.en,
			version: state?.version ?? 0,
			updatedBy: state?.updatedBy?.username ?? null,
			updatedAt: state?.updatedAt ?? null,
			approvedEn: state?.approvedEn ?? null,
			draft: draft ? { en: draft.en, baseVersion: draft.baseVersion, updatedAt: draft.updatedAt } : null,
			comments: (comments.get(segment.id) ?? []).map((c) => ({
				id: c.id,
				author: c.author.username,
				body: c.body,
				createdAt: c.createdAt
			})),
			history: (history.get(segment.id) ?? []).map((h) => ({
				version: h.version,
				by: h.by.username,
				at: h.at,
				oldEn: h.oldEn,
				newEn: h.newEn,
				oldStatus: h.oldStatus,
				newStatus: h.newStatus
			})),
			warnings: (warnings.get(segment.id) ?? []).map((w) => {
				const a = accepted.get(w.key);
				return {
					...w,
					accepted:
						a && a.segmentId === w.segmentId
							? { reason: a.reason, by: a.acceptedBy.username, at: a.acceptedAt }
							: null
				};
			}),
			matches: input.matches?.get(segment.id) ?? [],
			terms: input.terms?.get(segment.id) ?? [],
			assignees: (assignments.get(segment.id) ?? []).map((a) => a.assignee.username).sort()
		};
	});
}

/** Warnings nobody has accepted. */
export const openWarnings = (s: Pick<ReviewSegment, 'warnings'>) => s.warnings.filter((w) => !w.accepted);

/** A segment needs attention until it is approved with no open QA warning. */
export const needsAttention = (s: Pick<ReviewSegment, 'status' | 'warnings'>) =>
	s.status !== 'approved' || openWarnings(s).length > 0;

/**
 * The id of the next segment after `currentId` (in the given order) that needs attention, wrapping around to the
 * start; from the top when `currentId` is not given or not listed. Undefined when nothing needs attention.
 */
export function nextNeedingAttention(
	segments: readonly Pick<ReviewSegment, 'id' | 'status' | 'warnings'>[],
	currentId?: string
): string | undefined {
	const at = currentId === undefined ? -1 : segments.findIndex((s) => s.id === currentId);
	for (let step = 1; step <= segments.length; step++) {
		const s = segments[(at + step + segments.length) % segments.length];
		if (s && needsAttention(s) && (s.id !== currentId || segments.length === 1)) return s.id;
	}
	return undefined;
}

/** Which segments the workspace lists: by status, by QA warnings (open = not accepted), and by assignee. */
export const FilterSchema = v.object({
	status: v.fallback(v.picklist(['all', ...SEGMENT_STATUSES]), 'all'),
	qa: v.fallback(v.picklist(['all', 'open', 'any', 'none']), 'all'),
	assigned: v.fallback(v.picklist(['all', 'me']), 'all')
});
export type ReviewFilter = v.InferOutput<typeof FilterSchema>;

/** The filter from a query string; unknown or missing values fall back to "all". */
export function parseFilter(params: URLSearchParams): ReviewFilter {
	return v.parse(FilterSchema, {
		status: params.get('status') ?? undefined,
		qa: params.get('qa') ?? undefined,
		assigned: params.get('assigned') ?? undefined
	});
}

/** Does a segment pass the filter? "Assigned to me" means assigned to the account named `me`. */
export function matchesFilter(
	s: Pick<ReviewSegment, 'status' | 'warnings' | 'assignees'>,
	filter: ReviewFilter,
	me?: string
): boolean {
	if (filter.status !== 'all' && s.status !== filter.status) return false;
	if (filter.assigned === 'me' && (me === undefined || !s.assignees.includes(me))) return false;
	if (filter.qa === 'open') return openWarnings(s).length > 0;
	if (filter.qa === 'any') return s.warnings.length > 0;
	if (filter.qa === 'none') return s.warnings.length === 0;
	return true;
}

/** A save an import makes: the file's English and status over the version it was compared with. */
export interface ImportChange {
	segmentId: string;
	en: string;
	status: ReviewStatus;
	baseVersion: number;
}

/** A unit of an imported file exported at an older version than the segment has now, with different text. */
export interface StaleImport {
	segmentId: string;
	/** The version the file was exported at. */
	fileVersion: number;
	/** The version saved since. */
	version: number;
	updatedBy: string | null;
}

/**
 * The saves an imported XLIFF makes: only segments whose English or status differs from the current state. A unit
 * that carries the version it was exported at is saved over that version; if the segment was saved again since
 * (and the file says something else), it is stale: a conflict, never a silent overwrite.
 */
export function importChanges(
	updates: readonly XliffUpdate[],
	segments: readonly (Pick<ReviewSegment, 'id' | 'en' | 'status' | 'version'> & {
		updatedBy?: string | null;
	})[]
): { changes: ImportChange[]; unchanged: number; stale: StaleImport[] } {
	const byId = new Map(segments.map((s) => [s.id, s]));
	const changes: ImportChange[] = [];
	const stale: StaleImport[] = [];
	let unchanged = 0;
	for (const u of updates) {
		const current = byId.get(u.segmentId);
		if (!current) continue; // parseXliff has already refused unknown ids
		if (current.en === u.en && current.status === u.status) unchanged++;
		else if (u.baseVersion !== undefined && u.baseVersion !== current.version)
			stale.push({
				segmentId: u.segmentId,
				fileVersion: u.baseVersion,
				version: current.version,
				updatedBy: current.updatedBy ?? null
			});
		else changes.push({ segmentId: u.segmentId, en: u.en, status: u.status, baseVersion: current.version });
	}
	return { changes, unchanged, stale };
}

/** The review states the exports write (current English, status and comments), for segments that have any. */
export function exportStates(segments: readonly ReviewSegment[]): ExportStates {
	return new Map(
		segments
			.filter((s) => s.version > 0 || s.comments.length > 0)
			.map((s) => [
				s.id,
				{
					status: s.status,
					en: s.en,
					comments: s.comments.map((c) => ({ author: c.author, date: c.createdAt, body: c.body }))
				}
			])
	);
}

/** The approved segments with their approved English, in reading order (the TMX of approved work). */
export function approvedSegments(article: Article, segments: readonly ReviewSegment[]) {
	const approved = new Map(segments.flatMap((s) => (s.approvedEn === null ? [] : [[s.id, s.approvedEn]])));
	return walkSegments(article).flatMap(({ segment }) => {
		const en = approved.get(segment.id);
		return en === undefined ? [] : [{ ...segment, en }];
	});
}

/** The year an article's 今年 means, from its date (e.g. "Late 2022"), for the QA checks. */
export function articleYear(article: Pick<Article, 'date'>): number | undefined {
	const m = /\b(1[89]|20)\d{2}\b/.exec(article.date.en);
	return m ? Number(m[0]) : undefined;
}

/** A save refused because someone else saved first: their version (now current) and what was submitted. */
export interface SaveConflictView {
	theirs: { en: string; status: ReviewStatus; version: number; by: string | null; at: string | null };
	yours: { en: string; status: ReviewStatus; baseVersion: number };
}

/** What the last action said about one segment (the page's `form`, when it names this segment). */
export interface SegmentFeedback {
	segmentId?: string | null;
	error?: string;
	loginUrl?: string;
	conflict?: SaveConflictView;
	saved?: { version: number; warnings: number };
	commented?: boolean;
	accepted?: string;
	/** Saved with "then next", and no other listed segment needs attention. */
	nothingNext?: boolean;
}

/** How many terms of a segment have a key: Alt+Shift+4…9 (1…3 are the memory matches). */
export const TERM_KEYS = 6;

/** The key that inserts memory match `n` (1-based) into the English: Alt+Shift+n (Alt+n switches browser tabs). */
export const matchShortcut = (n: number) => `Alt+Shift+${n}`;

/** The key that inserts term `n`'s rendering (1-based, up to TERM_KEYS) at the cursor: Alt+Shift+(n + 3). */
export const termShortcut = (n: number) => (n <= TERM_KEYS ? `Alt+Shift+${n + 3}` : undefined);

/**
 * What an assistance key asks for: Alt+Shift+1…3 a memory match, Alt+Shift+4…9 a term (by key position, since
 * Shift+digit types a symbol); undefined for any other key.
 */
export function assistKey(
	event: Pick<KeyboardEvent, 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'code'>
): { kind: 'match' | 'term'; n: number } | undefined {
	if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return undefined;
	const m = /^(?:Digit|Numpad)([1-9])$/.exec(event.code);
	if (!m) return undefined;
	const digit = Number(m[1]);
	return digit <= 3 ? { kind: 'match', n: digit } : { kind: 'term', n: digit - 3 };
}

/** `text` with `insert` in place of the selection [start, end), and the caret after it. */
export function insertText(
	text: string,
	start: number,
	end: number,
	insert: string
): { text: string; caret: number } {
	const from = Math.max(0, Math.min(start, text.length));
	const to = Math.max(from, Math.min(end, text.length));
	return { text: text.slice(0, from) + insert + text.slice(to), caret: from + insert.length };
}

/** A stored time as shown: the same on server and client (UTC), so hydration never disagrees. */
export function formatTime(iso: string | null): string {
	return iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : '';
}

/** What the last article-wide action (import, QA run) said. */
export interface ExchangeFeedback {
	imported?: { applied: string[]; unchanged: number };
	importErrors?: string[];
	qa?: { segments: number; warnings: number; open: number; flagged: number; ms: number };
	memoryImported?: { added: number; existing: number; duplicates: number; skipped: number };
	memoryErrors?: string[];
	/** The segments a pre-translation filled, with the versions it made (what its undo sends back). */
	pretranslated?: { segmentId: string; version: number }[];
	pretranslateUndone?: number;
	/** An assignment made (or taken back): to whom, which segments, how many changed. */
	assigned?: {
		username: string;
		first: number;
		last: number;
		changed: number;
		change: 'assign' | 'unassign';
	};
	assignError?: string;
	error?: string;
	loginUrl?: string;
}

/** How many rows of the editor's grid one page holds (the server pages; the browser renders only these). */
export const GRID_PAGE_SIZE = 50;

/** One row of the editor's grid: what the compact view of a segment shows. */
export interface GridRow {
	id: string;
	number: number;
	zh: string;
	en: string;
	status: SegmentStatus;
	/** QA warnings nobody accepted. */
	open: number;
	/** Who the segment is assigned to. */
	assignees: string[];
}

/** Segments and Chinese characters by status, over the whole article (the progress bar). */
export type Progress = Record<SegmentStatus, { segments: number; characters: number }> & {
	total: { segments: number; characters: number };
};

/** Count segments and their Chinese characters (code points, spaces left out) by status. */
export function progressOf(segments: readonly Pick<ReviewSegment, 'zh' | 'status'>[]): Progress {
	const zero = () => ({ segments: 0, characters: 0 });
	const out = Object.fromEntries([...SEGMENT_STATUSES, 'total'].map((k) => [k, zero()])) as Progress;
	for (const s of segments) {
		const characters = [...s.zh.replace(/\s/gu, '')].length;
		for (const bucket of [out[s.status], out.total]) {
			bucket.segments++;
			bucket.characters += characters;
		}
	}
	return out;
}

/** The editor's place in an article: the open segment, the grid page around it, and where the keys go. */
export interface EditorView {
	/** The open segment's id (undefined when the filter lets none through). */
	open: string | undefined;
	rows: GridRow[];
	/** 1-based page of the grid, and how many pages the filtered list has. */
	page: number;
	pages: number;
	/** How many segments the filter lets through, of how many. */
	shown: number;
	total: number;
	previous: string | undefined;
	next: string | undefined;
	/** The next segment needing attention after the open one (wrapping), if any. */
	nextAttention: string | undefined;
}

/**
 * Where the editor is: the filter picks the listed segments; the open one is `openId` (even if the filter hides
 * it), else the first listed segment needing attention, else the first listed. The grid shows the page holding the
 * open segment unless a page is asked for.
 */
export function editorView(
	segments: readonly ReviewSegment[],
	filter: ReviewFilter,
	{ openId, page, me }: { openId?: string | null; page?: number | null; me?: string }
): EditorView {
	const listed = segments.filter((s) => matchesFilter(s, filter, me));
	const open = segments.find((s) => s.id === openId) ?? listed.find((s) => needsAttention(s)) ?? listed[0];
	const pages = Math.max(1, Math.ceil(listed.length / GRID_PAGE_SIZE));
	const at = open ? listed.findIndex((s) => s.id === open.id) : -1;
	const wanted = page ?? (at >= 0 ? Math.floor(at / GRID_PAGE_SIZE) + 1 : 1);
	const current = Math.min(Math.max(1, wanted), pages);
	const rows = listed.slice((current - 1) * GRID_PAGE_SIZE, current * GRID_PAGE_SIZE).map((s) => ({
		id: s.id,
		number: s.number,
		zh: s.zh,
		en: s.en,
		status: s.status,
		open: openWarnings(s).length,
		assignees: s.assignees
	}));
	// Previous and next walk the listed segments; from a segment the filter hides, they walk the whole article.
	const order = at >= 0 || !open ? listed : segments;
	const i = open ? order.findIndex((s) => s.id === open.id) : -1;
	return {
		open: open?.id,
		rows,
		page: current,
		pages,
		shown: listed.length,
		total: segments.length,
		previous: i > 0 ? order[i - 1]?.id : undefined,
		next: i >= 0 ? order[i + 1]?.id : undefined,
		nextAttention: open ? nextNeedingAttention(listed, open.id) : undefined
	};
}

/** A workspace address keeping the filter: `?status=…&qa=…&assigned=…&open=…&page=…` (defaults left out). */
export function workspaceHref(
	filter: ReviewFilter,
	{ open, page }: { open?: string; page?: number } = {}
): string {
	const params = new URLSearchParams();
	if (filter.status !== 'all') params.set('status', filter.status);
	if (filter.qa !== 'all') params.set('qa', filter.qa);
	if (filter.assigned !== 'all') params.set('assigned', filter.assigned);
	if (open) params.set('open', open);
	if (page) params.set('page', String(page));
	const query = params.toString();
	return query ? `?${query}` : '?';
}

/** The page asked for in a query string (a positive whole number), or null. */
export function parsePage(params: URLSearchParams): number | null {
	const raw = params.get('page');
	return raw !== null && /^[1-9]\d{0,5}$/.test(raw) ? Number(raw) : null;
}

/** Why a range of segments to assign cannot be used: outside 1…total, or its end before its start. */
export type RangeProblem = { code: 'outside'; total: number } | { code: 'reversed' };

/**
 * The 1-based range `from`…`to` of an article of `total` segments (a blank end: the article's first or last
 * segment), or why it cannot be used.
 */
export function segmentRange(
	total: number,
	from: number | undefined,
	to: number | undefined
): { ok: true; first: number; last: number } | ({ ok: false } & RangeProblem) {
	const first = from ?? 1;
	const last = to ?? total;
	if (total < 1 || first < 1 || last < 1 || first > total || last > total)
		return { ok: false, code: 'outside', total };
	if (first > last) return { ok: false, code: 'reversed' };
	return { ok: true, first, last };
}

/** The key that copies the Chinese source into the English (memoQ's key for it). */
export const COPY_SOURCE_SHORTCUT = 'Control+Shift+S';

/** What an editor key asks for, or undefined for any other key. */
export type EditorKey = 'confirm' | 'previous' | 'next' | 'nextAttention' | 'copySource';

/**
 * The editor's own keys: Ctrl+Enter confirms (saves and goes to the next segment needing attention), Alt+↑/↓
 * previous/next, Alt+N next needing attention, Ctrl+Shift+S copies the source. Letters by key position.
 */
export function editorKey(
	event: Pick<KeyboardEvent, 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'code' | 'key'>
): EditorKey | undefined {
	const ctrl = event.ctrlKey || event.metaKey;
	if (ctrl && !event.altKey && !event.shiftKey && event.key === 'Enter') return 'confirm';
	if (ctrl && event.shiftKey && !event.altKey && event.code === 'KeyS') return 'copySource';
	if (!event.altKey || ctrl || event.shiftKey) return undefined;
	if (event.key === 'ArrowUp') return 'previous';
	if (event.key === 'ArrowDown') return 'next';
	if (event.code === 'KeyN') return 'nextAttention';
	return undefined;
}

/** A confirmed segment is at least translated: Ctrl+Enter on a draft (or rejected) segment marks it translated. */
export const confirmedStatus = (status: ReviewStatus): ReviewStatus =>
	status === 'draft' || status === 'rejected' ? 'translated' : status;
