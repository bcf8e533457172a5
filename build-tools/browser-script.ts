/**
 * Vite plugin: `import code from './main.ts?browser-script'` gives the module bundled and minified for the
 * browser as a string. Pages that render without SvelteKit's client runtime (csr = false) serve it as a small
 * progressive-enhancement script, so the reader ships a few kilobytes of JavaScript instead of a framework.
 * `import css from './script-ui.css?browser-style'` does the same for a stylesheet that only such a script loads.
 */
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';

const SCRIPT = '?browser-script';
const STYLE = '?browser-style';
/**
 * A stylesheet's id is made virtual, no longer ending in `.css` (`\0browser-style:<path>.bundle`), or Vite's own CSS
 * plugin would take the module for CSS and compile what `load` returns as a stylesheet.
 */
const VIRTUAL_STYLE = '\0browser-style:';
const VIRTUAL_END = '.bundle';

/**
 * Bundles and minifies a browser script (or stylesheet) entry as the build serves it; `inputs` are the files it
 * read.
 */
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
		enforce: 'pre',
		async resolveId(source, importer) {
			if (!source.endsWith(STYLE)) return null;
			const file = await this.resolve(source.slice(0, -STYLE.length), importer, { skipSelf: true });
			return file && `${VIRTUAL_STYLE}${file.id}${VIRTUAL_END}`;
		},
		async load(id) {
			const entry = id.endsWith(SCRIPT)
				? id.slice(0, -SCRIPT.length)
				: id.startsWith(VIRTUAL_STYLE)
					? id.slice(VIRTUAL_STYLE.length, -VIRTUAL_END.length)
					: undefined;
			if (!entry) return null;
			const { code, inputs } = await bundleBrowserScript(entry);
			for (const input of inputs) this.addWatchFile(input);
			const hash = createHash('sha256').update(code).digest('hex').slice(0, 12);
			return `export default ${JSON.stringify(code)};\nexport const hash = ${JSON.stringify(hash)};`;
		}
	};
}
