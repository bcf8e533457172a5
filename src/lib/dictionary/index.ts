/**
 * The dictionary and word-segmentation layer: pure functions only, safe to import in the browser. The whole
 * dictionary is loaded on the server ($lib/server/dictionary); the browser receives per-article extracts.
 */
export type {
	ArticleDictionary,
	Coverage,
	Dictionary,
	DictionaryEntry,
	HskLevel,
	LookupResult,
	ReadingExtract,
	SegmenterLexicon,
	SupplementKind,
	TermSpan,
	Token,
	TokenKind,
	WordExtract
} from './types';
/** CC-CEDICT's attribution and licence (CC BY-SA 4.0), to display wherever definitions are shown. */
export {
	CEDICT_ATTRIBUTION,
	parseCedict,
	parseCedictLine,
	readableSense,
	unwrapCedictModule,
	type ParsedCedict
} from './cedict';
/** HSK 2.0 word lists (chinese-lexicon's statistics/hsk.js) → word → level. */
export { parseHskLists, hskLevels } from './hsk';
/** The reviewed supplement (content/lexicon-supplement.yaml): schema, parser, conversion to entries. */
export { parseSupplement, supplementEntries, SupplementSchema, type SupplementEntry } from './supplement';
/** Pinyin conversions: tone numbers ↔ marks, toneless search keys, tone sequences. */
export {
	numberedToMarks,
	marksToNumbered,
	tonelessKey,
	toneSequence,
	hasToneInfo,
	looksLikePinyin
} from './pinyin';
/** Dictionary assembly, headword lookup, and the segmenter's lexicon (dictionary + glossary). */
export { buildDictionary, entriesFor, hasWord, segmenterLexicon } from './lexicon';
/** Segmentation of text into tokens, and the extract key of a token. */
export { segment, tokenKey, numberParts, isChineseToken } from './segment';
/** Segmentation of a whole article (segments, byline, credits). */
export { articleTexts, segmentArticle } from './article';
/** Per-article dictionary extracts for the browser. */
export {
	extractArticleDictionary,
	wordExtract,
	charactersOf,
	DEFAULT_LIMITS,
	type ExtractLimits
} from './extract';
/** Search index and ranked lookup (Chinese, pinyin, English). */
export { buildSearchIndex, search, normaliseDefinition, type SearchIndex } from './lookup';
/** Coverage of tokens by dictionary and glossary. */
export { measureCoverage } from './coverage';
