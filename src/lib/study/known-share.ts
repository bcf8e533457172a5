/** The known share of a text, in the browser (the site script) and in the bench. Pure. */
import { hasHan } from '../chinese/text';

/**
 * The share of a text's word tokens the learner knows (0–1): known words weighted by how often they occur. One
 * pass over the text's distinct words with a Set lookup each, so a store of any size costs the same.
 */
export function knownShare(words: Readonly<Record<string, number>>, known: ReadonlySet<string>): number {
	let total = 0;
	let hit = 0;
	for (const key in words) {
		const n = words[key]!;
		total += n;
		if (known.has(key)) hit += n;
	}
	return total ? hit / total : 0;
}

/**
 * A text's words with how often each occurs, from the word keys of its sentences in element order (words.json's
 * `words`, as a /read text's word data gives them): the same count as the server's profile (`textProfile`), which
 * counts the same keys and, like this, only those holding a Chinese character.
 */
export function wordCounts(sentences: Iterable<readonly string[]>): Record<string, number> {
	const out: Record<string, number> = {};
	for (const keys of sentences) for (const key of keys) if (hasHan(key)) out[key] = (out[key] ?? 0) + 1;
	return out;
}
