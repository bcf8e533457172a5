/**
 * The complete backup: everything the browser keeps (saved words with their flashcards, known words, study
 * settings) as one JSON file, to move to another browser with nothing lost. It is the store's own format with a
 * marker, read back through the same validation and migrations as the store itself, all or nothing: a file with
 * a card out of range (a stability of −3 days, a difficulty of 12, a due date that is not a date) is refused with
 * the word and the field named.
 */
import { STORE_VERSION, migrateStore, type Store } from './schema';

/** Marks the file as ours. */
export const BACKUP_FORMAT = 'bilingual-reader.saved-words';

/** The backup of a store (pretty-printed, so a learner can read it). */
export function toBackup(store: Omit<Store, 'version'>, now: Date = new Date()): string {
	const { words, known, settings } = store;
	return `${JSON.stringify(
		{ format: BACKUP_FORMAT, version: STORE_VERSION, exportedAt: now.toISOString(), words, known, settings },
		null,
		1
	)}\n`;
}

export type BackupParse =
	| { ok: true; store: Omit<Store, 'version'> }
	| { ok: false; problem: 'json' | 'notBackup' | 'version' | 'schema'; detail: string };

/** Read a backup file: not JSON, not ours, from a newer version, or invalid anywhere gives a reason. */
export function parseBackup(text: string): BackupParse {
	let data: unknown;
	try {
		data = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch (e) {
		return { ok: false, problem: 'json', detail: (e as Error).message };
	}
	if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== BACKUP_FORMAT)
		return { ok: false, problem: 'notBackup', detail: '' };
	const { format: _format, exportedAt: _exportedAt, ...rest } = data as Record<string, unknown>;
	const result = migrateStore(rest);
	if (!result.ok) return { ok: false, problem: result.problem, detail: wordOf(rest, result.detail) };
	const { words, known, settings } = result.store;
	return { ok: true, store: { words, known, settings } };
}

/** "words.3.card.stability: …" with the word at index 3 named, so the learner can find it. */
function wordOf(data: Record<string, unknown>, detail: string): string {
	const at = /^words\.(\d+)\./.exec(detail);
	const word = at ? (data.words as { word?: unknown }[] | undefined)?.[Number(at[1])]?.word : undefined;
	return typeof word === 'string' ? `${word}: ${detail}` : detail;
}
