/**
 * Vite plugin: `import code from './main.ts?browser-script'` gives the module bundled and minified for the
 * browser as a string. Pages that render without SvelteKit's client runtime (csr = false) serve it as a small
 * progressive-enhancement script, so the reader ships a few kilobytes of JavaScript instead of a framework.
 */
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';

const SUFFIX = '?browser-script';

/** Bundles and minifies a browser script entry as the build serves it; `inputs` are the files it read. */
export async function bundleBrowserScript(entry: string): Promise<{ code: string; inputs: string[] }> {
	const result = await build({
		entryPoints: [entry],
		bundle: true,
		minify: true,
		format: 'esm',
		target: 'es2022',
		write: false,
		metafile: true
	});
	return { code: result.outputFiles[0]?.text ?? '', inputs: Object.keys(result.metafile.inputs) };
}

export function browserScript(): Plugin {
	return {
		name: 'browser-script',
		async load(id) {
			if (!id.endsWith(SUFFIX)) return null;
			const { code, inputs } = await bundleBrowserScript(id.slice(0, -SUFFIX.length));
			for (const input of inputs) this.addWatchFile(input);
			const hash = createHash('sha256').update(code).digest('hex').slice(0, 12);
			return `export default ${JSON.stringify(code)};\nexport const hash = ${JSON.stringify(hash)};`;
		}
	};
}
