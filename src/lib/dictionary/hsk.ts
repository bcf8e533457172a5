/**
 * HSK 2.0 word lists, levels 1–6, as chinese-lexicon ships them in statistics/hsk.js: a script whose first
 * statement is `let hsk = [[level 1 words], …, [level 6 words]];`. Only that array literal is read (no code runs).
 */
import type { HskLevel } from './types';

/** Cut the array literal that follows `let hsk =` out of the script, matching brackets outside strings. */
function arrayLiteral(source: string): string {
	const at = source.search(/\bhsk\s*=\s*\[/);
	if (at < 0) throw new Error('hsk.js: no `hsk = [` array found');
	const open = source.indexOf('[', at);
	let depth = 0;
	let quote: string | null = null;
	for (let i = open; i < source.length; i++) {
		const ch = source[i]!;
		if (quote) {
			if (ch === '\\') i++;
			else if (ch === quote) quote = null;
		} else if (ch === '"' || ch === "'") quote = ch;
		else if (ch === '[') depth++;
		else if (ch === ']' && --depth === 0) return source.slice(open, i + 1);
	}
	throw new Error('hsk.js: the `hsk` array is not closed');
}

/** The six word lists, level 1 first, exactly as listed. */
export function parseHskLists(source: string): string[][] {
	const literal = arrayLiteral(source)
		.replace(/'((?:[^'\\]|\\.)*)'/g, (_, s: string) => JSON.stringify(s))
		.replace(/,(\s*\])/g, '$1');
	const lists: unknown = JSON.parse(literal);
	if (
		!Array.isArray(lists) ||
		lists.length !== 6 ||
		!lists.every((l) => Array.isArray(l) && l.every((w) => typeof w === 'string'))
	)
		throw new Error('hsk.js: expected six lists of words');
	return lists as string[][];
}

/**
 * Word → HSK 2.0 level. A few words are listed at two levels for two readings (还 hái 2 / huán 3, 得 de 2 / děi 4,
 * 喂 1 / 6 …); the lower level is kept, since that is when a learner first meets the word.
 */
export function hskLevels(lists: readonly (readonly string[])[]): Map<string, HskLevel> {
	const levels = new Map<string, HskLevel>();
	lists.forEach((words, i) => {
		for (const w of words) if (!levels.has(w.trim())) levels.set(w.trim(), (i + 1) as HskLevel);
	});
	return levels;
}
