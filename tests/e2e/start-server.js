// Starts the production build for the browser tests with a fresh data directory, so every run begins clean.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

process.env.DATA_DIR ??= mkdtempSync(join(tmpdir(), 'reader-e2e-'));
process.env.ORIGIN ??= `http://127.0.0.1:${process.env.PORT}`;
// XLIFF uploads of up to 10 MB must reach the import action, which refuses larger ones with a clear message.
process.env.BODY_SIZE_LIMIT ??= '11M';

// A reviewer account for the review tests, created with the real CLI (and so the real auth module).
if (process.env.E2E_REVIEWER && process.env.E2E_PASSWORD) {
	execFileSync(
		process.execPath,
		['scripts/run-ts.mjs', 'scripts/reviewer-add.ts', process.env.E2E_REVIEWER],
		{
			cwd: fileURLToPath(new URL('../..', import.meta.url)),
			env: { ...process.env, REVIEWER_PASSWORD: process.env.E2E_PASSWORD },
			stdio: ['ignore', 'ignore', 'inherit']
		}
	);
}
// A computed specifier, so type-checking does not wander into the generated build.
await import(new URL('../../build/index.js', import.meta.url).href);
