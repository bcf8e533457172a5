import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DRAFT_DEBOUNCE_MS, SegmentEditorState, type DraftPoster } from './segment-editor.svelte';
import type { ReviewSegment } from './workspace-model';

const segment = (over: Partial<ReviewSegment> = {}): ReviewSegment => ({
	id: 'p3-2',
	number: 5,
	block: 'p3',
	zh: '中文',
	en: 'Saved text.',
	fileEn: 'Saved text.',
	status: 'translated',
	version: 1,
	updatedBy: 'ann',
	updatedAt: 't',
	approvedEn: null,
	draft: null,
	comments: [],
	history: [],
	warnings: [],
	matches: [],
	terms: [],
	assignees: [],
	...over
});

beforeEach(() => {
	vi.useFakeTimers();
});
afterEach(() => {
	vi.useRealTimers();
});

describe('a segment editor', () => {
	it('autosaves a draft once typing pauses, and only then says so', async () => {
		const post = vi.fn<DraftPoster>(async () => '2024-03-01T09:00:00.000Z');
		const editor = new SegmentEditorState(segment(), post);
		editor.text = 'Saved text, edited';
		editor.edited();
		expect(editor.draft).toBe('pending');
		await vi.advanceTimersByTimeAsync(DRAFT_DEBOUNCE_MS - 10);
		editor.text = 'Saved text, edited more';
		editor.edited();
		await vi.advanceTimersByTimeAsync(DRAFT_DEBOUNCE_MS);
		expect(post).toHaveBeenCalledTimes(1);
		expect(post).toHaveBeenCalledWith({ segmentId: 'p3-2', en: 'Saved text, edited more', baseVersion: 1 });
		expect(editor.draft).toBe('saved');
	});

	it('restores a draft on its own base version, so a stale draft ends in a conflict rather than an overwrite', () => {
		const editor = new SegmentEditorState(
			segment({ version: 3, draft: { en: 'My draft', baseVersion: 2, updatedAt: 't' } }),
			vi.fn<DraftPoster>()
		);
		expect(editor.text).toBe('My draft');
		expect(editor.baseVersion).toBe(2);
		expect(editor.draft).toBe('restored');
		expect(editor.dirty).toBe(true);
	});

	it('follows the server when clean, keeps unsaved work when someone else saves', () => {
		const editor = new SegmentEditorState(segment(), vi.fn<DraftPoster>());
		editor.sync(segment({ version: 2, en: 'Their text.' }));
		expect([editor.text, editor.baseVersion]).toEqual(['Their text.', 2]);

		editor.text = 'My unsaved text.';
		editor.sync(segment({ version: 3, en: 'Another save.' }));
		expect([editor.text, editor.baseVersion, editor.dirty]).toEqual(['My unsaved text.', 2, true]);

		// My own save coming back: adopt it.
		editor.sync(segment({ version: 4, en: 'My unsaved text.' }));
		expect([editor.baseVersion, editor.dirty]).toEqual([4, false]);
	});

	it('says when the session expired instead of pretending the draft is safe', async () => {
		const editor = new SegmentEditorState(
			segment(),
			vi.fn<DraftPoster>(async () => 'expired')
		);
		editor.text = 'typed';
		await editor.flush();
		expect(editor.draft).toBe('expired');
	});
});
