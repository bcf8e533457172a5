// Starts the production build for the browser tests the way `npm start` does (scripts/serve.js: no ORIGIN,
// plain HTTP). DATA_DIR defaults to a fresh temporary directory, so every run begins clean. With E2E_REVIEWER
// and E2E_PASSWORD set (tests/e2e/server.ts sets them for the files that sign in), it first creates that
// reviewer with the real CLI, and so the real auth module. E2E_ACCOUNTS (a JSON array of { name, password, role })
// adds more accounts with roles the same way.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

process.env.DATA_DIR ??= mkdtempSync(join(tmpdir(), 'reader-e2e-'));

/**
 * Create an account with `npm run reviewer:add -- NAME [--role ROLE]`.
 * @param {string} name
 * @param {string} password
 * @param {string} [role]
 */
function addAccount(name, password, role) {
	execFileSync(
		process.execPath,
		['scripts/run-ts.mjs', 'scripts/reviewer-add.ts', name, ...(role ? ['--role', role] : [])],
		{
			cwd: fileURLToPath(new URL('../..', import.meta.url)),
			env: { ...process.env, REVIEWER_PASSWORD: password },
			stdio: ['ignore', 'ignore', 'inherit']
		}
	);
}

if (process.env.E2E_REVIEWER && process.env.E2E_PASSWORD) {
	addAccount(process.env.E2E_REVIEWER, process.env.E2E_PASSWORD);
}
for (const account of JSON.parse(process.env.E2E_ACCOUNTS ?? '[]')) {
	addAccount(account.name, account.password, account.role);
}
await import('../../scripts/serve.js');
