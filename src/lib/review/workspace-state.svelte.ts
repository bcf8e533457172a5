/**
 * The review workspace's client state: an editor for each segment opened (one is open at a time; the server pages
 * the grid and says where the keys go). Created by the review page and passed down through context.
 */
import { getContext, setContext } from 'svelte';
import { SvelteMap } from 'svelte/reactivity';
import { deserialize } from '$app/forms';
import { SegmentEditorState, type DraftPoster } from './segment-editor.svelte';
import { insertText, type ReviewSegment } from './workspace-model';

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
	/** The segments with an editor on the page (the open one). */
	segments = $state.raw<ReviewSegment[]>([]);
	/** The open segment. */
	current = $state<string | undefined>();
	readonly editors = new SvelteMap<string, SegmentEditorState>();
	#post: DraftPoster;

	constructor(segments: ReviewSegment[], post: DraftPoster = postDraft) {
		this.#post = post;
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

	/** Put the segment's Chinese into its English (the CAT tools' "copy source"), as unsaved work. */
	copySource(segmentId: string): boolean {
		const segment = this.segments.find((s) => s.id === segmentId);
		if (!segment) return false;
		const editor = this.editor(segmentId);
		editor.text = segment.zh;
		editor.edited();
		return true;
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
