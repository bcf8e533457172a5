/** Small helpers for showing saved words. */

/** The sentence cut into runs, with the saved word's occurrences marked (for <mark>). */
export function markWord(sentence: string, word: string): { text: string; mark: boolean }[] {
	if (!word) return [{ text: sentence, mark: false }];
	return sentence
		.split(word)
		.flatMap((text, i) =>
			i
				? [
						{ text: word, mark: true },
						{ text, mark: false }
					]
				: [{ text, mark: false }]
		)
		.filter((run) => run.text);
}

/** A file name with today's date, e.g. saved-words-2024-05-01.csv. */
export function datedFileName(base: string, extension: string, now: Date = new Date()): string {
	return `${base}-${now.toISOString().slice(0, 10)}.${extension}`;
}
