/**
 * The reader's word data for an article, computed once per article and kept: segmentation and the dictionary
 * extract (~60 ms) depend only on the Chinese text, which never changes while the server runs (a review may
 * change the English an article shows, never its Chinese). articleDictionary with the reader's shorter sense
 * limits (READER_EXTRACT_LIMITS).
 */
import type { AnnotatedArticle } from '$lib/content/annotate';
import { articleDictionary, getSearchIndex, type ArticleDictionaryData } from '$lib/server/dictionary';
import { allArticles, getGlossary, glossaryRevision, termLinksOf } from '$lib/server/content/store';
import { READER_EXTRACT_LIMITS, articleWords, hskByKey, type WordMarkupData } from '$lib/reader/word-data';
import { toScript } from '$lib/server/chinese-script';
import type { ReaderSettings } from '$lib/reader/settings';
import { readerChineseTexts } from '$lib/content/walk';

interface Cached {
	/** The glossary revision it was computed with: a term added in the app is a word of its own. */
	revision: number;
	data: ArticleDictionaryData;
	hsk: Record<string, number>;
	/** Where its term links go (the terms are those of its Chinese, so they change only with the glossary). */
	termHrefs: Record<string, string>;
	json: string;
	/** The article's Chinese in each Traditional standard, converted once on first request. */
	converted: Map<ChineseScript, Record<string, string>>;
}

type ChineseScript = Exclude<ReaderSettings['script'], 'simplified'>;

const cache = new Map<string, { revision: number; cached: Promise<Cached> }>();

function load(article: AnnotatedArticle): Promise<Cached> {
	const revision = glossaryRevision();
	let hit = cache.get(article.slug)?.revision === revision ? cache.get(article.slug)!.cached : undefined;
	if (!hit) {
		hit = articleDictionary(article, getGlossary(), READER_EXTRACT_LIMITS).then((data) => ({
			revision,
			data,
			hsk: hskByKey(data.entries),
			termHrefs: termLinksOf(article).hrefs,
			json: JSON.stringify(articleWords(article, data.tokens, data.entries)),
			converted: new Map()
		}));
		hit.catch(() => cache.delete(article.slug));
		cache.set(article.slug, { revision, cached: hit });
	}
	return hit;
}

/** The article's words payload, serialised (what /articles/<slug>/words.json sends). */
export async function articleWordsJson(article: AnnotatedArticle): Promise<string> {
	return (await load(article)).json;
}

/** Tokens, dictionary extract and coverage of an article (cached). */
export async function articleWordData(article: AnnotatedArticle): Promise<ArticleDictionaryData> {
	return (await load(article)).data;
}

/** What the page needs to render the article's words in the reader's settings. */
export async function wordMarkupData(
	article: AnnotatedArticle,
	settings: ReaderSettings
): Promise<WordMarkupData> {
	const cached = await load(article);
	const { data, hsk, converted } = cached;
	const out: WordMarkupData = { tokens: data.tokens, hsk, termHrefs: cached.termHrefs };
	const script = settings.script;
	if (script !== 'simplified') {
		let texts = converted.get(script);
		if (!texts) {
			const all = new Set(readerChineseTexts(article).map((t) => t.zh));
			// An article written in Traditional characters shows them as written; any other text is converted.
			const written = article.written ?? {};
			texts = Object.fromEntries([...all].map((text) => [text, written[text] ?? toScript(text, script)]));
			converted.set(script, texts);
		}
		out.converted = texts;
	}
	return out;
}

/**
 * Load the dictionary and its search index and prepare every curated article's words, before serving: the
 * first reader and the first /dictionary search then wait for nothing (about 1.5 s at start instead).
 */
export async function preloadReaderWords(): Promise<void> {
	await getSearchIndex();
	await Promise.all((await allArticles()).map(load));
}
