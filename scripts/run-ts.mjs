#!/usr/bin/env node
/**
 * Run a TypeScript script on Node 20 (which cannot strip types): esbuild bundles the script and the project
 * modules it imports into one ESM file under node_modules/.cache/run-ts (npm packages stay external), then it runs.
 * The server code is thereby shared with the scripts instead of duplicated in JavaScript.
 *
 *   node scripts/run-ts.mjs scripts/reviewer-add.ts alice
 *
 * The script sees process.argv as [node, <script.ts>, ...args]. Modules must not rely on Vite-only features
 * (import.meta.glob, $app/*, $env/*); `$lib` imports are resolved.
 */
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
	console.error('usage: node scripts/run-ts.mjs <script.ts> [args...]');
	process.exit(2);
}

const root = fileURLToPath(new URL('..', import.meta.url));
const result = await build({
	entryPoints: [resolve(entry)],
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	packages: 'external',
	alias: { $lib: join(root, 'src/lib') },
	sourcemap: 'inline',
	write: false,
	logLevel: 'warning'
});
const code = result.outputFiles[0]?.contents;
if (!code) throw new Error(`esbuild produced no output for ${entry}`);

// Content-addressed file, written atomically, so parallel runs of one script never read a half-written bundle.
const cache = join(root, 'node_modules', '.cache', 'run-ts');
mkdirSync(cache, { recursive: true });
const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
const outfile = join(cache, `${basename(entry, extname(entry))}-${hash}.mjs`);
if (!existsSync(outfile)) {
	const temp = `${outfile}.${process.pid}.tmp`;
	writeFileSync(temp, code);
	renameSync(temp, outfile);
}

process.argv = [process.argv[0] ?? 'node', resolve(entry), ...args];
await import(pathToFileURL(outfile).href);
