import { defineConfig, devices } from '@playwright/test';
import { PASSWORD, REVIEWER } from './tests/e2e/reviewer';

const PORT = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.e2e.ts',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	reporter: process.env.CI ? [['list']] : [['list']],
	use: {
		baseURL: `http://127.0.0.1:${PORT}`,
		...devices['Desktop Chrome'],
		launchOptions: {
			// Debian's Chromium: Playwright cannot download its own browser on these machines.
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync'
			]
		}
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
