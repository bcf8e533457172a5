/**
 * How hard a text is, for choosing what to read: its words with how often each occurs (the browser works out the
 * share the learner knows from these), and its HSK profile — the share of its word tokens on each HSK 2.0 level
 * and beyond the lists. Counted over the reader's own words (one per <ruby> or term link, the keys of words.json),
 * so "a word" means the same here as in the popover. Pure; the server computes it once per text.
 */
import type { AnnotatedArticle } from '$lib/content/annotate';
import type { Token } from '$lib/dictionary/types';
import { articleSegments } from '$lib/content/walk';
import { segmentWordKeys } from '$lib/reader/markup';
import { hanChars, hasHan } from '$lib/chinese';

/** HSK levels 1–6, then words on no list (proper names, policy terms, rarer words). */
export const HSK_BANDS = ['1', '2', '3', '4', '5', '6', 'beyond'] as const;
export type HskBand = (typeof HSK_BANDS)[number];

export interface TextProfile {
	/** Han characters in the text. */
	characters: number;
	/** Its sentences (segments). */
	sentences: number;
	/** Chinese word tokens counted. */
	tokens: number;
	/** Tokens per HSK band. */
	hsk: Record<HskBand, number>;
	/** Each distinct word and how many tokens it is: what the known share is computed from. */
	words: Record<string, number>;
}

/** The profile of an annotated text from its tokens and the HSK level of each word key. */
export function textProfile(
	article: AnnotatedArticle,
	tokens: Readonly<Record<string, readonly Token[]>>,
	hsk: Readonly<Record<string, number>>
): TextProfile {
	const profile: TextProfile = {
		characters: 0,
		sentences: 0,
		tokens: 0,
		hsk: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0, beyond: 0 },
		words: {}
	};
	for (const segment of articleSegments(article)) {
		profile.sentences++;
		profile.characters += hanChars(segment.zh).length;
		for (const key of segmentWordKeys(segment.zhRuns, tokens[segment.id])) {
			if (!hasHan(key)) continue;
			profile.tokens++;
			profile.words[key] = (profile.words[key] ?? 0) + 1;
			const level = hsk[key];
			profile.hsk[level && level >= 1 && level <= 6 ? (String(level) as HskBand) : 'beyond']++;
		}
	}
	return profile;
}

/** Each band's share of the tokens, in whole percent (0 for an empty text). */
export function hskShares(profile: Pick<TextProfile, 'tokens' | 'hsk'>): Record<HskBand, number> {
	const out = {} as Record<HskBand, number>;
	for (const band of HSK_BANDS)
		out[band] = profile.tokens ? Math.round((profile.hsk[band] / profile.tokens) * 100) : 0;
	return out;
}
