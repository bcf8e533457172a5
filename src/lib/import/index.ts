/**
 * The one pipeline that brings any Chinese text in: bytes → text (encoding detected) → blocks → sentences →
 * an article in the one article model, English empty. Words, pinyin and glossary terms are added by the same
 * annotation as the curated articles ($lib/content/annotate, the dictionary's segmentation); the server side
 * (files, dictionary, conversion) is $lib/server/read. Pure and browser-safe.
 */
export { decodeText, looksBinary, type DecodeResult, type TextEncodingName } from './decode';
export { detectBlocks, normaliseText, HEADING_MAX, type DetectedBlock, type DetectedKind } from './blocks';
export { splitSentences } from './sentences';
export { buildArticle, detectScript, inModelScript, type BuiltArticle, type SourceScript } from './article';
export { IMPORT_LIMITS, textProblem, type TextProblem } from './limits';
