/**
 * Editors' pinyin corrections (table pinyin_corrections, migration 0006): a correction made while checking
 * imported text becomes an override — `word` reads `pinyin` wherever it occurs in imported text — with the sentence
 * it was made in as its example. One correction per word; correcting a word again replaces its correction.
 *
 *   addPinyinCorrection(db, { word, pinyin, example, reason? }, reviewerId)  → the stored correction
 *   listPinyinCorrections(db)                                                 → all, by word
 *   readWithCorrections(db, text)                                             → the engine's readings, corrected
 *   syncPinyinCorrections(db?)                  → the content store reads imported text with the corrections
 *
 * The curated articles never see these: they keep content/pinyin-overrides.yaml alone.
 */
import * as v from 'valibot';
import { hanChars } from '$lib/chinese';
import { marksToNumbered } from '$lib/dictionary/pinyin';
import type { EngineReading, PinyinEngine } from '$lib/pinyin/engine';
import { normaliseSyllables } from '$lib/pinyin/syllable';
import { getDb, InputError, type Db } from '$lib/server/db';
import { setPinyinCorrections } from '$lib/server/content/store';
import { nonBlank, parseInput, RowId } from '$lib/server/db/input';
import { loadPinyinEngine } from './index';

/** A stored correction; `syllables` are numbered ("chong2", "qing4"), one per character of `word`. */
export interface PinyinCorrection {
	id: number;
	word: string;
	syllables: string[];
	example: string;
	reason: string;
	correctedBy: number;
	correctedAt: string;
}

/** What an editor submits: the word, its pinyin (tone marks or numbers, a syllable per character), the sentence. */
const CorrectionInput = v.pipe(
	v.object({
		word: v.pipe(
			nonBlank('word', 16),
			v.check((w) => hanChars(w).length === [...w].length, 'word must be Chinese characters only')
		),
		pinyin: nonBlank('pinyin', 120),
		example: nonBlank('example', 2000),
		reason: v.optional(v.pipe(v.string('reason must be text'), v.maxLength(500)), '')
	}),
	v.check((c) => c.example.includes(c.word), 'example must contain the word')
);

/** The syllables of `pinyin` in numbered form, or an error message. */
function syllablesOf(word: string, pinyin: string): string[] | string {
	const syllables = normaliseSyllables(marksToNumbered(pinyin.trim()));
	if (!syllables) return `pinyin: “${pinyin}” is not space-separated syllables (chóng qìng or chong2 qing4)`;
	const chars = [...word].length;
	if (syllables.length !== chars)
		return `pinyin: ${syllables.length} syllables for the ${chars} characters of “${word}”`;
	return syllables;
}

/** Store an editor's correction (replacing the word's earlier one); throws InputError on bad input. */
export async function addPinyinCorrection(
	db: Db,
	input: unknown,
	reviewerId: number
): Promise<PinyinCorrection> {
	const id = parseInput(RowId, reviewerId);
	const c = parseInput(CorrectionInput, input);
	const syllables = syllablesOf(c.word, c.pinyin);
	if (typeof syllables === 'string') throw new InputError([syllables]);
	const row = {
		word: c.word,
		pinyin: syllables.join(' '),
		example: c.example,
		reason: c.reason,
		corrected_by: id,
		corrected_at: db.nowIso()
	};
	await db.transaction(
		async () =>
			await db.run(
				db.kysely
					.insertInto('pinyin_corrections')
					.values(row)
					.onConflict((oc) =>
						oc.column('word').doUpdateSet({
							pinyin: row.pinyin,
							example: row.example,
							reason: row.reason,
							corrected_by: row.corrected_by,
							corrected_at: row.corrected_at
						})
					)
			)
	);
	return (await listPinyinCorrections(db)).find((x) => x.word === c.word)!;
}

/** Every correction, by word. */
export async function listPinyinCorrections(db: Db): Promise<PinyinCorrection[]> {
	return (await db.all(db.kysely.selectFrom('pinyin_corrections').selectAll().orderBy('word'))).map((r) => ({
		id: r.id,
		word: r.word,
		syllables: r.pinyin.split(' '),
		example: r.example,
		reason: r.reason,
		correctedBy: r.corrected_by,
		correctedAt: r.corrected_at
	}));
}

let cached: { key: string; engine: PinyinEngine } | undefined;

/** The engine for imported text: the corrections first (longest word wins), then the usual sources. */
export async function correctedEngine(db: Db): Promise<PinyinEngine> {
	const corrections = await listPinyinCorrections(db);
	const key = corrections.map((c) => `${c.word}=${c.syllables.join(' ')}`).join('\n');
	if (cached?.key !== key)
		cached = {
			key,
			engine: loadPinyinEngine(
				[],
				corrections.map((c) => ({ word: c.word, syllables: c.syllables }))
			)
		};
	return cached.engine;
}

/** The engine's readings of `text` (imported text) with the editors' corrections applied. */
export async function readWithCorrections(db: Db, text: string): Promise<EngineReading[]> {
	return (await correctedEngine(db)).read(text);
}

/** What the content store was last given, per database (tests open several). */
const synced = new WeakMap<Db, string>();

/**
 * Bring the content store's corrections up to date with the database's (the saved articles, /read and the
 * import preview read imported text with them); no work when nothing changed. The server calls it on every
 * request, so a correction made by this process or another applies at once.
 */
export async function syncPinyinCorrections(db?: Db): Promise<void> {
	const d = db ?? (await getDb());
	const stamp = await d.first(
		d.kysely
			.selectFrom('pinyin_corrections')
			.select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('corrected_at').as('at')])
	);
	const key = `${stamp?.n ?? 0}:${stamp?.at ?? ''}`;
	if (synced.get(d) === key) return;
	setPinyinCorrections(
		(await listPinyinCorrections(d)).map((c) => ({ word: c.word, syllables: c.syllables }))
	);
	synced.set(d, key);
}
