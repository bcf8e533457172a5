/**
 * The /words page's state: the stored words (read in the browser, after the page has loaded), the study
 * order, and the outcome of the last delete or import. The storage and file logic live in saved-words.ts and
 * exchange.ts; this only keeps the page in step with them.
 */
import {
	deleteWord,
	importBackup,
	importWords,
	readStore,
	resetStore,
	restoreWord,
	STORAGE_KEY,
	type SaveFailure,
	type SavedWord,
	type StoreState
} from './saved-words';
import { parseWordFile, type ImportProblem } from './exchange';
import { parseBackup, toBackup, type BackupParse } from './backup';
import { sortWords, type WordOrder } from './order';

/** What the page says after an action. */
export type Notice =
	| { kind: 'deleted'; word: SavedWord }
	| { kind: 'restored'; word: string }
	| { kind: 'imported'; file: string; added: number; skipped: number }
	| { kind: 'refused'; file: string; problems: ImportProblem[] }
	| { kind: 'unreadable'; file: string }
	| {
			kind: 'badBackup';
			file: string;
			problem: Extract<BackupParse, { ok: false }>['problem'];
			detail: string;
	  }
	| { kind: 'failed'; reason: SaveFailure }
	| { kind: 'reset' };

export class WordList {
	/** 'loading' until the page runs in the browser. */
	store = $state.raw<StoreState | { status: 'loading' }>({ status: 'loading' });
	order = $state<WordOrder>('newest');
	notice = $state.raw<Notice | undefined>();

	readonly words = $derived(this.store.status === 'ok' ? this.store.words : []);
	readonly sorted = $derived(sortWords(this.words, this.order));

	/** Read the store; again whenever another tab changes it (a word saved in the reader). */
	connect(): () => void {
		this.load();
		const onStorage = (e: StorageEvent) => {
			if (e.key === STORAGE_KEY || e.key === null) this.load();
		};
		addEventListener('storage', onStorage);
		return () => removeEventListener('storage', onStorage);
	}

	load() {
		this.store = readStore();
	}

	delete(word: SavedWord) {
		const result = deleteWord(word.word);
		this.notice = result.ok ? { kind: 'deleted', word } : { kind: 'failed', reason: result.reason };
		this.load();
	}

	undoDelete(word: SavedWord) {
		const result = restoreWord(word);
		this.notice = result.ok
			? { kind: 'restored', word: word.word }
			: { kind: 'failed', reason: result.reason };
		this.load();
	}

	/** The backup file's text (words, cards, known words, settings), when the store is readable. */
	backup(): string | undefined {
		const store = this.store;
		return store.status === 'ok' ? toBackup(store) : undefined;
	}

	/** Import a file's text: all of it, or nothing with every problem listed. A backup (JSON) brings its cards. */
	importFile(file: string, text: string) {
		if (/^\uFEFF?\s*\{/.test(text)) {
			const backup = parseBackup(text);
			if (!backup.ok) {
				this.notice = { kind: 'badBackup', file, problem: backup.problem, detail: backup.detail };
				return;
			}
			const result = importBackup(backup.store);
			this.notice = result.ok
				? { kind: 'imported', file, added: result.added, skipped: result.skipped }
				: { kind: 'failed', reason: result.reason };
			this.load();
			return;
		}
		const parsed = parseWordFile(text);
		if (!parsed.ok) {
			this.notice = { kind: 'refused', file, problems: parsed.problems };
			return;
		}
		const result = importWords(parsed.words);
		this.notice = result.ok
			? { kind: 'imported', file, added: result.added, skipped: result.skipped }
			: { kind: 'failed', reason: result.reason };
		this.load();
	}

	/** The learner chose to discard a damaged store. */
	reset() {
		const result = resetStore();
		this.notice = result.ok ? { kind: 'reset' } : { kind: 'failed', reason: result.reason };
		this.load();
	}
}
