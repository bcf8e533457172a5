import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter(),
		// The stylesheet is a file (content-hashed, cached for good), not inlined into every page: a reader moving
		// between pages downloads it once. It is small, and the first paint waits for the text's layout, not for it.
		inlineStyleThreshold: 0,
		alias: { $content: 'content', $messages: 'messages' },
		// Content-Security-Policy header on every page: only this origin's scripts, styles, images and fetches.
		// 'hash' allows SvelteKit's own inline bootstrap script by its hash; the reader's script is /js/reader.js
		// ('self'). Hashes, not per-request nonces: the same page gives the same bytes and header, so a rendered
		// reader page can be kept and served again (src/lib/server/reader/page-cache.ts) without reusing a nonce.
		// This is a header, where frame-ancestors works; hooks.server.ts adds the other security headers (and a CSP
		// for non-page responses).
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self'],
				// SvelteKit's route announcer (client-rendered pages) is a <div> with this one style attribute; its
				// hash, and nothing else, is allowed as an attribute. The CSP browser test fails if Kit changes it.
				'style-src-attr': ['unsafe-hashes', 'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo='],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'media-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
