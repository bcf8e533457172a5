import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_LAUNCH_OPTIONS } from './tests/chromium';
import { PASSWORD, REVIEWER } from './tests/e2e/reviewer';

const PORT = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.e2e.ts',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	reporter: 'list',
	use: {
		baseURL: `http://127.0.0.1:${PORT}`,
		...devices['Desktop Chrome'],
		launchOptions: CHROMIUM_LAUNCH_OPTIONS
	},
	webServer: {
		// The production build, with its own empty data directory for each run.
		command: `node tests/e2e/start-server.js`,
		url: `http://127.0.0.1:${PORT}/`,
		reuseExistingServer: false,
		timeout: 60_000,
		env: { PORT: String(PORT), HOST: '127.0.0.1', E2E_REVIEWER: REVIEWER, E2E_PASSWORD: PASSWORD }
	}
});
