/**
 * The shape of a QA warning and the context the checks run in. Pure data: no I/O, no Svelte.
 */
import type { GlossaryEntry, Segment } from '$lib/content/schema';
import type { TermMatch } from '$lib/glossary/matcher';
import type { SegmentStatus } from '$lib/review/status';

export type QaRule =
	'figures' | 'terminology' | 'empty' | 'untranslated-chinese' | 'punctuation' | 'consistency';

/** The rules in the order their warnings are listed for a segment. */
export const QA_RULES: readonly QaRule[] = [
	'empty',
	'untranslated-chinese',
	'figures',
	'terminology',
	'punctuation',
	'consistency'
];

/**
 * What a check reads of a segment: its text, and its status where the caller knows it (the workspace does; a
 * save gives the segment a review status, so a check on save has none to pass).
 */
export type QaSegment = Pick<Segment, 'id' | 'zh' | 'en'> & { status?: SegmentStatus };

export interface QaWarning {
	/**
	 * Stable identity for storing a reviewer's acceptance: `rule:segmentId:code:text`. The same problem found
	 * again on a later run has the same key; a changed offending text gets a new key.
	 */
	key: string;
	rule: QaRule;
	/** Message id within the rule (e.g. `missing`, `extra`), for a UI that localises `message` from `params`. */
	code: string;
	segmentId: string;
	/** The offending text: the Chinese figure or term that is missing, the English text that is wrong. */
	text: string;
	/** English, specific, ready to show. */
	message: string;
	/** The values interpolated into `message`, so a UI can localise it from `rule` + `code`. */
	params?: Record<string, string | number>;
	/** Where `text` stands, in UTF-16 offsets (`String.prototype.slice`), end exclusive, when it stands in one place. */
	range?: { side: 'zh' | 'en'; start: number; end: number };
}

export interface QaContext {
	readonly glossary: readonly GlossaryEntry[];
	readonly entries: ReadonlyMap<string, GlossaryEntry>;
	/** Glossary terms in Chinese text (offsets in code points, as the matcher returns them). */
	readonly findChineseTerms: (text: string) => TermMatch[];
	/** Renderings of the given glossary entries in English text (offsets in code points). */
	readonly findEnglishTerms: (text: string, ids: Iterable<string>) => TermMatch[];
	/** Renderings the given entries list to avoid, in English text (offsets in code points). */
	readonly findAvoidedRenderings: (text: string, ids: Iterable<string>) => TermMatch[];
	/**
	 * The year "今年" refers to in the articles checked (2022 for the seed article). When set, an English year is
	 * accepted for 今年/年初/年底… only if it is that year (去年 year − 1, 明年 year + 1); unset, any year is.
	 */
	readonly year?: number;
}

/** The stable key of a warning: rule, segment id, message id and offending text. */
export function warningKey(rule: QaRule, segmentId: string, code: string, text: string): string {
	return `${rule}:${segmentId}:${code}:${text}`;
}

export function makeWarning(w: Omit<QaWarning, 'key'>): QaWarning {
	return { key: warningKey(w.rule, w.segmentId, w.code, w.text), ...w };
}

/** Keep the first warning of each key (the same problem found twice in one segment is one warning). */
export function uniqueByKey(warnings: QaWarning[]): QaWarning[] {
	const seen = new Set<string>();
	return warnings.filter((w) => (seen.has(w.key) ? false : (seen.add(w.key), true)));
}
