/**
 * The annotated model: an article with pinyin on every Chinese character and glossary terms marked on both
 * sides. This is what the reader renders and what export.json serves.
 */
import type { Article, Bilingual, Block, GlossaryEntry, Note, Segment } from './schema';
import { annotatePinyin, type RubyChar } from '$lib/pinyin/annotate';
import { createChineseMatcher, createEnglishMatcher, type TermMatch } from '$lib/glossary/matcher';
import type { BlockOf } from './walk';

/** A run of Chinese: characters with readings, part of glossary term `term` or of none. */
export interface ZhRun {
	term: string | null;
	chars: RubyChar[];
}

/** A run of English, part of the rendering of glossary term `term` or of none. */
export interface EnRun {
	term: string | null;
	text: string;
}

export interface AnnotatedSegment extends Segment {
	zhRuns: ZhRun[];
	enRuns: EnRun[];
	/** Glossary ids found in the Chinese, in order of first appearance. */
	terms: string[];
}

export type AnnotatedBlock = BlockOf<AnnotatedSegment>;

export interface AnnotatedArticle extends Omit<Article, 'title' | 'subtitle' | 'byline' | 'blocks'> {
	title: AnnotatedSegment;
	subtitle?: AnnotatedSegment;
	byline?: AnnotatedSegment;
	blocks: AnnotatedBlock[];
}

function splitRuns<T>(length: number, matches: TermMatch[], slice: (s: number, e: number) => T) {
	const runs: { term: string | null; value: T }[] = [];
	let at = 0;
	for (const m of matches) {
		if (m.start > at) runs.push({ term: null, value: slice(at, m.start) });
		runs.push({ term: m.id, value: slice(m.start, m.end) });
		at = m.end;
	}
	if (at < length) runs.push({ term: null, value: slice(at, length) });
	return runs;
}

/**
 * Build an annotator bound to one glossary (and a source of pinyin: the process's engine unless given); it is pure
 * and can be reused for every article.
 */
export function createAnnotator(
	glossary: readonly GlossaryEntry[],
	pinyinOf: (text: string) => RubyChar[] = annotatePinyin
) {
	const findZh = createChineseMatcher(glossary);
	const findEn = createEnglishMatcher(glossary);

	function segment(s: Segment): AnnotatedSegment {
		const chars = pinyinOf(s.zh);
		const zhMatches = findZh(s.zh);
		const terms = [...new Set(zhMatches.map((m) => m.id))];
		const enChars = [...s.en];
		return {
			...s,
			zhRuns: splitRuns(chars.length, zhMatches, (a, b) => chars.slice(a, b)).map((r) => ({
				term: r.term,
				chars: r.value
			})),
			enRuns: splitRuns(enChars.length, findEn(s.en, terms), (a, b) => enChars.slice(a, b).join('')).map(
				(r) => ({ term: r.term, text: r.value })
			),
			terms
		};
	}

	function block(b: Block): AnnotatedBlock {
		if (b.type === 'gap') return b;
		if (b.type === 'caption') {
			const { credit, ...rest } = b;
			return { ...rest, segments: b.segments.map(segment), ...(credit ? { credit: segment(credit) } : {}) };
		}
		return { ...b, segments: b.segments.map(segment) };
	}

	function annotate(article: Article): AnnotatedArticle {
		return {
			...article,
			title: segment(article.title),
			subtitle: article.subtitle && segment(article.subtitle),
			byline: article.byline && segment(article.byline),
			blocks: article.blocks.map(block)
		};
	}
	/** Annotate one segment (e.g. a reviewed English replacing the content file's). */
	annotate.segment = segment;
	return annotate;
}

export type { Bilingual, Note };
