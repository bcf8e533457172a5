/**
 * The study queue: which card is next and how many wait. Pure and free of ts-fsrs, so the small header script
 * can count due cards on every page.
 */
import type { SavedWord, StudySettings } from '$lib/words/schema';

/** ts-fsrs's card states, as stored. */
const NEW = 0;
const LEARNING = 1;
const RELEARNING = 3;

/** Learning cards due within this long are shown when nothing else is due (as Anki's "learn ahead"). */
export const LEARN_AHEAD_MS = 20 * 60_000;

/** The local calendar day of a time, as YYYY-MM-DD (new cards per day count by the learner's day). */
export function localDay(time: Date): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${time.getFullYear()}-${pad(time.getMonth() + 1)}-${pad(time.getDate())}`;
}

/** How many cards wait, as Anki counts them. */
export interface DueCounts {
	/** New cards still to introduce today (within the daily limit). */
	new: number;
	/** Cards in (re)learning due now or within the learn-ahead window. */
	learning: number;
	/** Review cards due now. */
	review: number;
}

export interface StudyQueue {
	counts: DueCounts;
	/** The card to show now, if any. */
	next?: SavedWord;
	/** When the next card falls due, when none is due now. */
	nextDue?: string;
	/** New cards already introduced today. */
	introducedToday: number;
}

/**
 * What to study now: learning cards due, then reviews due (earliest first), then new cards (first saved first, up
 * to the day's limit), then learning cards due within 20 minutes. Known words are not studied.
 */
export function studyQueue(
	words: readonly SavedWord[],
	known: ReadonlySet<string>,
	settings: StudySettings,
	now: Date
): StudyQueue {
	const t = now.getTime();
	const today = localDay(now);
	const learningNow: SavedWord[] = [];
	const learningSoon: SavedWord[] = [];
	const reviews: SavedWord[] = [];
	const fresh: SavedWord[] = [];
	let introducedToday = 0;
	let nextDue: string | undefined;
	for (const w of words) {
		if (w.card && localDay(new Date(w.card.introduced)) === today) introducedToday++;
		if (known.has(w.word)) continue;
		const card = w.card;
		if (!card || card.state === NEW) {
			fresh.push(w);
			continue;
		}
		const due = Date.parse(card.due);
		const learning = card.state === LEARNING || card.state === RELEARNING;
		if (due <= t) (learning ? learningNow : reviews).push(w);
		else if (learning && due <= t + LEARN_AHEAD_MS) learningSoon.push(w);
		else if (!nextDue || card.due < nextDue) nextDue = card.due;
	}
	const byDue = (a: SavedWord, b: SavedWord) =>
		a.card!.due < b.card!.due ? -1 : a.card!.due > b.card!.due ? 1 : 0;
	learningNow.sort(byDue);
	reviews.sort(byDue);
	learningSoon.sort(byDue);
	fresh.sort((a, b) => (a.savedAt < b.savedAt ? -1 : a.savedAt > b.savedAt ? 1 : 0));
	const newLeft = Math.max(0, Math.min(fresh.length, settings.newPerDay - introducedToday));
	const next = learningNow[0] ?? reviews[0] ?? (newLeft ? fresh[0] : undefined) ?? learningSoon[0];
	if (learningSoon[0] && (!nextDue || learningSoon[0].card!.due < nextDue))
		nextDue = learningSoon[0].card!.due;
	return {
		counts: { new: newLeft, learning: learningNow.length + learningSoon.length, review: reviews.length },
		next,
		nextDue: next ? undefined : nextDue,
		introducedToday
	};
}

/** Cards waiting now, for the header: new within today's limit, learning and reviews. */
export const totalDue = (c: DueCounts) => c.new + c.learning + c.review;
