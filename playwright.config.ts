import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_LAUNCH_OPTIONS } from './tests/chromium';

const PORT = Number(process.env.E2E_PORT ?? 4173);

/*
 * Isolation: every test file passes alone and in any order.
 * - Files that only read (reader, glossary, exports, words, learner, audio) share the webServer below: the
 *   production build on a fresh, empty data directory with no reviewer, so nothing can sign in and write to it.
 *   What they change lives in their own browser context (cookies, localStorage), which Playwright makes new
 *   for every test.
 * - Files that write data import `test` from tests/e2e/fixtures.ts: each gets its own production server
 *   (tests/e2e/server.ts, the same launcher) on a free port with a fresh DATA_DIR and a seeded reviewer, and
 *   `baseURL` points there. review-crash.e2e.ts starts and kills its own servers the same way.
 * Timeouts leave headroom for a busy two-core machine; nothing waits a fixed time.
 */
export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.e2e.ts',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	reporter: 'list',
	timeout: 60_000,
	expect: { timeout: 15_000 },
	use: {
		baseURL: `http://127.0.0.1:${PORT}`,
		...devices['Desktop Chrome'],
		launchOptions: CHROMIUM_LAUNCH_OPTIONS
	},
	webServer: {
		command: `node tests/e2e/start-server.js`,
		url: `http://127.0.0.1:${PORT}/`,
		reuseExistingServer: false,
		timeout: 120_000,
		env: { PORT: String(PORT), HOST: '127.0.0.1' }
	}
});
