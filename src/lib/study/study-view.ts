/**
 * What the study page shows, as plain data: the store's words in, the next card (front, back, each grade's
 * interval) or why there is none out. No DOM here, so it runs (and is timed, bench/study.ts) in Node;
 * enhance/study.ts writes the result into the page.
 */
import type { SavedWord, StudySettings } from '$lib/words/schema';
import { markWord } from '$lib/words/display';
import { sentenceLink } from '$lib/words/sentence-link';
import { GRADES, type GradeName } from './grades';
import { studyQueue, type DueCounts } from './queue';
import { clockBehind, formatInterval, gradeCard, previewDue } from './scheduler';

export interface CardView {
	word: string;
	pinyin: string;
	meaning: string;
	/** The sentence in runs, the word's occurrences marked. */
	sentence: { text: string; mark: boolean }[];
	translation: string;
	source: { href: string; title: string };
	/** Whether the front shows the sentence (with the word marked) rather than the word alone. */
	sentenceFront: boolean;
	/** Each grade's next interval, as the buttons show it. */
	intervals: Record<GradeName, string>;
}

export type StudyView =
	| { kind: 'card'; counts: DueCounts; card: CardView; word: SavedWord }
	| { kind: 'done'; counts: DueCounts; nextDue?: string }
	| { kind: 'empty' }
	/** The clock is behind the last review: nothing can be graded until it is right. */
	| { kind: 'clock'; lastReview: string };

/** The page for the store's words now. */
export function studyView(
	words: readonly SavedWord[],
	known: ReadonlySet<string>,
	settings: StudySettings,
	now: Date
): StudyView {
	if (!words.length) return { kind: 'empty' };
	const behind = clockBehind(words, now);
	if (behind) return { kind: 'clock', lastReview: behind };
	const queue = studyQueue(words, known, settings, now);
	const word = queue.next;
	if (!word) return { kind: 'done', counts: queue.counts, nextDue: queue.nextDue };
	const due = previewDue(word, now);
	const intervals = Object.fromEntries(GRADES.map((g) => [g, formatInterval(now, due[g])])) as Record<
		GradeName,
		string
	>;
	return {
		kind: 'card',
		counts: queue.counts,
		word,
		card: {
			word: word.word,
			pinyin: word.pinyin,
			meaning: word.meaning,
			sentence: markWord(word.sentenceZh, word.word, word.at),
			translation: word.sentenceEn,
			source: { href: sentenceLink(word.slug, word.segmentId), title: word.articleTitle },
			sentenceFront: settings.front === 'sentence',
			intervals
		}
	};
}

/** The words after grading one of them now (a new array; the graded word gets its new card). */
export function gradeWord(
	words: readonly SavedWord[],
	word: string,
	grade: GradeName,
	now: Date
): SavedWord[] {
	return words.map((w) => (w.word === word ? { ...w, card: gradeCard(w, grade, now) } : w));
}
