import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/** What the reader's browser script must never import (as values): server, content and Node-only code. */
const SERVER_ONLY = [
	'\\$lib/server(/|$)',
	'\\$lib/content(/|$)',
	'node:',
	'(yaml|pinyin-pro|opencc-js|better-sqlite3|kysely|fast-xml-parser|docx|hanzi|chinese-lexicon|i18next)(/|$)'
].join('|');

/**
 * What it may import: its own files, Floating UI, and pure browser-safe modules. Add one only after checking that it,
 * and everything it imports, belongs in a browser (the bundle budget in build-tools/browser-script.spec.ts checks
 * the sum).
 */
const BROWSER_SAFE = [
	'\\./',
	'@floating-ui/dom$',
	'\\$lib/chinese(/|$)',
	'(\\$lib|\\.\\./\\.\\.)/audio/speech$',
	'(\\$lib/reader|\\.\\.)/settings$',
	'(\\$lib/reader|\\.\\.)/page-url$',
	'(\\$lib/reader|\\.\\.)/(term-link|segment-ids)$',
	'(\\$lib|\\.\\./\\.\\.)/words/(reveal-sentence|saved-words)$',
	'\\$lib/dictionary/pinyin$'
].join('|');

export default ts.config(
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'node_modules/',
			'data/',
			'src/lib/server/pinyin/data/',
			'test-results/',
			'playwright-report/',
			'bench/out/',
			'.vitest-attachments/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			// TypeScript already reports undefined names, and knows about types ESLint does not.
			'no-undef': 'off',
			// Links are root-relative and the app sets no paths.base, so resolve() would add nothing.
			'svelte/no-navigation-without-resolve': 'off',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		// The reader's browser script is bundled by esbuild outside SvelteKit's module graph (build-tools/
		// browser-script.ts), so nothing else stops a server or content module from reaching readers' browsers.
		// It may import its own files, Floating UI, types from anywhere, and the pure modules in BROWSER_SAFE.
		files: ['src/lib/reader/enhance/**'],
		// Tests and their helper are not bundled: they get the real article from the server side.
		ignores: ['**/*.spec.ts', 'src/lib/reader/enhance/testing.ts'],
		rules: {
			'@typescript-eslint/no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							regex: `^(${SERVER_ONLY})`,
							allowTypeImports: true,
							message:
								'Server, content and Node-only code must not reach the browser script (src/lib/reader/enhance); import its types with `import type`, or pass the data in words.json.'
						},
						{
							regex: `^(?!(${SERVER_ONLY}|${BROWSER_SAFE}))`,
							allowTypeImports: true,
							message:
								'The browser script (src/lib/reader/enhance) may import only its own files, @floating-ui/dom, types, and the pure modules listed in BROWSER_SAFE in eslint.config.js.'
						}
					]
				}
			]
		}
	},
	{
		// Server code, routes, scripts and benches: a Promise must be awaited (or handled), never left floating or
		// passed where a plain value is expected, so a forgotten `await` on a database call is an error.
		files: [
			'src/lib/server/**/*.ts',
			'src/routes/**/*.ts',
			'src/hooks.server.ts',
			'scripts/**/*.ts',
			'bench/**/*.ts',
			'tests/**/*.ts'
		],
		languageOptions: { parserOptions: { projectService: true } },
		rules: {
			'@typescript-eslint/no-floating-promises': 'error',
			'@typescript-eslint/await-thenable': 'error',
			'@typescript-eslint/no-misused-promises': 'error'
		}
	},
	{
		// {@html} is used only with markup built by src/lib/reader/markup.ts, which escapes every value.
		files: ['src/lib/reader/ArticleView.svelte'],
		rules: { 'svelte/no-at-html-tags': 'off' }
	}
);
