/**
 * /read on the server: files to text, the pipeline with the dictionary and glossary, the per-client limit, and the
 * page's own script.
 */
export { readText, READ_SLUG, type ReadResult } from './read';
export { fileToText, fileKind, htmlToText, type FileKind, type FileText } from './files';
export { createRateLimiter, readLimiter, readWordsLimiter, type RateLimiter } from './rate-limit';
export { readAction, readWordsAction, type ReadPage } from './action';
export { RECENT_SCRIPT, RECENT_SCRIPT_URL } from './scripts';
