/**
 * The state of one segment's editor: the English being edited, its status and the version it started from,
 * whether it differs from what is saved, and the autosave of drafts (debounced, posted to the saveDraft action).
 *
 * The server's data arrives again after every action; `sync` takes it in without throwing away unsaved typing:
 * a clean editor follows the server, a dirty one keeps its text and its base version, so saving it after someone
 * else's save is refused as a conflict with both versions shown.
 */
import type { ReviewSegment } from './workspace-model';
import type { ReviewStatus } from './status';

/** What the draft autosave last did, for the editor's status line. */
export type DraftState = 'idle' | 'pending' | 'saved' | 'restored' | 'failed' | 'expired';

/** Posts a draft; resolves to its save time, or 'expired' when signed out, or throws. */
export type DraftPoster = (draft: {
	segmentId: string;
	en: string;
	baseVersion: number;
}) => Promise<string | 'expired'>;

/** How long typing must pause before a draft is saved. */
export const DRAFT_DEBOUNCE_MS = 1000;

export class SegmentEditorState {
	readonly id: string;
	text = $state('');
	status = $state<ReviewStatus>('translated');
	baseVersion = $state(0);
	draft = $state<DraftState>('idle');
	draftAt = $state<string | null>(null);
	#savedText = $state('');
	#savedStatus = $state<ReviewStatus>('translated');
	#serverVersion = 0;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#post: DraftPoster;
	#lastDrafted = '';

	/** Differs from the saved English or status. */
	readonly dirty = $derived(this.text !== this.#savedText || this.status !== this.#savedStatus);

	constructor(segment: ReviewSegment, post: DraftPoster) {
		this.id = segment.id;
		this.#post = post;
		this.#adopt(segment);
		if (segment.draft && segment.draft.en !== segment.en) {
			// The reviewer's autosaved work comes back, on the version it was started from.
			this.text = segment.draft.en;
			this.baseVersion = segment.draft.baseVersion;
			this.#lastDrafted = segment.draft.en;
			this.draft = 'restored';
			this.draftAt = segment.draft.updatedAt;
		}
	}

	#adopt(segment: ReviewSegment) {
		this.text = segment.en;
		// An untranslated segment is saved as translated unless the translator chooses draft.
		this.status = segment.status === 'untranslated' ? 'translated' : segment.status;
		this.baseVersion = segment.version;
		this.#savedText = segment.en;
		this.#savedStatus = segment.status === 'untranslated' ? 'translated' : segment.status;
		this.#serverVersion = segment.version;
	}

	/** Take in fresh server data for this segment. */
	sync(segment: ReviewSegment) {
		if (segment.version === this.#serverVersion) return;
		const mine = segment.en === this.text && segment.status === this.status;
		if (!this.dirty || mine) {
			this.#cancel();
			this.#adopt(segment);
			if (mine) this.draft = 'idle';
		} else {
			// Someone else saved while this reviewer has unsaved work: keep it; saving will show the conflict.
			this.#savedText = segment.en;
			this.#savedStatus = segment.status === 'untranslated' ? 'translated' : segment.status;
			this.#serverVersion = segment.version;
		}
	}

	/** Give up local work for the version now saved (the conflict's "keep theirs"). */
	keepTheirs(theirs: { en: string; status: ReviewStatus; version: number }) {
		this.#cancel();
		this.text = theirs.en;
		this.status = theirs.status;
		this.baseVersion = theirs.version;
		this.#savedText = theirs.en;
		this.#savedStatus = theirs.status;
		this.#serverVersion = theirs.version;
		this.draft = 'idle';
	}

	/** Call on every edit: a draft is saved once typing pauses. */
	edited() {
		this.#cancel();
		if (!this.dirty || this.text === this.#lastDrafted) {
			if (this.draft === 'pending') this.draft = 'idle';
			return;
		}
		this.draft = 'pending';
		this.#timer = setTimeout(() => void this.flush(), DRAFT_DEBOUNCE_MS);
	}

	/** Save the draft now if there is unsaved typing. */
	async flush() {
		this.#cancel();
		const en = this.text;
		if (!this.dirty || en === this.#lastDrafted) return;
		try {
			const at = await this.#post({ segmentId: this.id, en, baseVersion: this.baseVersion });
			if (at === 'expired') {
				this.draft = 'expired';
				return;
			}
			this.#lastDrafted = en;
			this.draftAt = at;
			// Typing may have gone on while the request was out; only claim "saved" for what was sent.
			if (this.text === en) this.draft = 'saved';
		} catch {
			this.draft = 'failed';
		}
	}

	/** The save went through: the text sent is now the saved text. */
	saved() {
		this.#cancel();
		this.#lastDrafted = '';
		this.draft = 'idle';
	}

	#cancel() {
		if (this.#timer !== undefined) clearTimeout(this.#timer);
		this.#timer = undefined;
	}

	/** Stop timers (component teardown). */
	dispose() {
		this.#cancel();
	}
}
