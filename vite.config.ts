import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';
import { contentCheck } from './build-tools/content-check';
import { browserScript } from './build-tools/browser-script';

const contentDir = fileURLToPath(new URL('./content', import.meta.url));

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
					include: ['src/**/*.spec.ts', 'build-tools/**/*.spec.ts']
				}
			}
		]
	}
});
