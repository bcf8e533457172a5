/** The known share of a text, in the browser (the site script) and in the bench. Pure, no imports. */

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
