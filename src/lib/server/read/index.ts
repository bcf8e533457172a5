/** /read on the server: files to text, the pipeline with the dictionary and glossary, the per-client limit. */
export { readText, checkText, READ_SLUG, type ReadResult, type ReadProblem } from './read';
export { fileToText, fileKind, htmlToText, type FileKind, type FileText } from './files';
export { createRateLimiter, readLimiter, type RateLimiter } from './rate-limit';
export { readAction, type ReadPage } from './action';
