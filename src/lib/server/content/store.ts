/**
 * The article store: one interface over every article the reader can show, whatever its source (source.ts).
 * Articles from every source are annotated (pinyin, term marks) by the same pipeline; an article object is
 * annotated once and kept, so the curated articles, which never change while the server runs, cost nothing after
 * the first request. The first source that holds a slug wins. Routes get articles here (`requireArticle` on a
 * miss) and never from a source directly.
 */
import { error } from '@sveltejs/kit';
import { createAnnotator, type AnnotatedArticle } from '$lib/content/annotate';
import type { Article, GlossaryEntry } from '$lib/content/schema';
import { articleSegments, walkSegments } from '$lib/content/walk';
import { hanChars } from '$lib/chinese';
import { curatedGlossary, pinyinOverrides } from './files';
import { curatedSource, type ArticleSource } from './source';
import { addGlossaryWords, installPinyinEngine, loadPinyinEngine } from '$lib/server/pinyin';
import { pinyinReader, type RubyChar } from '$lib/pinyin/annotate';
import type { NumberedOverride, PinyinEngine } from '$lib/pinyin/engine';
import { databaseSource } from '$lib/server/articles/source';
import { termLinks, type TermLinks } from '$lib/glossary/term-links';
import { popoverEntry, type PopoverEntry } from '$lib/glossary/popover';

/** What the library page lists for each article. */
export interface ArticleSummary {
	slug: string;
	title: AnnotatedArticle['title'];
	subtitle?: AnnotatedArticle['subtitle'];
	byline?: AnnotatedArticle['byline'];
	date: AnnotatedArticle['date'];
	segmentCount: number;
	characterCount: number;
	/** False for an article only signed-in accounts see (not yet published). */
	published: boolean;
	/** Segment ids, for counting how many have English (`translatedShare`). */
	segmentIds: string[];
	/** Segments whose own English (before review) is not empty. */
	withEnglish: string[];
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

/** Articles from several sources, annotated, as one collection. */
export interface ArticleStore {
	/** Every article, sources in order, each in its source's order; a slug held twice is listed once. */
	all(): Promise<AnnotatedArticle[]>;
	/** One article with its annotations, or undefined. */
	get(slug: string): Promise<AnnotatedArticle | undefined>;
	/** Whether the public may see an article (undefined when no source holds it). */
	isPublished(slug: string): Promise<boolean | undefined>;
}

/**
 * A store over `sources`, annotating with `annotate` (each article object once); `bySource` gives a source its
 * own annotator by name (the database's articles read with the editors' pinyin corrections).
 */
export function createArticleStore(
	sources: readonly ArticleSource[],
	annotate: (article: Article) => AnnotatedArticle,
	bySource: Readonly<Record<string, (article: Article) => AnnotatedArticle>> = {}
): ArticleStore {
	const annotated = new WeakMap<Article, AnnotatedArticle>();
	const annotateOnce = (article: Article, source: ArticleSource) => {
		let hit = annotated.get(article);
		if (!hit) annotated.set(article, (hit = (bySource[source.name] ?? annotate)(article)));
		return hit;
	};
	return {
		async all() {
			const seen = new Set<string>();
			const out: AnnotatedArticle[] = [];
			for (const source of sources)
				for (const article of await source.list())
					if (!seen.has(article.slug)) {
						seen.add(article.slug);
						out.push(annotateOnce(article, source));
					}
			return out;
		},
		async get(slug) {
			for (const source of sources) {
				const article = await source.get(slug);
				if (article) return annotateOnce(article, source);
			}
			return undefined;
		},
		async isPublished(slug) {
			for (const source of sources) {
				if (!(await source.get(slug))) continue;
				return source.isPublished ? ((await source.isPublished(slug)) ?? false) : true;
			}
			return undefined;
		}
	};
}

interface Loaded {
	curated: GlossaryEntry[];
	glossary: GlossaryEntry[];
	glossaryById: Map<string, GlossaryEntry>;
	/** The addresses of term links in the reader's text, in the glossary's order. */
	termLinks: TermLinks;
	store: ArticleStore;
	/**
	 * Bumped whenever the glossary or the editors' pinyin corrections change (setGlossaryEdits,
	 * setPinyinCorrections); caches built from them compare it.
	 */
	revision: number;
	/** The engine for imported text (the database's articles, /read, the import preview): corrections first. */
	importedEngine: PinyinEngine;
	/** Its readings in tone marks, as the annotator takes them. */
	importedPinyin: (text: string) => RubyChar[];
}

let loaded: Loaded | undefined;
/** Entries made in the app (the database's glossary_entries), after the curated ones. */
let edits: readonly GlossaryEntry[] = [];
/** Editors' pinyin corrections for imported text (the database's pinyin_corrections), numbered. */
let corrections: readonly NumberedOverride[] = [];

/** The glossary (curated, then the app's entries) and everything annotated with it. */
function build(curated: GlossaryEntry[], revision: number): Loaded {
	const glossary = [...curated, ...edits];
	// The segmenter keeps new terms whole, as it does curated ones (a deleted term stays a word: harmless).
	addGlossaryWords(edits);
	const importedEngine = loadPinyinEngine(pinyinOverrides(), corrections);
	const importedPinyin = pinyinReader(importedEngine);
	const database = databaseSource();
	const store = createArticleStore([curatedSource, database], createAnnotator(glossary), {
		[database.name]: createAnnotator(glossary, importedPinyin)
	});
	return {
		curated,
		glossary,
		glossaryById: new Map(glossary.map((e) => [e.id, e])),
		termLinks: termLinks(glossary.map((e) => e.id)),
		store,
		revision,
		importedEngine,
		importedPinyin
	};
}

function load(): Loaded {
	if (loaded) return loaded;
	const overrides = pinyinOverrides();
	const curated = curatedGlossary();
	installPinyinEngine(overrides, curated);
	loaded = build(curated, 0);
	return loaded;
}

/**
 * Put the app's glossary entries (from the database, validated) beside the curated ones. Articles are
 * annotated again on their next request, so new terms are marked in every article without a restart.
 */
export function setGlossaryEdits(entries: readonly GlossaryEntry[]): void {
	edits = entries;
	if (loaded) loaded = build(loaded.curated, loaded.revision + 1);
}

/**
 * Put the editors' pinyin corrections (numbered) before the other sources for imported text: the database's
 * articles are annotated again on their next request, and /read reads with them. The curated articles keep
 * content/pinyin-overrides.yaml alone.
 */
export function setPinyinCorrections(next: readonly NumberedOverride[]): void {
	corrections = next;
	if (loaded) loaded = build(loaded.curated, loaded.revision + 1);
}

/** Pinyin for imported text (the database's articles, /read), in tone marks, with the editors' corrections. */
export function importedPinyin(): (text: string) => RubyChar[] {
	return load().importedPinyin;
}

/** The engine for imported text (numbered readings and whether it is sure), with the editors' corrections. */
export function importedEngine(): PinyinEngine {
	return load().importedEngine;
}

/**
 * A number that changes whenever the glossary or the pinyin corrections do: caches of anything built from them
 * compare it.
 */
export function glossaryRevision(): number {
	return load().revision;
}

/** The curated glossary alone (content/glossary.yaml, read-only in the app). */
export function getCuratedGlossary(): GlossaryEntry[] {
	return load().curated;
}

/** Every article, in library order; unpublished ones only with `drafts`. */
export async function listArticles({ drafts = false } = {}): Promise<ArticleSummary[]> {
	const { store } = load();
	const out: ArticleSummary[] = [];
	for (const a of await store.all()) {
		const published = (await store.isPublished(a.slug)) ?? false;
		if (!published && !drafts) continue;
		const segments = articleSegments(a);
		out.push({
			slug: a.slug,
			title: a.title,
			subtitle: a.subtitle,
			byline: a.byline,
			date: a.date,
			segmentCount: segments.length,
			characterCount: segments.reduce((n, s) => n + hanChars(s.zh).length, 0),
			published,
			segmentIds: segments.map((s) => s.id),
			withEnglish: segments.filter((s) => s.en.trim()).map((s) => s.id)
		});
	}
	return out;
}

/** Every published article with its annotations (what the public may find through the glossary and search). */
export async function publishedArticles(): Promise<AnnotatedArticle[]> {
	const { store } = load();
	const out: AnnotatedArticle[] = [];
	for (const a of await store.all()) if (await store.isPublished(a.slug)) out.push(a);
	return out;
}

/** Whether the public may see an article (undefined when there is none). */
export function isPublished(slug: string): Promise<boolean | undefined> {
	return load().store.isPublished(slug);
}

/** Every article with its annotations, in library order. */
export function allArticles(): Promise<AnnotatedArticle[]> {
	return load().store.all();
}

/** A number for each article object: the store gives a new object when an article or the glossary changes. */
const articleVersions = new WeakMap<object, number>();
let nextArticleVersion = 1;

/**
 * The version of an article as the store gave it: the same number while it is the same object (unchanged), a new
 * one for a changed article or a re-annotation. Caches of what is built from an article key on it.
 */
export function articleVersion(article: object): number {
	let version = articleVersions.get(article);
	if (version === undefined) articleVersions.set(article, (version = nextArticleVersion++));
	return version;
}

/** One article with its annotations, or undefined. */
export function getArticle(slug: string): Promise<AnnotatedArticle | undefined> {
	return load().store.get(slug);
}

/**
 * One article with its annotations; a miss is a 404 with the reader's "article not found" message, and so is an
 * unpublished article for anyone not signed in.
 */
export async function requireArticle(
	slug: string,
	locals: Pick<App.Locals, 't'> & Partial<Pick<App.Locals, 'reviewer'>>
): Promise<AnnotatedArticle> {
	const article = await getArticle(slug);
	if (!article || (!locals.reviewer && !(await isPublished(slug))))
		error(404, locals.t('errors.articleNotFound', { slug }));
	return article;
}

/** The shared glossary: the curated entries in file order, then those made in the app, oldest first. */
export function getGlossary(): GlossaryEntry[] {
	return load().glossary;
}

/** The addresses of term links in the reader's text ($lib/glossary/term-links) for the current glossary. */
export function getTermLinks(): TermLinks {
	return load().termLinks;
}

/** One glossary entry, or undefined. */
export function getGlossaryEntry(id: string): GlossaryEntry | undefined {
	return load().glossaryById.get(id);
}

/** The glossary entries an article uses, in order of first appearance. */
export function glossaryFor(article: AnnotatedArticle): GlossaryEntry[] {
	const ids = new Set(articleSegments(article).flatMap((s) => s.terms));
	return [...ids].flatMap((id) => load().glossaryById.get(id) ?? []);
}

/**
 * An article's term links: their addresses by entry id (what the reader's markup links to), and what the terms'
 * popovers show by those addresses (as the script finds them), from one pass over its segments.
 */
export function termLinksOf(article: AnnotatedArticle): {
	hrefs: Record<string, string>;
	popover: Record<string, PopoverEntry>;
} {
	const links = load().termLinks;
	const linked = glossaryFor(article).map((e) => ({ e, href: links.href(e.id) }));
	return {
		hrefs: Object.fromEntries(linked.map(({ e, href }) => [e.id, href])),
		popover: Object.fromEntries(linked.map(({ e, href }) => [href, popoverEntry(e)]))
	};
}

/** Every segment of every article where a glossary term occurs. */
export async function termOccurrences(id: string): Promise<TermOccurrence[]> {
	return (await publishedArticles()).flatMap((a) =>
		walkSegments(a)
			.filter(({ segment }) => segment.terms.includes(id))
			.map(({ segment: s, anchor }) => ({
				slug: a.slug,
				articleTitle: a.title.en,
				segmentId: s.id,
				anchor,
				zh: s.zh,
				en: s.en
			}))
	);
}

/** How many segments each glossary term occurs in, across all articles. */
export async function occurrenceCounts(): Promise<Map<string, number>> {
	const counts = new Map<string, number>();
	for (const a of await publishedArticles())
		for (const s of articleSegments(a)) for (const id of s.terms) counts.set(id, (counts.get(id) ?? 0) + 1);
	return counts;
}
