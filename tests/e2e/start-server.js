// Starts the production build for the browser tests with a fresh data directory, so every run begins clean.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

process.env.DATA_DIR ??= mkdtempSync(join(tmpdir(), 'reader-e2e-'));
process.env.ORIGIN ??= `http://127.0.0.1:${process.env.PORT}`;
// A computed specifier, so type-checking does not wander into the generated build.
await import(new URL('../../build/index.js', import.meta.url).href);
