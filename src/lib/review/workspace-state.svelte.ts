/**
 * The review workspace's client state: one editor per segment, the filter, and moving to the next segment that
 * needs attention. Created by the review page and passed down through context.
 */
import { getContext, setContext } from 'svelte';
import { SvelteMap } from 'svelte/reactivity';
import { deserialize } from '$app/forms';
import { SegmentEditorState, type DraftPoster } from './segment-editor.svelte';
import {
	insertText,
	matchesFilter,
	nextNeedingAttention,
	type ReviewFilter,
	type ReviewSegment
} from './workspace-model';

/** Post a draft to the page's saveDraft form action, as `use:enhance` would (JSON result). */
export const postDraft: DraftPoster = async ({ segmentId, en, baseVersion }) => {
	const body = new FormData();
	body.set('segmentId', segmentId);
	body.set('en', en);
	body.set('baseVersion', String(baseVersion));
	const response = await fetch(`?/saveDraft&segment=${encodeURIComponent(segmentId)}`, {
		method: 'POST',
		body,
		headers: { accept: 'application/json', 'x-sveltekit-action': 'true' },
		// Drafts flushed as the page is left must still arrive.
		keepalive: true
	});
	const result = deserialize(await response.text());
	if (result.type === 'success' && typeof result.data?.draftSaved === 'string') return result.data.draftSaved;
	if (result.type === 'failure' && result.status === 401) return 'expired';
	throw new Error(`draft not saved (${result.type})`);
};

export class ReviewWorkspace {
	segments = $state.raw<ReviewSegment[]>([]);
	filter = $state<ReviewFilter>({ status: 'all', qa: 'all' });
	/** The segment the reviewer last worked in (focus inside it). */
	current = $state<string | undefined>();
	readonly editors = new SvelteMap<string, SegmentEditorState>();
	#post: DraftPoster;

	/** The segments the filter lets through, in reading order. */
	readonly visible = $derived(this.segments.filter((s) => matchesFilter(s, this.filter)));

	constructor(segments: ReviewSegment[], filter: ReviewFilter, post: DraftPoster = postDraft) {
		this.#post = post;
		this.filter = { ...filter };
		this.update(segments);
	}

	/** Take in fresh server data (after every action), keeping unsaved edits. */
	update(segments: ReviewSegment[]) {
		this.segments = segments;
		for (const s of segments) {
			const editor = this.editors.get(s.id);
			if (editor) editor.sync(s);
			else this.editors.set(s.id, new SegmentEditorState(s, this.#post));
		}
	}

	editor(id: string): SegmentEditorState {
		const editor = this.editors.get(id);
		if (!editor) throw new Error(`no editor for segment ${id}`);
		return editor;
	}

	/** The next visible segment needing attention after `currentId` (wrapping), or undefined. */
	next(currentId?: string): string | undefined {
		return nextNeedingAttention(this.visible, currentId);
	}

	/**
	 * Put memory match `n` (1-based) of a segment into its English, replacing it, as unsaved work (autosaved as a
	 * draft like typing). False when the segment has no such match.
	 */
	insertMatch(segmentId: string, n: number): boolean {
		const match = this.segments.find((s) => s.id === segmentId)?.matches[n - 1];
		if (!match) return false;
		const editor = this.editor(segmentId);
		editor.text = match.en;
		editor.edited();
		return true;
	}

	/**
	 * Put term `n`'s (1-based) preferred rendering into a segment's English in place of the selection [start, end)
	 * (the cursor when they are equal). Returns where the caret goes, or undefined when there is no such term.
	 */
	insertTerm(segmentId: string, n: number, start: number, end: number): number | undefined {
		const term = this.segments.find((s) => s.id === segmentId)?.terms[n - 1];
		if (!term) return undefined;
		const editor = this.editor(segmentId);
		const next = insertText(editor.text, start, end, term.rendering);
		editor.text = next.text;
		editor.edited();
		return next.caret;
	}

	/** Save pending drafts now (before leaving the page). */
	flushDrafts() {
		for (const editor of this.editors.values()) void editor.flush();
	}

	dispose() {
		for (const editor of this.editors.values()) editor.dispose();
	}
}

const KEY = Symbol('review-workspace');

export function setWorkspace(workspace: ReviewWorkspace): ReviewWorkspace {
	return setContext(KEY, workspace);
}

export function useWorkspace(): ReviewWorkspace {
	const workspace = getContext<ReviewWorkspace | undefined>(KEY);
	if (!workspace) throw new Error('useWorkspace() called outside the review page');
	return workspace;
}
