/**
 * Build the context the checks share: the glossary indexed by id and its Chinese and English matchers, built once
 * per glossary rather than once per segment.
 */
import type { GlossaryEntry } from '$lib/content/schema';
import { createChineseMatcher, createEnglishMatcher } from '$lib/glossary/matcher';
import type { QaContext } from './types';

export interface QaOptions {
	/** The year 今年 refers to (2022 for the seed article); see `QaContext.year`. */
	year?: number;
}

export function createQaContext(glossary: readonly GlossaryEntry[], options: QaOptions = {}): QaContext {
	return {
		glossary,
		entries: new Map(glossary.map((e) => [e.id, e])),
		findChineseTerms: createChineseMatcher(glossary),
		findEnglishTerms: createEnglishMatcher(glossary),
		...(options.year === undefined ? {} : { year: options.year })
	};
}
