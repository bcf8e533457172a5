import { describe, expect, it } from 'vitest';
import {
	confirmedStatus,
	editorKey,
	editorView,
	GRID_PAGE_SIZE,
	parsePage,
	progressOf,
	workspaceHref,
	type ReviewSegment
} from './workspace-model';
import type { ReviewStatus } from './status';

/** A generated article of `n` segments; `approved` lists the approved ones (by 1-based number). */
function segments(n: number, approved: number[] = []): ReviewSegment[] {
	return Array.from({ length: n }, (_, i) => ({
		id: `p${i + 1}-1`,
		number: i + 1,
		block: `p${i + 1}`,
		zh: '北仑 港口',
		en: `Segment ${i + 1}`,
		fileEn: `Segment ${i + 1}`,
		status: (approved.includes(i + 1) ? 'approved' : 'translated') as ReviewStatus,
		version: 0,
		updatedBy: null,
		updatedAt: null,
		approvedEn: null,
		draft: null,
		comments: [],
		history: [],
		warnings: [],
		matches: [],
		terms: [],
		assignees: i < 3 ? ['tim'] : []
	}));
}
const all = { status: 'all', qa: 'all', assigned: 'all' } as const;

describe('editorView', () => {
	it('"assigned to me" lists the segments assigned to the signed-in account, and nothing for another', () => {
		const mine = { ...all, assigned: 'me' } as const;
		const view = editorView(segments(10), mine, { me: 'tim' });
		expect(view.rows.map((r) => r.id)).toEqual(['p1-1', 'p2-1', 'p3-1']);
		expect(view.rows[0]?.assignees).toEqual(['tim']);
		expect([view.shown, view.total]).toEqual([3, 10]);
		expect(editorView(segments(10), mine, { me: 'rae' }).shown).toBe(0);
		expect(editorView(segments(10), mine, {}).shown).toBe(0);
	});

	it('opens the first segment needing attention when none is asked for, on its page', () => {
		const view = editorView(segments(120, [1, 2]), all, {});
		expect(view.open).toBe('p3-1');
		expect(view.page).toBe(1);
		expect(view.pages).toBe(Math.ceil(120 / GRID_PAGE_SIZE));
		expect(view.rows).toHaveLength(GRID_PAGE_SIZE);
		expect([view.previous, view.next, view.nextAttention]).toEqual(['p2-1', 'p4-1', 'p4-1']);
	});

	it('shows the page holding the open segment, or the page asked for; 2,000 segments give 50 rows', () => {
		const many = segments(2000);
		const view = editorView(many, all, { openId: 'p1234-1' });
		expect(view.page).toBe(Math.floor(1233 / GRID_PAGE_SIZE) + 1);
		expect(view.rows.map((r) => r.id)).toContain('p1234-1');
		expect(view.rows).toHaveLength(GRID_PAGE_SIZE);
		expect(editorView(many, all, { openId: 'p1-1', page: 40 }).rows[0]?.id).toBe('p1951-1');
		// A page past the end is the last page.
		expect(editorView(many, all, { page: 999 }).page).toBe(40);
	});

	it('walks the filtered list; the next needing attention skips approved segments and wraps', () => {
		const list = segments(6, [2, 3]);
		expect(editorView(list, all, { openId: 'p1-1' }).nextAttention).toBe('p4-1');
		expect(editorView(list, all, { openId: 'p6-1' }).nextAttention).toBe('p1-1');
		const approved = editorView(list, { ...all, status: 'approved' }, { openId: 'p2-1' });
		expect(approved.rows.map((r) => r.id)).toEqual(['p2-1', 'p3-1']);
		expect([approved.previous, approved.next, approved.nextAttention]).toEqual([
			undefined,
			'p3-1',
			undefined
		]);
		expect(approved.shown).toBe(2);
		expect(approved.total).toBe(6);
	});

	it('keeps a segment the filter hides open, walking the whole article from it', () => {
		const view = editorView(segments(6, [2, 3]), { ...all, status: 'approved' }, { openId: 'p5-1' });
		expect(view.open).toBe('p5-1');
		expect([view.previous, view.next]).toEqual(['p4-1', 'p6-1']);
	});

	it('opens nothing when the filter lets nothing through', () => {
		const view = editorView(segments(3), { ...all, status: 'rejected' }, {});
		expect(view.open).toBeUndefined();
		expect(view.rows).toEqual([]);
	});
});

describe('progressOf', () => {
	it('counts segments and Chinese characters (without spaces) by status', () => {
		const p = progressOf(segments(5, [1, 2]));
		expect(p.approved).toEqual({ segments: 2, characters: 8 });
		expect(p.translated).toEqual({ segments: 3, characters: 12 });
		expect(p.draft).toEqual({ segments: 0, characters: 0 });
		expect(p.total).toEqual({ segments: 5, characters: 20 });
	});
});

describe('addresses and keys', () => {
	it('workspaceHref keeps the filter and leaves defaults out', () => {
		expect(workspaceHref(all)).toBe('?');
		expect(workspaceHref(all, { open: 'p1-1' })).toBe('?open=p1-1');
		expect(workspaceHref({ status: 'draft', qa: 'open', assigned: 'all' }, { page: 2 })).toBe(
			'?status=draft&qa=open&page=2'
		);
		expect(workspaceHref({ ...all, assigned: 'me' }, { open: 'p2-1' })).toBe('?assigned=me&open=p2-1');
	});

	it('parsePage takes positive whole numbers only', () => {
		const page = (q: string) => parsePage(new URLSearchParams(q));
		expect([page('page=3'), page('page=0'), page('page=-1'), page('page=x'), page('')]).toEqual([
			3,
			null,
			null,
			null,
			null
		]);
	});

	it('editorKey: Ctrl+Enter confirms, Alt+↑/↓ and Alt+N move, Ctrl+Shift+S copies the source', () => {
		const key = (k: Partial<KeyboardEvent>) =>
			editorKey({ altKey: false, shiftKey: false, ctrlKey: false, metaKey: false, code: '', key: '', ...k });
		expect(key({ ctrlKey: true, key: 'Enter' })).toBe('confirm');
		expect(key({ metaKey: true, key: 'Enter' })).toBe('confirm');
		expect(key({ altKey: true, key: 'ArrowUp' })).toBe('previous');
		expect(key({ altKey: true, key: 'ArrowDown' })).toBe('next');
		expect(key({ altKey: true, code: 'KeyN', key: 'ñ' })).toBe('nextAttention');
		expect(key({ ctrlKey: true, shiftKey: true, code: 'KeyS', key: 'S' })).toBe('copySource');
		expect(key({ key: 'Enter' })).toBeUndefined();
		expect(key({ altKey: true, shiftKey: true, key: 'ArrowDown' })).toBeUndefined();
		expect(key({ ctrlKey: true, code: 'KeyS', key: 's' })).toBeUndefined();
	});

	it('confirming marks a draft or rejected segment translated and keeps any other status', () => {
		expect(confirmedStatus('draft')).toBe('translated');
		expect(confirmedStatus('rejected')).toBe('translated');
		expect(confirmedStatus('approved')).toBe('approved');
		expect(confirmedStatus('reviewed')).toBe('reviewed');
	});
});
