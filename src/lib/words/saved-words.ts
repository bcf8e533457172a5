/**
 * The learner's saved words, kept in this browser only (localStorage; nothing is uploaded). Browser-safe: the
 * reader's word popover calls saveWord, the /words page lists, deletes, imports and resets.
 *
 * Every read validates the whole store. A store that does not parse, fails the schema or was written by
 * another version is reported as damaged with its raw text, and nothing here writes over it: only
 * resetStore(), which the learner chooses after being offered the raw text as a download, removes it.
 *
 * Validation is paid once per text: the text last read or written and its state are kept in memory (shared by
 * every script of the page), and each text this code writes is recorded by its fingerprint (length and a 53-bit
 * hash) under a second key, so a page load or another tab reading exactly that text parses it without
 * validating it again. Any other text (older, edited by hand, damaged) is validated in full. Writes serialise
 * only the words that changed (each word's JSON is kept with it); localStorage still copies the whole text, which
 * for 5,000 words takes tens of milliseconds, so the study page writes a grade after showing the next card.
 */
import * as v from 'valibot';
import {
	CardSchema,
	STORE_VERSION,
	SavedWordInputSchema,
	StudySettingsSchema,
	WordKeySchema,
	describeIssues,
	migrateStore,
	type Card,
	type SavedWord,
	type SavedWordInput,
	type Store,
	type StudySettings
} from './schema';

export type { Card, SavedWord, SavedWordInput, Store, StudySettings } from './schema';

export { STORAGE_KEY, WRITTEN_KEY, WORDS_CHANGED } from './keys';
import { STORAGE_KEY, WRITTEN_KEY, WORDS_CHANGED } from './keys';

/** Where the store's text lives: localStorage in the browser, memory in tests. */
export interface WordStorage {
	read(): string | null;
	write(text: string): void;
	remove(): void;
	/** The fingerprint of the text last written (storage without one validates every new text in full). */
	readWritten?(): string | null;
	writeWritten?(fingerprint: string | null): void;
}

const browserStorage: WordStorage = {
	read: () => localStorage.getItem(STORAGE_KEY),
	write: (text) => localStorage.setItem(STORAGE_KEY, text),
	remove: () => localStorage.removeItem(STORAGE_KEY),
	readWritten: () => localStorage.getItem(WRITTEN_KEY),
	writeWritten: (fingerprint) =>
		fingerprint === null
			? localStorage.removeItem(WRITTEN_KEY)
			: localStorage.setItem(WRITTEN_KEY, fingerprint)
};

let storage: WordStorage = browserStorage;

/** Swap the storage (tests); without an argument, back to localStorage. */
export function useWordStorage(next: WordStorage = browserStorage): void {
	storage = next;
}

/** Storage in memory, for tests. */
export function memoryStorage(
	initial: string | null = null
): Required<WordStorage> & { text: string | null; written: string | null } {
	return {
		text: initial,
		written: null,
		read() {
			return this.text;
		},
		write(text) {
			this.text = text;
		},
		remove() {
			this.text = null;
		},
		readWritten() {
			return this.written;
		},
		writeWritten(fingerprint) {
			this.written = fingerprint;
		}
	};
}

/**
 * A text's fingerprint: the store's version, its length and a 53-bit hash of it (cyrb53, one pass over the
 * characters, a few milliseconds for a 5,000-word store). Not a security measure: it tells a text this code wrote
 * from any other, which is then validated.
 */
export function fingerprint(text: string): string {
	let h1 = 0xdeadbeef;
	let h2 = 0x41c6ce57;
	for (let i = 0; i < text.length; i++) {
		const ch = text.charCodeAt(i);
		h1 = Math.imul(h1 ^ ch, 2654435761);
		h2 = Math.imul(h2 ^ ch, 1597334677);
	}
	h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
	h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
	const hash = 4294967296 * (2097151 & h2) + (h1 >>> 0);
	return `${STORE_VERSION}:${text.length}:${hash.toString(36)}`;
}

/** What the store holds: the words, or why they cannot be read. */
export type StoreState =
	| {
			status: 'ok';
			words: SavedWord[];
			/** Words the learner knows. */
			known: string[];
			settings: StudySettings;
			/** The version the stored text was written in, when older (it is rewritten in this one on the next change). */
			migratedFrom?: number;
	  }
	| {
			status: 'damaged';
			/** The stored text, exactly as found, for the learner to download. */
			raw: string;
			problem: 'json' | 'schema' | 'version';
			/** What is wrong, in English (e.g. "words.3.savedAt: Invalid timestamp"). */
			detail: string;
	  }
	| { status: 'unavailable'; detail: string };

/**
 * Parse the stored text. Nothing stored yet is an empty list. `written`: the text is, by its fingerprint, one
 * this code serialised from a validated store of this version, so parsing it gives that store again.
 */
export function parseStore(raw: string | null, written = false): StoreState {
	if (raw === null) return { status: 'ok', ...emptyStore() };
	let data: unknown;
	try {
		data = JSON.parse(raw);
	} catch (e) {
		return { status: 'damaged', raw, problem: 'json', detail: (e as Error).message };
	}
	if (written) {
		const { words, known, settings } = data as Store;
		return { status: 'ok', words, known, settings };
	}
	const result = migrateStore(data);
	if (!result.ok) return { status: 'damaged', raw, problem: result.problem, detail: result.detail };
	const { words, known, settings } = result.store;
	return { status: 'ok', words, known, settings, migratedFrom: result.migratedFrom };
}

/** A store with nothing in it. */
export function emptyStore(): Omit<Store, 'version'> {
	return { words: [], known: [], settings: v.parse(StudySettingsSchema, {}) };
}

/**
 * The last text read or written and what it parsed to. The same text always validates the same way, so reading
 * it again costs a string comparison instead of a validation (a 5,000-word store takes tens of milliseconds to
 * parse and validate). Kept on globalThis, so the site script and a page's own script (each bundles this module)
 * share one copy: what one writes, the other reads without parsing. States are never mutated.
 */
const cache = ((globalThis as Record<symbol, unknown>)[Symbol.for(STORAGE_KEY)] ??= {}) as {
	last?: { raw: string; state: StoreState };
};

/** Each saved word's JSON, computed once per word object (they are never mutated): a write joins them. */
const wordJson = new WeakMap<SavedWord, string>();

/** The store's text: exactly JSON.stringify(store), with each word's JSON reused from earlier writes. */
export function serializeStore(store: Store): string {
	const words = store.words.map((w) => {
		let json = wordJson.get(w);
		if (json === undefined) wordJson.set(w, (json = JSON.stringify(w)));
		return json;
	});
	return `{"version":${JSON.stringify(store.version)},"words":[${words.join(',')}],"known":${JSON.stringify(store.known)},"settings":${JSON.stringify(store.settings)}}`;
}

/** Read and validate the store. */
export function readStore(): StoreState {
	try {
		const raw = storage.read();
		const last = cache.last;
		if (raw !== null && last?.raw === raw) return last.state;
		const written = raw === null ? null : (storage.readWritten?.() ?? null);
		// The fingerprint names the length first: another text is told apart without hashing it.
		const trusted =
			raw !== null &&
			written?.startsWith(`${STORE_VERSION}:${raw.length}:`) === true &&
			written === fingerprint(raw);
		const state = parseStore(raw, trusted);
		cache.last = raw === null ? undefined : { raw, state };
		return state;
	} catch (e) {
		// localStorage can be switched off (a SecurityError) or missing.
		return { status: 'unavailable', detail: (e as Error).message };
	}
}

/** Why a change could not be made; each has a message under words.saveFailed.* in messages/. */
export type SaveFailure = 'invalid' | 'damaged' | 'unavailable' | 'full';

export type ChangeResult = { ok: true } | { ok: false; message: string; reason: SaveFailure };

const FAILURE_MESSAGES: Record<SaveFailure, string> = {
	invalid: 'This word cannot be saved: its entry is incomplete.',
	damaged: 'Your saved words could not be read, so nothing was saved. Open the word list to recover them.',
	unavailable: 'This browser does not allow saving words (storage is switched off).',
	full: 'The browser’s storage is full, so the word was not saved.'
};

const failure = (reason: SaveFailure, detail?: string) => ({
	ok: false as const,
	reason,
	message: detail ? `${FAILURE_MESSAGES[reason]} (${detail})` : FAILURE_MESSAGES[reason]
});

/** Apply `change` to the current words and store the result, unless the store is damaged or unavailable. */
function update(change: (words: SavedWord[]) => SavedWord[] | undefined): ChangeResult {
	return updateStore((store) => {
		const words = change(store.words);
		return words && { ...store, words };
	});
}

/** Apply `change` to the whole store (undefined: nothing to write), unless it is damaged or unavailable. */
function updateStore(change: (store: Store) => Store | undefined): ChangeResult {
	const state = readStore();
	if (state.status === 'damaged') return failure('damaged', state.detail);
	if (state.status === 'unavailable') return failure('unavailable', state.detail);
	const { words, known, settings } = state;
	const store = change({ version: STORE_VERSION, words, known, settings });
	if (!store) return { ok: true };
	const text = serializeStore(store);
	try {
		storage.write(text);
	} catch (e) {
		const name = (e as Error).name;
		return failure(name === 'QuotaExceededError' ? 'full' : 'unavailable', (e as Error).message);
	}
	// What was written is the validated store with a validated change: known good, no need to validate it again,
	// here or (by its fingerprint) in another tab or on the next page.
	const next: StoreState = {
		status: 'ok',
		words: store.words,
		known: store.known,
		settings: store.settings
	};
	cache.last = { raw: text, state: next };
	try {
		storage.writeWritten?.(fingerprint(text));
	} catch {
		// Without the fingerprint the next reader validates the text in full: slower, still right.
	}
	if (typeof window !== 'undefined')
		window.dispatchEvent(new CustomEvent<StoreState>(WORDS_CHANGED, { detail: next }));
	return { ok: true };
}

/** Save a word with the sentence it was found in. A word already saved stays as it was. */
export function saveWord(
	input: SavedWordInput,
	now: Date = new Date()
): { ok: true; alreadySaved: boolean } | { ok: false; message: string; reason: SaveFailure } {
	const parsed = v.safeParse(SavedWordInputSchema, input);
	if (!parsed.success) return failure('invalid', describeIssues(parsed.issues));
	let alreadySaved = false;
	const result = update((words) => {
		alreadySaved = words.some((w) => w.word === parsed.output.word);
		return alreadySaved ? undefined : [...words, { ...parsed.output, savedAt: now.toISOString() }];
	});
	return result.ok ? { ok: true, alreadySaved } : result;
}

/** Whether the word is in the list (false when the store cannot be read). */
export function isSaved(word: string): boolean {
	const state = readStore();
	return state.status === 'ok' && state.words.some((w) => w.word === word.trim());
}

/** Remove a word from the list. */
export function deleteWord(word: string): ChangeResult {
	return update((words) =>
		words.some((w) => w.word === word) ? words.filter((w) => w.word !== word) : undefined
	);
}

/** Put back a word exactly as it was (undoing a delete); nothing happens if it is saved again meanwhile. */
export function restoreWord(saved: SavedWord): ChangeResult {
	return update((words) => (words.some((w) => w.word === saved.word) ? undefined : [...words, saved]));
}

/** Words of `incoming` not yet in `existing` (by word; the first of repeats in the file wins), and the rest. */
export function mergeWords(
	existing: readonly SavedWord[],
	incoming: readonly SavedWord[]
): { words: SavedWord[]; added: SavedWord[]; skipped: SavedWord[] } {
	const seen = new Set(existing.map((w) => w.word));
	const added: SavedWord[] = [];
	const skipped: SavedWord[] = [];
	for (const word of incoming) {
		if (seen.has(word.word)) skipped.push(word);
		else {
			seen.add(word.word);
			added.push(word);
		}
	}
	return { words: [...existing, ...added], added, skipped };
}

/** Add imported words (already validated, all or nothing) to the list, skipping words already saved. */
export function importWords(
	incoming: readonly SavedWord[]
): { ok: true; added: number; skipped: number } | { ok: false; message: string; reason: SaveFailure } {
	let counts = { added: 0, skipped: 0 };
	const result = update((words) => {
		const merged = mergeWords(words, incoming);
		counts = { added: merged.added.length, skipped: merged.skipped.length };
		return merged.added.length ? merged.words : undefined;
	});
	return result.ok ? { ok: true, ...counts } : result;
}

/** A word's learning status: known (marked so), learning (saved, not known), or new. */
export type WordStatus = 'new' | 'learning' | 'known';

/** The status of `word` in a readable store's words and known list. */
export function statusOf(word: string, saved: ReadonlySet<string>, known: ReadonlySet<string>): WordStatus {
	return known.has(word) ? 'known' : saved.has(word) ? 'learning' : 'new';
}

/** Mark a word known, or not known any more (then it is learning if saved, new if not). */
export function setKnown(word: string, known: boolean): ChangeResult {
	const parsed = v.safeParse(WordKeySchema, word);
	if (!parsed.success) return failure('invalid', describeIssues(parsed.issues));
	const key = parsed.output;
	return updateStore((store) => {
		if (store.known.includes(key) === known) return undefined;
		return { ...store, known: known ? [...store.known, key] : store.known.filter((k) => k !== key) };
	});
}

/** Store a word's flashcard after a review (the word must still be saved). */
export function saveCard(word: string, input: Card): ChangeResult {
	const parsed = v.safeParse(CardSchema, input);
	if (!parsed.success) return failure('invalid', describeIssues(parsed.issues));
	const card = parsed.output;
	return update((words) => {
		const at = words.findIndex((w) => w.word === word);
		if (at < 0) return undefined;
		const next = [...words];
		next[at] = { ...words[at]!, card };
		return next;
	});
}

/** Change the study settings. */
export function saveStudySettings(settings: StudySettings): ChangeResult {
	const parsed = v.safeParse(StudySettingsSchema, settings);
	if (!parsed.success) return failure('invalid', describeIssues(parsed.issues));
	return updateStore((store) => ({ ...store, settings: parsed.output }));
}

/** Which of two copies of a word's card to keep: the one reviewed more recently (or at all). */
function laterCard(a: Card | undefined, b: Card | undefined): Card | undefined {
	if (!a || !b) return a ?? b;
	return (b.lastReview ?? '') > (a.lastReview ?? '') ? b : a;
}

/**
 * Add a backup's contents (validated whole) to the store: words not saved yet with their cards, for words saved
 * in both the more recently reviewed card, known words joined. Settings are taken from the backup only when the
 * store holds no words (a fresh browser).
 */
export function importBackup(
	backup: Omit<Store, 'version'>
): { ok: true; added: number; skipped: number } | { ok: false; message: string; reason: SaveFailure } {
	let counts = { added: 0, skipped: 0 };
	const result = updateStore((store) => {
		const merged = mergeWords(store.words, backup.words);
		const incoming = new Map(backup.words.map((w) => [w.word, w]));
		const words = merged.words.map((w) => {
			const card = laterCard(w.card, incoming.get(w.word)?.card);
			return card === w.card ? w : { ...w, card };
		});
		counts = { added: merged.added.length, skipped: merged.skipped.length };
		const known = [...new Set([...store.known, ...backup.known])];
		return {
			version: STORE_VERSION,
			words,
			known,
			settings: store.words.length ? store.settings : backup.settings
		};
	});
	return result.ok ? { ok: true, ...counts } : result;
}

/** Remove the store, damaged or not. Only on the learner's explicit choice. */
export function resetStore(): ChangeResult {
	try {
		storage.remove();
		storage.writeWritten?.(null);
		cache.last = undefined;
		if (typeof window !== 'undefined')
			window.dispatchEvent(new CustomEvent<StoreState>(WORDS_CHANGED, { detail: readStore() }));
		return { ok: true };
	} catch (e) {
		return failure('unavailable', (e as Error).message);
	}
}
