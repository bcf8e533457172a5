/**
 * Run the QA rules: per segment on every save (`checkSegment`), over a whole article on demand (`checkArticle`,
 * which adds the article-level consistency rule).
 */
import type { QaContext, QaSegment, QaWarning } from './types';
import { QA_RULES, uniqueByKey } from './types';
import { checkEmpty, checkUntranslatedChinese } from './untranslated';
import { checkFigures } from './figures';
import { checkTerminology } from './terminology';
import { checkPunctuation } from './punctuation';
import { checkConsistency } from './consistency';

/**
 * All segment-level warnings for one segment. A segment with no English, or English identical to the Chinese,
 * gets only the `empty` warning (none while it is untranslated): there is no translation to check yet.
 */
export function checkSegment(segment: QaSegment, ctx: QaContext): QaWarning[] {
	const empty = checkEmpty(segment);
	if (empty.length || !segment.en.trim()) return empty;
	return uniqueByKey([
		...checkUntranslatedChinese(segment),
		...checkFigures(segment, ctx),
		...checkTerminology(segment, ctx),
		...checkPunctuation(segment)
	]);
}

/** All warnings for an article's segments, in reading order, each segment's warnings in rule order. */
export function checkArticle(segments: readonly QaSegment[], ctx: QaContext): QaWarning[] {
	const bySegment = new Map<string, QaWarning[]>();
	for (const s of segments) bySegment.set(s.id, [...(bySegment.get(s.id) ?? []), ...checkSegment(s, ctx)]);
	for (const w of checkConsistency(segments)) bySegment.get(w.segmentId)?.push(w);
	const rank = (w: QaWarning) => QA_RULES.indexOf(w.rule);
	return [...bySegment.values()].flatMap((ws) => uniqueByKey(ws).sort((a, b) => rank(a) - rank(b)));
}
