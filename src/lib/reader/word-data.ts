/**
 * What the reader knows about an article's words. The page's markup has one element per word; the browser
 * fetches the rest once, on first interaction: each segment's word keys in element order and the dictionary
 * entries those keys need (the per-article extract, never the whole dictionary) from words.json, and the
 * glossary entries of the terms from glossary.json. Browser-safe types and a pure builder.
 */
import type { AnnotatedArticle } from '$lib/content/annotate';
import type { ArticleDictionary, Token } from '$lib/dictionary/types';
import type { PopoverEntry } from '$lib/glossary/popover';
import { segmentWordKeys } from './markup';
import { articleSegments } from '$lib/content/walk';

/** /articles/<slug>/words.json */
export interface ArticleWords {
	/** Segment id → the extract key of each word element in the segment, in document order. */
	words: Record<string, string[]>;
	/** Dictionary entries by key (words, their characters, parts of terms and numbers). */
	entries: ArticleDictionary;
}

/** What the popover works from: the words, and the glossary entries of the article's terms by their links' href. */
export interface PopoverData extends ArticleWords {
	terms: Record<string, PopoverEntry>;
}

/**
 * How much of each reading the reader's extract keeps: three senses for a word (the popover links to the full
 * entry at /dictionary), two for a character in a breakdown. Keeps an article's payload under 50 KB gzipped.
 */
export const READER_EXTRACT_LIMITS = { senses: 3, breakdownSenses: 2 } as const;

/** What the server needs to render an article's words: tokens per segment and HSK levels by key. */
export interface WordMarkupData {
	tokens: Record<string, Token[]>;
	hsk: Record<string, number>;
	/** Chinese texts in the reader's script, by their Simplified text (only when the script is not Simplified). */
	converted?: Record<string, string>;
	/** Where the text's term links go, by entry id ($lib/glossary/term-links). */
	termHrefs: Record<string, string>;
}

/** The words payload of an article. */
export function articleWords(
	article: AnnotatedArticle,
	tokens: Record<string, Token[]>,
	entries: ArticleDictionary
): ArticleWords {
	return {
		words: Object.fromEntries(
			articleSegments(article).map((s) => [s.id, segmentWordKeys(s.zhRuns, tokens[s.id])])
		),
		entries
	};
}

/** HSK levels by extract key. */
export function hskByKey(entries: ArticleDictionary): Record<string, number> {
	const out: Record<string, number> = {};
	for (const [key, e] of Object.entries(entries)) if (e.hsk) out[key] = e.hsk;
	return out;
}
