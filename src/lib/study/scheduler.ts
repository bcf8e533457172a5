/**
 * Flashcard scheduling: the FSRS algorithm of ts-fsrs (its default parameters: 90 % retention, learning steps of
 * 1 and 10 minutes, relearning 10 minutes), converted to and from the stored card (words/schema.ts). Pure: `now`
 * is always passed in. Only the study page's script bundles this (queue.ts, which the header uses, does not).
 */
import { Rating, State, createEmptyCard, fsrs, type Card as FsrsCard, type Grade } from 'ts-fsrs';
import type { Card, SavedWord } from '$lib/words/schema';
import type { GradeName } from './grades';

const scheduler = fsrs();

const RATING: Record<GradeName, Grade> = {
	again: Rating.Again,
	hard: Rating.Hard,
	good: Rating.Good,
	easy: Rating.Easy
};

/** A clock this far behind the last review means it moved backwards (a minute allows for small corrections). */
const CLOCK_TOLERANCE_MS = 60_000;

function toFsrs(card: Card | undefined, now: Date): FsrsCard {
	if (!card) return createEmptyCard(now);
	return {
		due: new Date(card.due),
		stability: card.stability,
		difficulty: card.difficulty,
		elapsed_days: 0,
		scheduled_days: card.scheduledDays,
		learning_steps: card.learningSteps,
		reps: card.reps,
		lapses: card.lapses,
		state: card.state as State,
		last_review: card.lastReview ? new Date(card.lastReview) : undefined
	};
}

function fromFsrs(card: FsrsCard, introduced: string): Card {
	return {
		due: card.due.toISOString(),
		stability: card.stability,
		difficulty: card.difficulty,
		scheduledDays: card.scheduled_days,
		learningSteps: card.learning_steps,
		reps: card.reps,
		lapses: card.lapses,
		state: card.state,
		lastReview: card.last_review?.toISOString(),
		introduced
	};
}

/** The latest review in the store, if any. */
export function lastReviewOf(words: readonly SavedWord[]): string | undefined {
	let latest: string | undefined;
	for (const w of words)
		if (w.card?.lastReview && (!latest || w.card.lastReview > latest)) latest = w.card.lastReview;
	return latest;
}

/** Whether `now` is before the last review: the clock moved backwards, and grading would corrupt intervals. */
export function clockBehind(words: readonly SavedWord[], now: Date): string | undefined {
	const latest = lastReviewOf(words);
	return latest && now.getTime() < Date.parse(latest) - CLOCK_TOLERANCE_MS ? latest : undefined;
}

/** The card after grading `word` now. */
export function gradeCard(word: SavedWord, grade: GradeName, now: Date): Card {
	const next = scheduler.next(toFsrs(word.card, now), now, RATING[grade]);
	return fromFsrs(next.card, word.card?.introduced ?? now.toISOString());
}

/** When each grade would bring the card back (shown on the buttons). */
export function previewDue(word: SavedWord, now: Date): Record<GradeName, Date> {
	const preview = scheduler.repeat(toFsrs(word.card, now), now);
	return {
		again: preview[Rating.Again].card.due,
		hard: preview[Rating.Hard].card.due,
		good: preview[Rating.Good].card.due,
		easy: preview[Rating.Easy].card.due
	};
}

/** An interval as the buttons show it: "<1m", "10m", "3h", "4d", "2mo", "1.5y". */
export function formatInterval(from: Date, to: Date): string {
	const minutes = Math.max(0, (to.getTime() - from.getTime()) / 60_000);
	if (minutes < 1) return '<1m';
	if (minutes < 60) return `${Math.round(minutes)}m`;
	const hours = minutes / 60;
	if (hours < 24) return `${Math.round(hours)}h`;
	const days = hours / 24;
	if (days < 30) return `${Math.round(days)}d`;
	if (days < 365) return `${Math.round(days / 30)}mo`;
	return `${Math.round((days / 365) * 10) / 10}y`;
}
