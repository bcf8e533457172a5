/**
 * How much of an article the dictionary and glossary cover: the share of Chinese tokens they know, the tokens
 * they do not, and the runs where segmentation fell back to single characters (likely missing names or terms).
 */
import { hasWord } from './lexicon';
import { isChineseToken } from './segment';
import type { Coverage, Dictionary, Token } from './types';

function counted(map: Map<string, number>) {
	return [...map]
		.map(([form, count]) => ({ form, count }))
		.sort((a, b) => b.count - a.count || a.form.localeCompare(b.form, 'zh'));
}

/** Coverage of tokens (one article, or several concatenated) by the dictionary; glossary terms count as known. */
export function measureCoverage(tokens: readonly Token[], dictionary: Dictionary): Coverage {
	let total = 0;
	let known = 0;
	const unknown = new Map<string, number>();
	const runs = new Map<string, number>();
	let inRuns = 0;
	let run: string[] = [];
	let runKnown = 0;
	const endRun = () => {
		if (run.length >= 2) {
			runs.set(run.join(''), (runs.get(run.join('')) ?? 0) + 1);
			inRuns += runKnown;
		}
		run = [];
		runKnown = 0;
	};
	for (const t of tokens) {
		if (!isChineseToken(t)) {
			endRun();
			continue;
		}
		total++;
		const isKnown = t.kind === 'term' || hasWord(dictionary, t.text);
		if (isKnown) known++;
		else unknown.set(t.text, (unknown.get(t.text) ?? 0) + 1);
		if (t.kind !== 'term' && [...t.text].length === 1) {
			run.push(t.text);
			if (isKnown) runKnown++;
		} else endRun();
	}
	endRun();
	return {
		total,
		known,
		share: total ? known / total : 1,
		inRuns,
		strictShare: total ? (known - inRuns) / total : 1,
		unknown: counted(unknown),
		singleCharRuns: counted(runs)
	};
}
