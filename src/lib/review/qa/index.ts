/**
 * QA checks for translation review: pure functions over segments and the glossary, no I/O.
 *
 * Rules: `figures` (numbers.ts, figures.ts), `terminology`, `empty` and `untranslated-chinese` (untranslated.ts),
 * `punctuation`, `consistency` (article-level). Every warning has a stable `key` (rule, segment id, message id,
 * offending text) so a reviewer's acceptance survives re-runs, an English `message` and the `params` it was built
 * from, so a UI can localise it from `rule` + `code`.
 */
export type { QaRule, QaWarning, QaContext, QaSegment } from './types';
export { QA_RULES, warningKey } from './types';
export { createQaContext, type QaOptions } from './context';
export { checkSegment, checkArticle } from './check';
export { checkFigures, requiredFigures } from './figures';
export { checkTerminology, segmentTerms, type TermHit } from './terminology';
export { checkEmpty, checkUntranslatedChinese } from './untranslated';
export { checkPunctuation, unbalancedMarks } from './punctuation';
export { checkConsistency } from './consistency';
export {
	extractChineseNumbers,
	extractEnglishNumbers,
	parseChineseNumeral,
	formatValue,
	sameValue,
	type NumberMention,
	type NumberKind,
	type NumberForm,
	type Approximation
} from './numbers';
