/** /read on the server: files to text, the pipeline with the dictionary and glossary, the per-client limit. */
export { readText, checkText, READ_SLUG, type ReadResult, type ReadProblem } from './read';
export { fileToText, fileKind, htmlToText, type FileKind, type FileText } from './files';
export { createRateLimiter, readLimiter, readWordsLimiter, type RateLimiter } from './rate-limit';
export { readAction, readWordsAction, type ReadPage } from './action';
