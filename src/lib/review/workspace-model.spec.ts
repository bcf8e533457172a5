import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArticle, parseGlossary, segmentsWithPaths } from '$lib/content/validate';
import { checkArticle, createQaContext } from './qa';
import { buildArticle, detectBlocks } from '$lib/import';
import {
	approvedSegments,
	articleYear,
	assistKey,
	insertText,
	termShortcut,
	buildWorkspace,
	currentSegments,
	exportStates,
	formatTime,
	importChanges,
	matchesFilter,
	needsAttention,
	nextNeedingAttention,
	parseFilter,
	segmentRange,
	type ReviewSegment,
	type WorkspaceInput
} from './workspace-model';

const read = (path: string) =>
	readFileSync(fileURLToPath(new URL(`../../../${path}`, import.meta.url)), 'utf8');
const article = parseArticle('article', read('content/articles/beilun-liucu-liuyou.yaml'));
const glossary = parseGlossary('glossary', read('content/glossary.yaml'));
const ids = segmentsWithPaths(article).map((s) => s.segment.id);
const ann = { username: 'ann' };

const empty: Omit<WorkspaceInput, 'article'> = {
	states: [],
	drafts: [],
	comments: [],
	history: [],
	warnings: [],
	acceptances: []
};

describe('the workspace model', () => {
	it('lists every segment of the real article in reading order, numbered, at version 0 with the file text', () => {
		const segments = buildWorkspace({ article, ...empty });
		expect(segments.map((s) => s.id)).toEqual(ids);
		expect(segments.map((s) => s.number)).toEqual(ids.map((_, i) => i + 1));
		expect(segments[0]).toMatchObject({
			id: 'title',
			block: 'title',
			version: 0,
			status: 'translated',
			draft: null
		});
		expect(segments.every((s) => s.en === s.fileEn)).toBe(true);
	});

	it('gives a newly imported article (no English, no records) no QA warnings until a save leaves one empty', () => {
		const text = read('src/lib/import/testdata/beilun-seed.txt');
		const imported = buildArticle(detectBlocks(text), { slug: 'imported' }).article;
		const ctx = createQaContext(glossary, { year: 2022 });
		const fresh = currentSegments(imported, []);
		expect(new Set(fresh.map((s) => s.status))).toEqual(new Set(['untranslated']));
		expect(checkArticle(fresh, ctx)).toEqual([]);

		const state = { en: ' ', version: 1, approvedEn: null, updatedBy: ann, updatedAt: 't1' };
		const saved = currentSegments(imported, [{ ...state, segmentId: 'p1-1', status: 'draft' }]);
		expect(checkArticle(saved, ctx).map((w) => [w.segmentId, w.rule, w.code])).toEqual([
			['p1-1', 'empty', 'empty']
		]);
	});

	it('joins states, drafts, comments, history and accepted warnings to their segments', () => {
		const en = 'Reviewed English.';
		const states = [
			{
				segmentId: 'p3-2',
				en,
				status: 'reviewed' as const,
				version: 2,
				approvedEn: null,
				updatedBy: ann,
				updatedAt: 't2'
			}
		];
		const current = currentSegments(article, states);
		expect(current.find((s) => s.id === 'p3-2')?.en).toBe(en);
		const warnings = checkArticle(current, createQaContext(glossary, { year: 2022 }));
		const figure = warnings.find((w) => w.segmentId === 'p3-2' && w.rule === 'figures');
		expect(figure, 'dropping every figure from p3-2 is a figures warning').toBeDefined();
		const segments = buildWorkspace({
			article,
			...empty,
			states,
			drafts: [{ segmentId: 'p3-2', en: 'draft', baseVersion: 2, updatedAt: 't3' }],
			comments: [{ id: 1, segmentId: 'p3-2', author: ann, body: '<b>x</b>', createdAt: 't1' }],
			history: [
				{
					segmentId: 'p3-2',
					version: 1,
					by: ann,
					at: 't1',
					oldEn: null,
					newEn: 'a',
					oldStatus: 'translated',
					newStatus: 'translated'
				}
			],
			warnings,
			acceptances: [
				{ segmentId: 'p3-2', warningKey: figure!.key, reason: 'checked', acceptedBy: ann, acceptedAt: 't4' }
			]
		});
		const s = segments.find((x) => x.id === 'p3-2')!;
		expect(s).toMatchObject({
			en,
			status: 'reviewed',
			version: 2,
			updatedBy: 'ann',
			draft: { en: 'draft', baseVersion: 2 }
		});
		expect(s.comments).toEqual([{ id: 1, author: 'ann', body: '<b>x</b>', createdAt: 't1' }]);
		expect(s.history[0]).toMatchObject({ version: 1, by: 'ann', oldEn: null });
		expect(s.warnings.find((w) => w.key === figure!.key)?.accepted).toEqual({
			reason: 'checked',
			by: 'ann',
			at: 't4'
		});
	});
});

const seg = (id: string, status: ReviewSegment['status'], open = 0, accepted = 0) =>
	({
		id,
		status,
		warnings: [
			...Array.from({ length: open }, (_, i) => ({ key: `${id}-o${i}`, accepted: null })),
			...Array.from({ length: accepted }, (_, i) => ({
				key: `${id}-a${i}`,
				accepted: { reason: 'r', by: 'a', at: 't' }
			}))
		]
	}) as unknown as ReviewSegment;

describe('attention and filters', () => {
	const list = [
		seg('a', 'approved'),
		seg('b', 'translated'),
		seg('c', 'approved', 1),
		seg('d', 'approved', 0, 1)
	];

	it('needs attention: not approved, or an open warning (accepted ones do not count)', () => {
		expect(list.map(needsAttention)).toEqual([false, true, true, false]);
	});

	it('next needing attention goes forward from the current segment and wraps', () => {
		expect(nextNeedingAttention(list)).toBe('b');
		expect(nextNeedingAttention(list, 'b')).toBe('c');
		expect(nextNeedingAttention(list, 'c')).toBe('b');
		expect(nextNeedingAttention(list, 'unknown')).toBe('b');
		expect(nextNeedingAttention([seg('a', 'approved')])).toBeUndefined();
	});

	it('filters by status and QA warnings; bad query values fall back to all', () => {
		expect(parseFilter(new URLSearchParams('status=approved&qa=open&assigned=me'))).toEqual({
			status: 'approved',
			qa: 'open',
			assigned: 'me'
		});
		expect(parseFilter(new URLSearchParams('status=<script>&qa=1&assigned=you'))).toEqual({
			status: 'all',
			qa: 'all',
			assigned: 'all'
		});
		const pick = (status: string, qa: string) =>
			list.filter((s) => matchesFilter(s, parseFilter(new URLSearchParams({ status, qa })))).map((s) => s.id);
		expect(pick('approved', 'all')).toEqual(['a', 'c', 'd']);
		expect(pick('all', 'open')).toEqual(['c']);
		expect(pick('all', 'any')).toEqual(['c', 'd']);
		expect(pick('approved', 'none')).toEqual(['a']);
	});

	it('a range to assign: blank ends are the whole article; outside or reversed ranges are named', () => {
		expect(segmentRange(60, undefined, undefined)).toEqual({ ok: true, first: 1, last: 60 });
		expect(segmentRange(60, 5, undefined)).toEqual({ ok: true, first: 5, last: 60 });
		expect(segmentRange(60, 3, 3)).toEqual({ ok: true, first: 3, last: 3 });
		expect(segmentRange(60, 0, 4)).toEqual({ ok: false, code: 'outside', total: 60 });
		expect(segmentRange(60, 5, 61)).toEqual({ ok: false, code: 'outside', total: 60 });
		expect(segmentRange(60, 9, 4)).toEqual({ ok: false, code: 'reversed' });
	});
});

describe('import and export states', () => {
	it('an import changes only segments whose English or status differs, at their current version', () => {
		const current = [
			{ id: 'p1-1', en: 'same', status: 'translated' as const, version: 0 },
			{ id: 'p3-2', en: 'old', status: 'translated' as const, version: 3 },
			{ id: 'p3-1', en: 'x', status: 'translated' as const, version: 1 }
		];
		expect(
			importChanges(
				[
					{ segmentId: 'p1-1', en: 'same', status: 'translated' },
					{ segmentId: 'p3-2', en: 'new', status: 'translated' },
					{ segmentId: 'p3-1', en: 'x', status: 'approved' }
				],
				current
			)
		).toEqual({
			changes: [
				{ segmentId: 'p3-2', en: 'new', status: 'translated', baseVersion: 3 },
				{ segmentId: 'p3-1', en: 'x', status: 'approved', baseVersion: 1 }
			],
			unchanged: 1,
			stale: []
		});
	});

	it('a unit exported at an older version than the segment has now is stale, unless it says the same', () => {
		const current = [
			{ id: 'p1-1', en: 'saved later', status: 'translated' as const, version: 2, updatedBy: 'bo' },
			{ id: 'p3-2', en: 'same', status: 'translated' as const, version: 5, updatedBy: 'bo' },
			{ id: 'p3-1', en: 'x', status: 'translated' as const, version: 1, updatedBy: 'bo' }
		];
		expect(
			importChanges(
				[
					{ segmentId: 'p1-1', en: 'from the file', status: 'translated', baseVersion: 1 },
					{ segmentId: 'p3-2', en: 'same', status: 'translated', baseVersion: 4 },
					{ segmentId: 'p3-1', en: 'y', status: 'translated', baseVersion: 1 }
				],
				current
			)
		).toEqual({
			changes: [{ segmentId: 'p3-1', en: 'y', status: 'translated', baseVersion: 1 }],
			unchanged: 1,
			stale: [{ segmentId: 'p1-1', fileVersion: 1, version: 2, updatedBy: 'bo' }]
		});
	});

	it('exports carry saved or commented segments; the TMX only approved ones with their approved English', () => {
		const segments = buildWorkspace({
			article,
			...empty,
			states: [
				{
					segmentId: 'p3-2',
					en: 'now',
					status: 'reviewed',
					version: 3,
					approvedEn: 'approved text',
					updatedBy: ann,
					updatedAt: 't'
				}
			],
			comments: [{ id: 1, segmentId: 'p1-1', author: ann, body: 'hm', createdAt: 't' }]
		});
		const states = exportStates(segments);
		expect([...states.keys()]).toEqual(['p1-1', 'p3-2']);
		expect(states.get('p3-2')).toEqual({ status: 'reviewed', en: 'now', comments: [] });
		expect(states.get('p1-1')?.comments).toEqual([{ author: 'ann', date: 't', body: 'hm' }]);
		expect(approvedSegments(article, segments).map((s) => [s.id, s.en])).toEqual([['p3-2', 'approved text']]);
	});

	it('reads the article year and formats times the same everywhere', () => {
		expect(articleYear(article)).toBe(2022);
		expect(formatTime('2024-03-01T09:05:33.123Z')).toBe('2024-03-01 09:05 UTC');
		expect(formatTime(null)).toBe('');
	});
});

describe('assistance keys', () => {
	const key = (code: string, mods: Partial<KeyboardEvent> = {}) =>
		assistKey({ altKey: true, shiftKey: true, ctrlKey: false, metaKey: false, code, ...mods });
	it('Alt+Shift+1…3 are memory matches, 4…9 terms; anything else is not ours', () => {
		expect(key('Digit1')).toEqual({ kind: 'match', n: 1 });
		expect(key('Numpad3')).toEqual({ kind: 'match', n: 3 });
		expect(key('Digit4')).toEqual({ kind: 'term', n: 1 });
		expect(key('Digit9')).toEqual({ kind: 'term', n: 6 });
		expect(key('Digit0')).toBeUndefined();
		expect(key('Digit1', { shiftKey: false })).toBeUndefined();
		expect(key('Digit1', { ctrlKey: true })).toBeUndefined();
		expect(key('KeyN')).toBeUndefined();
		expect(termShortcut(1)).toBe('Alt+Shift+4');
		expect(termShortcut(7)).toBeUndefined();
	});
	it('a term goes in place of the selection, the caret after it', () => {
		expect(insertText('Beilun holds to .', 16, 16, 'the Six')).toEqual({
			text: 'Beilun holds to the Six.',
			caret: 23
		});
		expect(insertText('abc', 1, 2, 'X')).toEqual({ text: 'aXc', caret: 2 });
		expect(insertText('abc', 9, 9, 'X')).toEqual({ text: 'abcX', caret: 4 });
	});
});
