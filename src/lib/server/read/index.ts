/** /read on the server: files to text, the pipeline with the dictionary and glossary, the per-client limit. */
export { readText, READ_SLUG, type ReadResult } from './read';
export { fileToText, fileKind, htmlToText, type FileKind, type FileText } from './files';
export { createRateLimiter, readLimiter, readWordsLimiter, type RateLimiter } from './rate-limit';
export { readAction, readWordsAction, type ReadPage } from './action';
