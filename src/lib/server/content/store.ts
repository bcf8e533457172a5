/**
 * The article store: one interface over every article the reader can show. Curated articles come from the
 * validated files in content/; they are annotated (pinyin, term marks) once and kept, since they never change
 * while the server runs.
 */
import { createAnnotator, allSegments, type AnnotatedArticle } from '$lib/content/annotate';
import type { GlossaryEntry } from '$lib/content/schema';
import { applyPinyinOverrides, setPinyinEngine } from '$lib/pinyin/annotate';
import { addGlossaryWords, loadPinyinEngine } from '$lib/server/pinyin';
import { curatedArticles, curatedGlossary, pinyinOverrides } from './files';

/** What the library page lists for each article. */
export interface ArticleSummary {
	slug: string;
	title: AnnotatedArticle['title'];
	subtitle?: AnnotatedArticle['subtitle'];
	byline?: AnnotatedArticle['byline'];
	date: AnnotatedArticle['date'];
	segmentCount: number;
	characterCount: number;
}

/** Where a glossary term occurs: article, segment, and the segment's text. */
export interface TermOccurrence {
	slug: string;
	articleTitle: string;
	segmentId: string;
	/** The element id of the block holding the segment, for links into the reader. */
	anchor: string;
	zh: string;
	en: string;
}

interface Loaded {
	glossary: GlossaryEntry[];
	glossaryById: Map<string, GlossaryEntry>;
	articles: Map<string, AnnotatedArticle>;
}

let loaded: Loaded | undefined;

function load(): Loaded {
	if (loaded) return loaded;
	const overrides = pinyinOverrides();
	const glossary = curatedGlossary();
	applyPinyinOverrides(overrides);
	addGlossaryWords(glossary);
	setPinyinEngine(loadPinyinEngine(overrides));
	const annotate = createAnnotator(glossary);
	const articles = new Map(curatedArticles().map((a) => [a.slug, annotate(a)]));
	loaded = { glossary, glossaryById: new Map(glossary.map((e) => [e.id, e])), articles };
	return loaded;
}

const HAN = /\p{Script=Han}/gu;

/** Every article, in library order. */
export function listArticles(): ArticleSummary[] {
	return [...load().articles.values()].map((a) => {
		const segments = allSegments(a);
		return {
			slug: a.slug,
			title: a.title,
			subtitle: a.subtitle,
			byline: a.byline,
			date: a.date,
			segmentCount: segments.length,
			characterCount: segments.reduce((n, s) => n + (s.zh.match(HAN)?.length ?? 0), 0)
		};
	});
}

/** One article with its annotations, or undefined. */
export function getArticle(slug: string): AnnotatedArticle | undefined {
	return load().articles.get(slug);
}

/** The shared glossary, in file order. */
export function getGlossary(): GlossaryEntry[] {
	return load().glossary;
}

/** One glossary entry, or undefined. */
export function getGlossaryEntry(id: string): GlossaryEntry | undefined {
	return load().glossaryById.get(id);
}

/** The glossary entries an article uses, in order of first appearance. */
export function glossaryFor(article: AnnotatedArticle): GlossaryEntry[] {
	const ids = new Set(allSegments(article).flatMap((s) => s.terms));
	return [...ids].flatMap((id) => load().glossaryById.get(id) ?? []);
}

/** Every segment of every article where a glossary term occurs. */
export function termOccurrences(id: string): TermOccurrence[] {
	return [...load().articles.values()].flatMap((a) =>
		[
			{ anchor: 'article-title', segments: [a.title, ...(a.subtitle ? [a.subtitle] : [])] },
			...a.blocks.map((b) => ({ anchor: b.id, segments: b.type === 'gap' ? [] : b.segments }))
		].flatMap(({ anchor, segments }) =>
			segments
				.filter((s) => s.terms.includes(id))
				.map((s) => ({ slug: a.slug, articleTitle: a.title.en, segmentId: s.id, anchor, zh: s.zh, en: s.en }))
		)
	);
}

/** How many segments each glossary term occurs in, across all articles. */
export function occurrenceCounts(): Map<string, number> {
	const counts = new Map<string, number>();
	for (const a of load().articles.values())
		for (const s of allSegments(a)) for (const id of s.terms) counts.set(id, (counts.get(id) ?? 0) + 1);
	return counts;
}
