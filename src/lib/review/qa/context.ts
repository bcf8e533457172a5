/**
 * Build the context the checks share: the glossary indexed by id and its Chinese and English matchers (the
 * renderings to use and the renderings to avoid), built once per glossary rather than once per segment.
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
		// The same whole-word, case-insensitive matching, over each entry's renderings to avoid.
		findAvoidedRenderings: createEnglishMatcher(
			glossary.flatMap(({ id, avoid: [first, ...rest] }) =>
				first === undefined ? [] : [{ id, rendering: { en: first, source: 'avoid' }, alsoRendered: rest }]
			)
		),
		...(options.year === undefined ? {} : { year: options.year })
	};
}
