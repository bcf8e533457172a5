/** Shared pieces of the benchmarks: starting the production server, Chromium, statistics, table output. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page, type Request } from '@playwright/test';
import { CHROMIUM_LAUNCH_OPTIONS } from '../tests/chromium';
import type { RubyChar } from '$lib/pinyin/annotate';
import { escapeHtml } from '$lib/reader/markup';

/** The repository root: npm runs scripts there (the bundled bench itself lives in node_modules/.cache). */
export const ROOT = process.cwd();

/** The article the benches read (the seed article). */
export const SLUG = 'beilun-liucu-liuyou';

export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** A small seeded generator (mulberry32), so every run measures the same generated data. */
export function random(seed: number): () => number {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** The p-quantile (0–1) of ascending values, nearest rank. */
export const percentile = (sorted: number[], p: number): number =>
	sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;

/** What a response is, by its Content-Type, for the page-weight tables. */
export type ResponseKind = 'html' | 'css' | 'js' | 'other';
export function responseKind(contentType: string | undefined): ResponseKind {
	const type = contentType ?? '';
	if (type.includes('html')) return 'html';
	if (type.includes('css')) return 'css';
	return type.includes('javascript') ? 'js' : 'other';
}

/**
 * Counts every response body of a page as it arrives (its kind, raw and gzipped bytes at level 6, what a
 * compressing proxy sends); await the returned list before reading the counts.
 */
export function onResponseBytes(
	page: Page,
	count: (kind: ResponseKind, raw: number, gzip: number, request: Request) => void
): Promise<void>[] {
	const pending: Promise<void>[] = [];
	page.on('response', (response) =>
		pending.push(
			response
				.body()
				.then((body) =>
					count(
						responseKind(response.headers()['content-type']),
						body.length,
						gzipSync(body, { level: 6 }).length,
						response.request()
					)
				)
				.catch(() => {})
		)
	);
	return pending;
}

/** Headers of a form action posted as the enhanced form does (answered in JSON), for a signed-in session. */
export const actionHeaders = (cookie: string, origin: string) => ({
	cookie,
	origin,
	accept: 'application/json',
	'x-sveltekit-action': 'true',
	'content-type': 'application/x-www-form-urlencoded'
});

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** A production server the bench started. */
export interface BenchServer {
	url: string;
	stop: () => void;
	process: ChildProcess;
	dataDir: string;
	/** The storage environment it runs with (DATA_DIR, and DATABASE_URL on PostgreSQL). */
	env: Record<string, string>;
}

/**
 * Start the production server as `npm start` does, with a throwaway data directory (and `env`, e.g. DATABASE_URL);
 * resolves when it answers.
 */
export async function startServer(port: number, extraEnv: Record<string, string> = {}): Promise<BenchServer> {
	const dataDir = mkdtempSync(join(tmpdir(), 'reader-bench-'));
	const env = { DATA_DIR: dataDir, ...extraEnv };
	const child = spawn(process.execPath, [join(ROOT, 'scripts/serve.js')], {
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', REQUEST_LOG: 'off', ...env },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	const url = `http://127.0.0.1:${port}`;
	// Up to 30 s: the server loads the dictionary and its search index before it answers.
	for (let i = 0; i < 300; i++) {
		try {
			if ((await fetch(url)).ok) return { url, stop: () => child.kill(), process: child, dataDir, env };
		} catch {
			// not up yet
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	child.kill();
	throw new Error('the production server did not start: run `npm run build` first');
}

/** Sign in through the login form's action; returns the session cookie (`name=value`). */
export async function signIn(url: string, username: string, password: string): Promise<string> {
	const response = await fetch(`${url}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin: url, 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ username, password, next: '/' })
	});
	const cookie = response.headers.getSetCookie().find((c) => c.startsWith('review_session='));
	if (!cookie) throw new Error(`bench sign-in failed (${response.status})`);
	return cookie.split(';')[0]!;
}

export function launchChromium(): Promise<Browser> {
	return chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
}

/** Print a small aligned table. */
export function table(rows: (string | number)[][]): void {
	const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => String(r[c] ?? '').length)));
	for (const r of rows) console.log('  ' + r.map((cell, c) => String(cell).padEnd(widths[c]!)).join('  '));
}

/**
 * Characters with readings as plain <ruby> runs (no words, no terms, no settings), for the floor page and the
 * markup alternatives the bench compares with the reader's own markup.
 */
export function rubyHtml(chars: readonly RubyChar[]): string {
	let out = '';
	let open = false;
	for (const { c, p } of chars) {
		if (p) {
			if (!open) out += '<ruby>';
			out += `${escapeHtml(c)}<rt>${escapeHtml(p)}</rt>`;
			open = true;
		} else {
			if (open) out += '</ruby>';
			out += escapeHtml(c);
			open = false;
		}
	}
	return open ? out + '</ruby>' : out;
}

/** The parts of autocannon's result the benches read (the package ships no types). */
export interface AutocannonResult {
	requests: { average: number; total: number };
	latency: { p50: number; p99: number };
	errors: number;
	timeouts: number;
	non2xx: number;
}
