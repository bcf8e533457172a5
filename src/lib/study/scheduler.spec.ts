import { describe, expect, it } from 'vitest';
import { clockBehind, formatInterval, gradeCard, previewDue } from './scheduler';
import { studyQueue, totalDue } from './queue';
import { DEFAULT_STUDY_SETTINGS, type SavedWord } from '$lib/words/schema';
import { wordInput } from '$lib/words/test-fixtures';
import * as v from 'valibot';
import { CardSchema } from '$lib/words/schema';

const NOW = new Date('2024-05-01T10:00:00Z');
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);
const saved = (word: string, savedAt = '2024-04-01T00:00:00.000Z'): SavedWord => ({
	...wordInput(word),
	savedAt
});
const WORDS = ['港城', '发展', '高质量', '产业', '示范区'];

describe('grading with FSRS', () => {
	it('schedules Again within minutes and Easy in days, and the card stays within the schema', () => {
		const word = saved('港城');
		const again = gradeCard(word, 'again', NOW);
		const easy = gradeCard(word, 'easy', NOW);
		expect(Date.parse(again.due) - NOW.getTime()).toBeLessThanOrEqual(10 * 60_000);
		expect(Date.parse(easy.due) - NOW.getTime()).toBeGreaterThanOrEqual(24 * 3600_000);
		expect(again).toMatchObject({
			reps: 1,
			state: 1,
			lastReview: NOW.toISOString(),
			introduced: NOW.toISOString()
		});
		for (const card of [again, easy, gradeCard(word, 'hard', NOW), gradeCard(word, 'good', NOW)])
			expect(v.safeParse(CardSchema, card).success).toBe(true);
	});

	it('keeps when the card was introduced, and counts a lapse when a review card is forgotten', () => {
		const first = gradeCard(saved('港城'), 'easy', NOW);
		const later = new Date(first.due);
		const forgot = gradeCard({ ...saved('港城'), card: first }, 'again', later);
		expect(forgot).toMatchObject({ introduced: NOW.toISOString(), lapses: 1, state: 3, reps: 2 });
	});

	it('previews each grade’s interval in order, as the buttons show it', () => {
		const due = previewDue(saved('港城'), NOW);
		expect(due.again <= due.hard && due.hard <= due.good && due.good <= due.easy).toBe(true);
		expect(formatInterval(NOW, due.again)).toBe('1m');
		expect(formatInterval(NOW, minutes(0.2))).toBe('<1m');
		expect(formatInterval(NOW, minutes(60 * 5))).toBe('5h');
		expect(formatInterval(NOW, minutes(60 * 24 * 4))).toBe('4d');
		expect(formatInterval(NOW, minutes(60 * 24 * 90))).toBe('3mo');
		expect(formatInterval(NOW, minutes(60 * 24 * 365 * 1.5))).toBe('1.5y');
	});
});

describe('a clock that moved backwards', () => {
	it('is noticed against the last review, with a minute’s tolerance', () => {
		const words = [{ ...saved('港城'), card: gradeCard(saved('港城'), 'good', NOW) }, saved('发展')];
		expect(clockBehind(words, NOW)).toBeUndefined();
		expect(clockBehind(words, minutes(-0.5))).toBeUndefined();
		expect(clockBehind(words, minutes(-60 * 24))).toBe(NOW.toISOString());
		expect(clockBehind([saved('发展')], minutes(-60 * 24))).toBeUndefined();
	});
});

describe('the study queue', () => {
	const settings = { ...DEFAULT_STUDY_SETTINGS, newPerDay: 3 };

	it('offers new cards up to the daily limit, first saved first, and never known words', () => {
		const words = WORDS.map((w, i) => saved(w, `2024-04-0${i + 1}T00:00:00.000Z`));
		const queue = studyQueue(words, new Set(['港城']), settings, NOW);
		expect(queue.counts).toEqual({ new: 3, learning: 0, review: 0 });
		expect(queue.next?.word).toBe('发展');
		expect(totalDue(queue.counts)).toBe(3);
	});

	it('counts down as cards are graded: Again comes back within minutes, Easy leaves for days', () => {
		let words = WORDS.map((w, i) => saved(w, `2024-04-0${i + 1}T00:00:00.000Z`));
		const grade = (word: string, g: 'again' | 'easy', at: Date) =>
			(words = words.map((w) => (w.word === word ? { ...w, card: gradeCard(w, g, at) } : w)));
		grade('港城', 'again', NOW);
		grade('发展', 'easy', NOW);
		let queue = studyQueue(words, new Set(), settings, NOW);
		// Two introduced today of three: one new left; 港城 is learning (due in a minute, within learn-ahead).
		expect(queue.introducedToday).toBe(2);
		expect(queue.counts).toEqual({ new: 1, learning: 1, review: 0 });
		expect(queue.next?.word).toBe('高质量');
		grade('高质量', 'easy', NOW);
		queue = studyQueue(words, new Set(), settings, NOW);
		expect(queue.counts).toEqual({ new: 0, learning: 1, review: 0 });
		expect(queue.next?.word).toBe('港城');
		// Next day: the daily limit starts again, and the Easy cards are not due yet.
		queue = studyQueue(words, new Set(), settings, minutes(60 * 24));
		expect(queue.counts).toEqual({ new: 2, learning: 1, review: 0 });
		expect(queue.next?.word).toBe('港城');
	});

	it('says when the next card is due when nothing is', () => {
		const words = [{ ...saved('港城'), card: gradeCard(saved('港城'), 'easy', NOW) }];
		const queue = studyQueue(words, new Set(), settings, NOW);
		expect(queue.next).toBeUndefined();
		expect(queue.nextDue).toBe(words[0]!.card.due);
	});
});
