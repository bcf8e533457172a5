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
	saveWord,
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
		expect(raw.version).toBe(1);
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

	it('written by another version is not taken for damage of this one, nor overwritten', () => {
		expect(parseStore(JSON.stringify({ version: 2, entries: [] }))).toMatchObject({
			status: 'damaged',
			problem: 'version',
			detail: 'format version 2'
		});
	});

	it('goes only when the learner resets it', () => {
		store.text = 'not json';
		expect(resetStore()).toEqual({ ok: true });
		expect(readStore()).toEqual({ status: 'ok', words: [] });
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
