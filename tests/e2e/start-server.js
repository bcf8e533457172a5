// Starts the production build for the browser tests the way `npm start` does (scripts/serve.js: no ORIGIN,
// plain HTTP). DATA_DIR defaults to a fresh temporary directory, so every run begins clean. With E2E_REVIEWER
// and E2E_PASSWORD set (tests/e2e/server.ts sets them for the files that sign in), it first creates that
// reviewer with the real CLI, and so the real auth module.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

process.env.DATA_DIR ??= mkdtempSync(join(tmpdir(), 'reader-e2e-'));

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
await import('../../scripts/serve.js');
