import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	STORAGE_KEY,
	deleteWord,
	importWords,
	isSaved,
	memoryStorage,
	mergeWords,
	parseStore,
	readStore,
	resetStore,
	restoreWord,
	serializeStore,
	saveCard,
	saveStudySettings,
	saveWord,
	setKnown,
	statusOf,
	importBackup,
	useWordStorage,
	type SavedWord,
	type WordStorage
} from './saved-words';
import { sortWords } from './order';
import { wordInput } from './test-fixtures';

let store: ReturnType<typeof memoryStorage>;
beforeEach(() => {
	store = memoryStorage();
	useWordStorage(store);
});
afterEach(() => useWordStorage());

/** A studied card within FSRS's ranges. */
const card = {
	due: '2024-05-05T10:00:00.000Z',
	stability: 3.2,
	difficulty: 5.1,
	scheduledDays: 3,
	learningSteps: 0,
	reps: 2,
	lapses: 0,
	state: 2,
	lastReview: '2024-05-02T10:00:00.000Z',
	introduced: '2024-05-01T10:00:00.000Z'
};

const words = () => {
	const state = readStore();
	if (state.status !== 'ok') throw new Error(state.status);
	return state.words;
};

describe('saving words', () => {
	it('saves a word with its sentence, once', () => {
		expect(isSaved('港城')).toBe(false);
		expect(saveWord(wordInput('港城', { hsk: 6 }), new Date('2024-05-01T10:00:00Z'))).toEqual({
			ok: true,
			alreadySaved: false
		});
		expect(isSaved('港城')).toBe(true);
		expect(words()).toEqual([
			expect.objectContaining({
				word: '港城',
				hsk: 6,
				segmentId: 'p4-1',
				sentenceZh: expect.stringContaining('中国式现代化港城示范区'),
				savedAt: '2024-05-01T10:00:00.000Z'
			})
		]);
		expect(saveWord(wordInput('港城', { meaning: 'changed' }))).toEqual({ ok: true, alreadySaved: true });
		expect(words()).toHaveLength(1);
		expect(words()[0]!.meaning).toBe('meaning');
	});

	it('stores a versioned format under one key', () => {
		saveWord(wordInput('港城'), new Date('2024-05-01T10:00:00Z'));
		const raw = JSON.parse(store.text!);
		expect(raw.version).toBe(2);
		expect(raw.words[0]).toMatchObject({ word: '港城', slug: 'beilun-liucu-liuyou' });
		expect(STORAGE_KEY).toBe('bilingual-reader.saved-words');
	});

	it('refuses an incomplete entry, saying which field', () => {
		const result = saveWord(wordInput('港城', { pinyin: ' ' }));
		expect(result).toMatchObject({
			ok: false,
			reason: 'invalid',
			message: expect.stringContaining('pinyin')
		});
		expect(saveWord(wordInput('港城', { hsk: 7 }))).toMatchObject({ ok: false, reason: 'invalid' });
		expect(saveWord(wordInput('港城', { slug: '../x' }))).toMatchObject({ ok: false, reason: 'invalid' });
		expect(store.text).toBeNull();
	});

	it('deletes, and undoes a delete', () => {
		saveWord(wordInput('港城'));
		saveWord(wordInput('高质量'));
		const removed = words()[0]!;
		expect(deleteWord('港城')).toEqual({ ok: true });
		expect(words().map((w) => w.word)).toEqual(['高质量']);
		expect(restoreWord(removed)).toEqual({ ok: true });
		expect(
			words()
				.map((w) => w.word)
				.sort()
		).toEqual(['港城', '高质量'].sort());
	});

	it('reports storage that is switched off or full', () => {
		const throwing = (name: string): WordStorage => ({
			read: () => null,
			write: () => {
				throw Object.assign(new Error('nope'), { name });
			},
			remove: () => {}
		});
		useWordStorage(throwing('QuotaExceededError'));
		expect(saveWord(wordInput('港城'))).toMatchObject({ ok: false, reason: 'full' });
		useWordStorage(throwing('SecurityError'));
		expect(saveWord(wordInput('港城'))).toMatchObject({ ok: false, reason: 'unavailable' });
		useWordStorage({
			read: () => {
				throw new Error('denied');
			},
			write: () => {},
			remove: () => {}
		});
		expect(readStore()).toEqual({ status: 'unavailable', detail: 'denied' });
		expect(isSaved('港城')).toBe(false);
	});
});

describe('a damaged store', () => {
	it('is reported with its raw text, and never written over', () => {
		store.text = '{"version":1,"words":[{"word":"港城"'; // cut short
		const state = readStore();
		expect(state).toMatchObject({ status: 'damaged', problem: 'json', raw: store.text });
		const result = saveWord(wordInput('高质量'));
		expect(result).toMatchObject({ ok: false, reason: 'damaged' });
		expect(deleteWord('港城')).toMatchObject({ ok: false, reason: 'damaged' });
		expect(importWords([])).toMatchObject({ ok: false, reason: 'damaged' });
		expect(store.text).toBe('{"version":1,"words":[{"word":"港城"');
		expect(isSaved('港城')).toBe(false);
	});

	it('fails the schema: says where', () => {
		const good = { ...wordInput('港城'), savedAt: '2024-05-01T10:00:00.000Z' };
		expect(parseStore(JSON.stringify({ version: 1, words: [good] }))).toMatchObject({ status: 'ok' });
		expect(
			parseStore(JSON.stringify({ version: 1, words: [good, { ...good, savedAt: 'yesterday' }] }))
		).toMatchObject({
			status: 'damaged',
			problem: 'schema',
			detail: expect.stringContaining('words.1.savedAt')
		});
		expect(parseStore(JSON.stringify({ version: 1, words: [{ ...good, hsk: 'four' }] }))).toMatchObject({
			status: 'damaged',
			problem: 'schema'
		});
		expect(parseStore('[]')).toMatchObject({ status: 'damaged', problem: 'schema' });
		expect(parseStore('null')).toMatchObject({ status: 'damaged', problem: 'schema' });
	});

	it('written by a newer version is not taken for damage of this one, nor overwritten', () => {
		store.text = JSON.stringify({ version: 3, entries: [] });
		expect(readStore()).toMatchObject({
			status: 'damaged',
			problem: 'version',
			detail: 'format version 3'
		});
		expect(saveWord(wordInput('港城'))).toMatchObject({ ok: false, reason: 'damaged' });
		expect(setKnown('港城', true)).toMatchObject({ ok: false, reason: 'damaged' });
		expect(store.text).toBe(JSON.stringify({ version: 3, entries: [] }));
	});

	it('goes only when the learner resets it', () => {
		store.text = 'not json';
		expect(resetStore()).toEqual({ ok: true });
		expect(readStore()).toMatchObject({ status: 'ok', words: [], known: [] });
		expect(saveWord(wordInput('港城'))).toMatchObject({ ok: true });
	});
});

describe('merging an import', () => {
	it('adds new words, skips those already saved and repeats in the file', () => {
		saveWord(wordInput('港城'), new Date('2024-05-01T10:00:00Z'));
		const incoming: SavedWord[] = ['港城', '高质量', '高质量', '产业链'].map((w, i) => ({
			...wordInput(w),
			meaning: `file ${i}`,
			savedAt: '2024-06-01T10:00:00.000Z'
		}));
		const merged = mergeWords(words(), incoming);
		expect(merged.added.map((w) => w.word)).toEqual(['高质量', '产业链']);
		expect(merged.skipped.map((w) => w.meaning)).toEqual(['file 0', 'file 2']);
		expect(importWords(incoming)).toEqual({ ok: true, added: 2, skipped: 2 });
		expect(words().map((w) => [w.word, w.meaning])).toEqual([
			['港城', 'meaning'],
			['高质量', 'file 1'],
			['产业链', 'file 3']
		]);
		expect(importWords(incoming)).toEqual({ ok: true, added: 0, skipped: 4 });
	});
});

describe('study order', () => {
	const at = (word: string, savedAt: string, hsk?: number): SavedWord => ({
		...wordInput(word, { hsk }),
		savedAt
	});
	const list = [
		at('港城', '2024-05-02T00:00:00.000Z'),
		at('发展', '2024-05-03T00:00:00.000Z', 4),
		at('高质量', '2024-05-01T00:00:00.000Z', 5),
		at('产业', '2024-05-04T00:00:00.000Z', 4)
	];

	it('by date, newest or oldest first', () => {
		expect(sortWords(list, 'newest').map((w) => w.word)).toEqual(['产业', '发展', '港城', '高质量']);
		expect(sortWords(list, 'oldest').map((w) => w.word)).toEqual(['高质量', '港城', '发展', '产业']);
	});

	it('by HSK level, easiest first, earliest saved within a level, words on no list last', () => {
		expect(sortWords(list, 'hsk').map((w) => w.word)).toEqual(['发展', '产业', '高质量', '港城']);
		expect(list.map((w) => w.word)).toEqual(['港城', '发展', '高质量', '产业']);
	});
});

describe('an older store (version 1)', () => {
	const v1 = JSON.stringify({
		version: 1,
		words: [{ ...wordInput('港城'), savedAt: '2024-05-01T10:00:00.000Z' }]
	});

	it('is read through the migration, its words kept, with no cards and nothing known', () => {
		store.text = v1;
		expect(readStore()).toMatchObject({
			status: 'ok',
			migratedFrom: 1,
			words: [{ word: '港城', savedAt: '2024-05-01T10:00:00.000Z' }],
			known: [],
			settings: { newPerDay: 20, front: 'word' }
		});
		expect(words()[0]!.card).toBeUndefined();
		// Untouched until the learner changes something; then written in this version with nothing lost.
		expect(store.text).toBe(v1);
		expect(setKnown('发展', true)).toEqual({ ok: true });
		expect(JSON.parse(store.text!)).toMatchObject({ version: 2, known: ['发展'], words: [{ word: '港城' }] });
	});

	it('that is itself damaged is reported, not migrated', () => {
		store.text = JSON.stringify({ version: 1, words: [{ word: '港城' }] });
		expect(readStore()).toMatchObject({ status: 'damaged', problem: 'schema' });
	});
});

describe('known words and cards', () => {
	it('marks a word known and unknown; saved words are learning, others new', () => {
		saveWord(wordInput('港城'));
		expect(setKnown('发展', true)).toEqual({ ok: true });
		expect(setKnown('发展', true)).toEqual({ ok: true });
		const state = readStore();
		if (state.status !== 'ok') throw new Error(state.status);
		expect(state.known).toEqual(['发展']);
		const saved = new Set(state.words.map((w) => w.word));
		const known = new Set(state.known);
		expect(['港城', '发展', '产业'].map((w) => statusOf(w, saved, known))).toEqual([
			'learning',
			'known',
			'new'
		]);
		expect(setKnown('发展', false)).toEqual({ ok: true });
		expect(setKnown(' ', true)).toMatchObject({ ok: false, reason: 'invalid' });
	});

	it('stores a card and the study settings, validated when read back', () => {
		saveWord(wordInput('港城'));
		expect(saveCard('港城', card)).toEqual({ ok: true });
		expect(words()[0]!.card).toEqual(card);
		expect(saveStudySettings({ newPerDay: 5, front: 'sentence' })).toEqual({ ok: true });
		expect(readStore()).toMatchObject({ settings: { newPerDay: 5, front: 'sentence' } });
		expect(saveStudySettings({ newPerDay: -1, front: 'word' })).toMatchObject({
			ok: false,
			reason: 'invalid'
		});
		// A card edited out of range in storage makes the store damaged, not silently fixed.
		store.text = store.text!.replace('"stability":3.2', '"stability":-3');
		expect(readStore()).toMatchObject({
			status: 'damaged',
			problem: 'schema',
			detail: expect.stringContaining('words.0.card.stability')
		});
	});

	it('imports a backup: new words with their cards, the later card for words in both, known words joined', () => {
		saveWord(wordInput('港城'));
		setKnown('发展', true);
		const backup = {
			words: [
				{ ...wordInput('港城'), savedAt: '2024-04-01T10:00:00.000Z', card },
				{ ...wordInput('高质量'), savedAt: '2024-04-01T10:00:00.000Z', card }
			],
			known: ['产业', '发展'],
			settings: { newPerDay: 3, front: 'sentence' as const }
		};
		expect(importBackup(backup)).toEqual({ ok: true, added: 1, skipped: 1 });
		const state = readStore();
		if (state.status !== 'ok') throw new Error(state.status);
		expect(state.words.map((w) => [w.word, w.card?.due])).toEqual([
			['港城', card.due],
			['高质量', card.due]
		]);
		expect(state.known).toEqual(['发展', '产业']);
		// The store had words: its own settings stay.
		expect(state.settings.newPerDay).toBe(20);
	});
});

describe('reading a store once', () => {
	/** A new page (or another tab): nothing kept in memory from earlier reads or writes. */
	const newPage = () => delete (globalThis as Record<symbol, unknown>)[Symbol.for(STORAGE_KEY)];

	it('writes exactly the JSON of the store, reusing unchanged words', () => {
		saveWord(wordInput('港城'));
		saveWord(wordInput('高质量'));
		setKnown('发展', true);
		saveCard('港城', card);
		const state = readStore();
		if (state.status !== 'ok') throw new Error(state.status);
		const { words, known, settings } = state;
		expect(store.text).toBe(JSON.stringify({ version: 2, words, known, settings }));
		expect(serializeStore({ version: 2, words, known, settings })).toBe(store.text);
	});

	it('reads a text it wrote on a new page as it was, and validates any other text in full', () => {
		saveWord(wordInput('港城'), new Date('2024-05-01T10:00:00Z'));
		saveCard('港城', card);
		const before = readStore();
		expect(store.written).toMatch(/^2:\d+:[0-9a-z]+$/);
		newPage();
		expect(readStore()).toEqual(before);
		// Changed by hand to the same length, with the fingerprint left as it was: validated, and reported.
		newPage();
		store.text = store.text!.replace('"savedAt":"2024-', '"savedAt":"X024-');
		expect(readStore()).toMatchObject({
			status: 'damaged',
			problem: 'schema',
			detail: expect.stringContaining('words.0.savedAt')
		});
		expect(store.text).toContain('X024-');
	});

	it('forgets the fingerprint when the store is reset', () => {
		saveWord(wordInput('港城'));
		expect(resetStore()).toEqual({ ok: true });
		expect(store.written).toBeNull();
		expect(readStore()).toMatchObject({ status: 'ok', words: [] });
	});
});
