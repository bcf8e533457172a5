/**
 * A production server of a test file's own: `tests/e2e/start-server.js` (so `npm start`'s launcher,
 * scripts/serve.js) on a free port, with a fresh DATA_DIR and, if asked, a reviewer created with the real CLI.
 * Files that write data use it (through ./fixtures.ts, or directly like review-crash.e2e.ts), so no file sees
 * another's data and the order files run in does not matter.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestAccount } from './reviewer';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A running server and the data directory it writes. */
export interface TestServer {
	url: string;
	port: number;
	dataDir: string;
	process: ChildProcess;
	/** Resolves with the signal that ended the server (null on a clean exit). */
	exited: Promise<NodeJS.Signals | null>;
}

/** A port nobody listens on now (the OS picks it). */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.unref();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			probe.close(() =>
				typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))
			);
		});
	});
}

/** A fresh, empty data directory under the system's temp folder. */
export const freshDataDir = (): string => mkdtempSync(join(tmpdir(), 'reader-e2e-'));

/**
 * Start the production build (run `npm run build` first). Resolves once it answers `/`; on a busy machine the
 * first answer can take several seconds (the server loads content and the dictionary).
 */
export async function startServer(
	options: {
		dataDir?: string;
		port?: number;
		reviewer?: { name: string; password: string };
		/** More accounts, with roles, created with the real CLI before the server starts. */
		accounts?: readonly TestAccount[];
		/** More environment (DATABASE_URL for a server on PostgreSQL). */
		env?: Record<string, string>;
	} = {}
): Promise<TestServer> {
	const dataDir = options.dataDir ?? freshDataDir();
	const port = options.port ?? (await freePort());
	const env: NodeJS.ProcessEnv = {
		...process.env,
		PORT: String(port),
		HOST: '127.0.0.1',
		DATA_DIR: dataDir,
		...options.env
	};
	if (!options.env?.DATABASE_URL) delete env['DATABASE_URL'];
	delete env['E2E_REVIEWER'];
	delete env['E2E_PASSWORD'];
	delete env['E2E_ACCOUNTS'];
	if (options.accounts?.length) env['E2E_ACCOUNTS'] = JSON.stringify(options.accounts);
	if (options.reviewer) {
		env['E2E_REVIEWER'] = options.reviewer.name;
		env['E2E_PASSWORD'] = options.reviewer.password;
	}
	const child = spawn(process.execPath, [join(ROOT, 'tests/e2e/start-server.js')], {
		cwd: ROOT,
		env,
		stdio: ['ignore', 'ignore', 'inherit']
	});
	const exited = new Promise<NodeJS.Signals | null>((resolve) =>
		child.once('exit', (_code, signal) => resolve(signal))
	);
	const url = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + 90_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`the test server exited with ${child.exitCode}`);
		try {
			if ((await fetch(url)).ok) return { url, port, dataDir, process: child, exited };
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	child.kill('SIGKILL');
	throw new Error(`the test server did not answer on ${url} within 90 s (run \`npm run build\` first)`);
}

/** Stop the server (SIGTERM, SIGKILL after 10 s) and, unless `keepData`, delete its data directory. */
export async function stopServer(server: TestServer, { keepData = false } = {}): Promise<void> {
	if (server.process.exitCode === null && server.process.signalCode === null) {
		server.process.kill('SIGTERM');
		const timer = setTimeout(() => server.process.kill('SIGKILL'), 10_000);
		await server.exited;
		clearTimeout(timer);
	}
	if (!keepData) rmSync(server.dataDir, { recursive: true, force: true });
}

/** Sign in through the login form's action over plain HTTP; returns the session cookie (`name=value`). */
export async function signInOverHttp(origin: string, username: string, password: string): Promise<string> {
	const response = await fetch(`${origin}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ username, password, next: '/' })
	});
	const cookie = response.headers.getSetCookie().find((c) => c.startsWith('review_session='));
	if (!cookie) throw new Error(`sign-in failed: ${response.status}`);
	return cookie.split(';')[0]!;
}

/** A save of one segment's English through the review page's `save` action over plain HTTP, as its script sends it. */
export interface HttpSave {
	slug: string;
	segmentId: string;
	en: string;
	/** The version the save starts from (the last acknowledged one). */
	baseVersion: number;
}

/**
 * Send `save`: acknowledged when the server answered a 2xx `success`, otherwise refused with what it answered. A
 * failed request (the server killed, the connection reset) throws.
 */
export async function saveOverHttp(
	origin: string,
	cookie: string,
	save: HttpSave
): Promise<{ acknowledged: true } | { acknowledged: false; refusal: string }> {
	const body = new FormData();
	body.set('segmentId', save.segmentId);
	body.set('en', save.en);
	body.set('status', 'translated');
	body.set('baseVersion', String(save.baseVersion));
	const response = await fetch(`${origin}/articles/${save.slug}/review?/save`, {
		method: 'POST',
		headers: { cookie, origin, accept: 'application/json', 'x-sveltekit-action': 'true' },
		body
	});
	const result = (await response.json()) as { type: string };
	return response.ok && result.type === 'success'
		? { acknowledged: true }
		: { acknowledged: false, refusal: `${response.status} ${JSON.stringify(result)}` };
}
