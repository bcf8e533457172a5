import { describe, expect, it } from 'vitest';
import { BACKUP_FORMAT, parseBackup, toBackup } from './backup';
import { DEFAULT_STUDY_SETTINGS, type SavedWord } from './schema';
import { wordInput } from './test-fixtures';

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
const words: SavedWord[] = [
	{ ...wordInput('港城'), savedAt: '2024-05-01T10:00:00.000Z', card },
	{ ...wordInput('发展'), savedAt: '2024-05-01T11:00:00.000Z' }
];
const store = { words, known: ['高质量'], settings: { ...DEFAULT_STUDY_SETTINGS, newPerDay: 7 } };

describe('the backup file', () => {
	it('carries words, cards, known words and settings, and reads back exactly', () => {
		const text = toBackup(store, new Date('2024-06-01T00:00:00Z'));
		expect(JSON.parse(text)).toMatchObject({
			format: BACKUP_FORMAT,
			version: 2,
			exportedAt: '2024-06-01T00:00:00.000Z'
		});
		expect(parseBackup(text)).toEqual({ ok: true, store });
	});

	it('reads a version 1 store (words only) through the migration', () => {
		const v1 = {
			format: BACKUP_FORMAT,
			version: 1,
			words: [{ ...wordInput('港城'), savedAt: card.introduced }]
		};
		expect(parseBackup(JSON.stringify(v1))).toMatchObject({
			ok: true,
			store: { words: [{ word: '港城' }], known: [], settings: DEFAULT_STUDY_SETTINGS }
		});
	});

	it('refuses scheduling out of range, naming the word and the field, whole', () => {
		const bad = (change: Record<string, unknown>) =>
			parseBackup(toBackup({ ...store, words: [words[1]!, { ...words[0]!, card: { ...card, ...change } }] }));
		for (const [change, field] of [
			[{ stability: -3 }, 'stability'],
			[{ stability: 1e9 }, 'stability'],
			[{ difficulty: 12 }, 'difficulty'],
			[{ state: 7 }, 'state'],
			[{ reps: 1.5 }, 'reps'],
			[{ due: 'next week' }, 'due'],
			[{ lapses: 5 }, 'lapses cannot exceed reps'],
			[{ lastReview: undefined }, 'last review']
		] as const)
			expect(bad(change)).toEqual({
				ok: false,
				problem: 'schema',
				detail: expect.stringMatching(new RegExp(`^港城: words\\.1\\.card.*${field}`))
			});
	});

	it('refuses what is not a backup, or comes from a newer version', () => {
		expect(parseBackup('{oops')).toMatchObject({ ok: false, problem: 'json' });
		expect(parseBackup('{"version":2,"words":[]}')).toMatchObject({ ok: false, problem: 'notBackup' });
		expect(parseBackup(JSON.stringify({ format: BACKUP_FORMAT, version: 9 }))).toEqual({
			ok: false,
			problem: 'version',
			detail: 'format version 9'
		});
	});
});
