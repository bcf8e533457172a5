/**
 * Texts read at /read, kept in this browser only (localStorage; the server keeps none), so that a reader can open
 * one again from /read without pasting it. Browser-safe: /read's own script (src/lib/read/enhance/recent.ts)
 * remembers a text once its page has shown it, and lists them on /read.
 *
 * The newest comes first; the same text read again moves to the top. At most RECENT_LIMITS.texts texts and
 * RECENT_LIMITS.characters characters are kept (the oldest go first; the newest is always kept). A stored value
 * that does not parse or fails the schema is reported as damaged and never written over: only forgetAll(), which
 * the reader chooses, removes it.
 */
import * as v from 'valibot';

/** The localStorage key; the format's version is inside the value. */
export const RECENT_TEXTS_KEY = 'bilingual-reader.recent-texts';

export const RECENT_LIMITS = { texts: 10, characters: 200_000, titleCharacters: 120 };

const RecentTextSchema = v.object({
	text: v.pipe(v.string(), v.minLength(1)),
	/** The text's first line, for the list. */
	// Cut by characters (code points): up to two UTF-16 units each.
	title: v.pipe(v.string(), v.minLength(1), v.maxLength(RECENT_LIMITS.titleCharacters * 2)),
	/** Chinese characters, as /read counted them. */
	characters: v.pipe(v.number(), v.integer(), v.minValue(0)),
	/** When it was last read (ISO 8601). */
	readAt: v.pipe(v.string(), v.isoTimestamp())
});

const StoreSchema = v.object({ version: v.literal(1), texts: v.array(RecentTextSchema) });

export type RecentText = v.InferOutput<typeof RecentTextSchema>;

/** What the browser holds: the texts, nothing yet, a value that could not be read, or no storage at all. */
export type RecentState =
	{ kind: 'texts'; texts: RecentText[] } | { kind: 'damaged' } | { kind: 'unavailable' };

/** The state a stored value stands for (`null`: nothing stored). */
export function parseRecent(raw: string | null): RecentState {
	if (raw === null) return { kind: 'texts', texts: [] };
	try {
		const parsed = v.safeParse(StoreSchema, JSON.parse(raw));
		return parsed.success ? { kind: 'texts', texts: parsed.output.texts } : { kind: 'damaged' };
	} catch {
		return { kind: 'damaged' };
	}
}

/** The list with `entry` first: an earlier copy of the same text removed, then trimmed to the limits. */
export function withText(texts: readonly RecentText[], entry: RecentText): RecentText[] {
	const out = [entry];
	let characters = entry.text.length;
	for (const t of texts) {
		if (t.text === entry.text) continue;
		if (out.length >= RECENT_LIMITS.texts || characters + t.text.length > RECENT_LIMITS.characters) break;
		out.push(t);
		characters += t.text.length;
	}
	return out;
}

/** A title for the list: the text's first line as written, on one line and cut to the limit. */
export function recentTitle(text: string): string {
	const title = text.trim().split('\n')[0]!.trim().replace(/\s+/g, ' ');
	const chars = [...title];
	return chars.length > RECENT_LIMITS.titleCharacters
		? chars.slice(0, RECENT_LIMITS.titleCharacters - 1).join('') + '…'
		: title;
}

type RecentStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** localStorage, or undefined where the browser blocks it. */
function browserStorage(): RecentStorage | undefined {
	try {
		return window.localStorage;
	} catch {
		return undefined;
	}
}

/** What this browser holds. */
export function readRecent(storage = browserStorage()): RecentState {
	if (!storage) return { kind: 'unavailable' };
	try {
		return parseRecent(storage.getItem(RECENT_TEXTS_KEY));
	} catch {
		return { kind: 'unavailable' };
	}
}

/**
 * Write the list, dropping the oldest texts while the browser says it is full. False when nothing could be
 * written (no storage, or not even the newest text fits).
 */
function writeRecent(storage: RecentStorage, texts: RecentText[]): boolean {
	for (let kept = texts.length; kept > 0; kept--) {
		try {
			storage.setItem(RECENT_TEXTS_KEY, JSON.stringify({ version: 1, texts: texts.slice(0, kept) }));
			return true;
		} catch {
			// Full: try with one text fewer.
		}
	}
	return false;
}

/** Keep `entry` as the newest text. False when it was not kept (no storage, a damaged value, no room). */
export function rememberText(entry: RecentText, storage = browserStorage()): boolean {
	const state = readRecent(storage);
	if (!storage || state.kind !== 'texts') return false;
	return writeRecent(storage, withText(state.texts, entry));
}

/** Forget the text read at `readAt`. */
export function forgetText(readAt: string, storage = browserStorage()): boolean {
	const state = readRecent(storage);
	if (!storage || state.kind !== 'texts') return false;
	const texts = state.texts.filter((t) => t.readAt !== readAt);
	if (texts.length) return writeRecent(storage, texts);
	storage.removeItem(RECENT_TEXTS_KEY);
	return true;
}

/** Forget every text, a damaged value too. */
export function forgetAll(storage = browserStorage()): void {
	storage?.removeItem(RECENT_TEXTS_KEY);
}
