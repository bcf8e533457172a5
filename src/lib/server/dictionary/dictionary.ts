/**
 * The server's one dictionary: loaded lazily on first use, once per process, with its load time and memory
 * recorded; the search index is built on the first lookup.
 */
import { parseCedict } from '$lib/dictionary/cedict';
import { hskLevels } from '$lib/dictionary/hsk';
import { buildDictionary, segmenterLexicon } from '$lib/dictionary/lexicon';
import { getJieba } from '$lib/server/pinyin';
import { buildSearchIndex, search, type SearchIndex } from '$lib/dictionary/lookup';
import { parseSupplement, supplementEntries } from '$lib/dictionary/supplement';
import { extractArticleDictionary, type ExtractLimits } from '$lib/dictionary/extract';
import { segmentArticle } from '$lib/dictionary/article';
import { measureCoverage } from '$lib/dictionary/coverage';
import type { Article, GlossaryEntry } from '$lib/content/schema';
import type { ArticleDictionary, Coverage, Dictionary, LookupResult, Token } from '$lib/dictionary/types';
import { readCedictText, readHskLists, supplementFile } from './files';

/** What loading cost, for logs and the bench. */
export interface LoadStats {
	entries: number;
	cedictEntries: number;
	supplementEntries: number;
	hskWords: number;
	/** CC-CEDICT's release date from its header. */
	cedictDate: string | undefined;
	/** Wall time to read and parse everything, ms. */
	ms: number;
	/** Heap growth across the load (after a GC when node runs with --expose-gc), bytes. */
	heapBytes: number;
	rssBytes: number;
	/** Time to build the search index, ms, and its heap growth, bytes (set on first lookup). */
	indexMs?: number;
	indexHeapBytes?: number;
}

let loading: Promise<Dictionary> | undefined;
let indexing: Promise<SearchIndex> | undefined;
let stats: LoadStats | undefined;

function collect() {
	(globalThis as { gc?: () => void }).gc?.();
}

async function load(): Promise<Dictionary> {
	collect();
	const before = process.memoryUsage();
	const started = performance.now();
	const [text, lists] = await Promise.all([readCedictText(), readHskLists()]);
	const cedict = parseCedict(text);
	const { file, source } = supplementFile();
	const supplement = supplementEntries(source ? parseSupplement(file, source) : []);
	const hsk = hskLevels(lists);
	const dictionary = buildDictionary({ cedict: cedict.entries, supplement, hsk });
	segmenterLexicon(dictionary); // computes the word-length bounds once, so the first article does not pay
	const ms = performance.now() - started;
	collect();
	const after = process.memoryUsage();
	stats = {
		entries: dictionary.entries.length,
		cedictEntries: cedict.entries.length,
		supplementEntries: supplement.length,
		hskWords: hsk.size,
		cedictDate: cedict.meta['date']?.slice(0, 10),
		ms,
		heapBytes: after.heapUsed - before.heapUsed,
		rssBytes: after.rss - before.rss
	};
	return dictionary;
}

/** The dictionary (CC-CEDICT + supplement + HSK), loaded once on first call. */
export function getDictionary(): Promise<Dictionary> {
	loading ??= load().catch((e: unknown) => {
		loading = undefined; // let a later call retry
		throw e;
	});
	return loading;
}

/** The search index over the dictionary, built once (all parts) on first call. */
export function getSearchIndex(): Promise<SearchIndex> {
	indexing ??= getDictionary().then((dictionary) => {
		collect();
		const heap = process.memoryUsage().heapUsed;
		const started = performance.now();
		const index = buildSearchIndex(dictionary, true);
		if (stats) {
			stats.indexMs = performance.now() - started;
			collect();
			stats.indexHeapBytes = process.memoryUsage().heapUsed - heap;
		}
		return index;
	});
	return indexing;
}

/** Load statistics, once the dictionary has loaded. */
export function dictionaryLoadStats(): LoadStats | undefined {
	return stats ? { ...stats } : undefined;
}

/** Longest query and largest result count `lookup` accepts (longer queries are cut, larger limits lowered). */
export const LOOKUP_LIMITS = { queryLength: 64, results: 100 } as const;

/** Search for /dictionary?q=: Chinese, pinyin (any spelling) or English; ranked, at most `limit` results. */
export async function lookup(query: string, limit = 20): Promise<LookupResult[]> {
	const n = Math.min(Math.max(0, Math.floor(Number.isFinite(limit) ? limit : 0)), LOOKUP_LIMITS.results);
	return search(await getSearchIndex(), [...query].slice(0, LOOKUP_LIMITS.queryLength).join(''), n);
}

/** What the reader needs for one article: its tokens per text, the dictionary extract, and coverage. */
export interface ArticleDictionaryData {
	tokens: Record<string, Token[]>;
	entries: ArticleDictionary;
	coverage: Coverage;
}

/** Segment an article (glossary terms first) and extract the dictionary entries its words need. */
export async function articleDictionary(
	article: Article,
	glossary: readonly Pick<GlossaryEntry, 'id' | 'term' | 'aliases'>[],
	limits?: ExtractLimits
): Promise<ArticleDictionaryData> {
	const dictionary = await getDictionary();
	const jieba = getJieba();
	const cut = (run: string) => jieba.cut(run, false);
	const tokens = segmentArticle(article, segmenterLexicon(dictionary, glossary, cut));
	const all = Object.values(tokens).flat();
	return {
		tokens,
		entries: extractArticleDictionary(all, dictionary, limits),
		coverage: measureCoverage(all, dictionary)
	};
}
