/** Small helpers for showing saved words. */

/**
 * The sentence cut into runs, with the saved word marked (for <mark>): the occurrence at `at` (where it was
 * tapped) when the sentence has the word there, otherwise every occurrence.
 */
export function markWord(sentence: string, word: string, at?: number): { text: string; mark: boolean }[] {
	if (!word) return [{ text: sentence, mark: false }];
	if (at !== undefined && sentence.startsWith(word, at))
		return [
			{ text: sentence.slice(0, at), mark: false },
			{ text: word, mark: true },
			{ text: sentence.slice(at + word.length), mark: false }
		].filter((run) => run.text);
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
