import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';
import { contentCheck } from './build-tools/content-check';
import { browserScript } from './build-tools/browser-script';
import { playwright } from '@vitest/browser-playwright';
import { CHROMIUM_LAUNCH_OPTIONS } from './tests/chromium';

const contentDir = fileURLToPath(new URL('./content', import.meta.url));

/** Tests that run in a browser: Svelte components and the reader's browser script. */
const BROWSER_TESTS = ['src/**/*.svelte.spec.ts', 'src/lib/reader/enhance/**/*.browser.spec.ts'];

/**
 * The store tests: they open their database through tempDataDir() (src/lib/server/db/testing.ts) and run once on
 * SQLite and once on PostgreSQL.
 */
const STORE_TESTS = [
	'src/lib/server/db/db.spec.ts',
	'src/lib/server/http/probes.spec.ts',
	'src/lib/server/reader/freshness.spec.ts',
	'src/lib/server/auth/{auth,cli}.spec.ts',
	'src/lib/server/review/{review,concurrency,assignments,batch,memory,import}.spec.ts',
	'src/lib/server/articles/{store,crash}.spec.ts',
	'src/lib/server/glossary/glossary.spec.ts',
	'src/lib/server/briefing/briefing.spec.ts',
	'src/lib/server/pinyin/corrections.spec.ts'
];

/** The PostgreSQL half needs a server: TEST_DATABASE_URL, a superuser URL (`.ci/run` starts a throwaway cluster). */
const POSTGRES = process.env.TEST_DATABASE_URL;
const noticed = globalThis as { postgresSkipNoticed?: boolean };
if (!POSTGRES && process.env.VITEST && !noticed.postgresSkipNoticed) {
	noticed.postgresSkipNoticed = true;
	console.warn(
		'\n  The store tests on PostgreSQL are skipped: TEST_DATABASE_URL is not set. They ran on SQLite only.\n' +
			'  To run them: export TEST_DATABASE_URL=$(scripts/pg-throwaway.sh start /tmp/pg-tests)\n'
	);
}

export default defineConfig({
	plugins: [contentCheck(contentDir), browserScript(), sveltekit()],
	test: {
		expect: { requireAssertions: true },
		projects: [
			{
				extends: './vite.config.ts',
				test: {
					name: 'server',
					environment: 'node',
					include: ['src/**/*.spec.ts', 'build-tools/**/*.spec.ts'],
					exclude: [...BROWSER_TESTS]
				}
			},
			...(POSTGRES
				? [
						{
							extends: './vite.config.ts',
							test: {
								name: 'server-postgres',
								environment: 'node',
								include: STORE_TESTS,
								env: { TEST_DB: 'postgres' }
							}
						}
					]
				: []),
			{
				// Components and the reader's browser script, in Chromium (Debian's, as the e2e tests use).
				extends: './vite.config.ts',
				test: {
					name: 'client',
					include: [...BROWSER_TESTS],
					browser: {
						enabled: true,
						headless: true,
						provider: playwright({ launchOptions: CHROMIUM_LAUNCH_OPTIONS }),
						instances: [{ browser: 'chromium' }],
						commands: {
							// A real article page and its word data, built in Node (see src/lib/server/reader/test-page.ts).
							async readerTestPage({ project }, slug: string, blocks: number) {
								const page = await project.import<typeof import('./src/lib/server/reader/test-page')>(
									'/src/lib/server/reader/test-page.ts'
								);
								return page.readerTestPage(slug, blocks);
							},
							// A real article's review workspace before anyone has reviewed it.
							async reviewTestSegments({ project }, slug: string) {
								const workspace = await project.import<
									typeof import('./src/lib/server/review/testing/test-workspace')
								>('/src/lib/server/review/testing/test-workspace.ts');
								return workspace.reviewTestSegments(slug);
							}
						}
					}
				}
			}
		]
	}
});
