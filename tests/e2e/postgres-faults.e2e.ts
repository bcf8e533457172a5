/**
 * Faults of a deployment on PostgreSQL:
 * - the database unreachable at start: one clear line and a non-zero exit, no stack trace;
 * - the database restarted while the app runs: requests answer 503 with a message, then the app recovers by itself;
 * - `kill -9` of one of two instances during a burst of saves: no acknowledged save is lost, and the other instance
 *   keeps serving.
 * The restart test stops and starts a cluster of its own (scripts/pg-throwaway.sh); the others use the server at
 * TEST_DATABASE_URL. Without PostgreSQL (no TEST_DATABASE_URL) those two are skipped and say so.
 */
import { expect, test } from '@playwright/test';
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SLUG } from './content';
import { PASSWORD, REVIEWER } from './reviewer';
import { freePort, saveOverHttp, signInOverHttp, startServer, stopServer, type TestServer } from './server';
import { createTestDatabase, testServerUrl } from '../../src/lib/server/db/testing';
import { openPostgres } from '../../src/lib/server/db/index';
import { segmentHistory } from '../../src/lib/server/review/store';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLUSTER_SCRIPT = join(ROOT, 'scripts/pg-throwaway.sh');
const SKIP_REASON = 'PostgreSQL half skipped: TEST_DATABASE_URL is not set (.ci/run starts a cluster)';

const signIn = (origin: string) => signInOverHttp(origin, REVIEWER, PASSWORD);

test('PostgreSQL unreachable at start: one clear line and a non-zero exit', async () => {
	test.setTimeout(120_000);
	const closed = await freePort();
	const child = spawn(process.execPath, [join(ROOT, 'scripts/serve.js')], {
		cwd: ROOT,
		env: {
			...process.env,
			PORT: String(await freePort()),
			HOST: '127.0.0.1',
			DATABASE_URL: `postgres://reader@127.0.0.1:${closed}/reader`
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let stderr = '';
	child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
	const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
	expect(code).toBe(1);
	expect(stderr).toContain(
		`Cannot start: cannot open the database: connect ECONNREFUSED 127.0.0.1:${closed}`
	);
	expect(stderr).not.toMatch(/^\s+at /m);
	expect(stderr.trim().split('\n')).toHaveLength(1);
});

test('PostgreSQL restarted while the app runs: 503 with a message, then recovery without a restart', async ({
	page
}) => {
	test.skip(!testServerUrl(), SKIP_REASON);
	test.setTimeout(240_000);
	const parent = mkdtempSync(join(tmpdir(), 'pg-fault-'));
	// The server runs as the `postgres` user when the tests run as root: it must reach its folder.
	chmodSync(parent, 0o755);
	const dir = join(parent, 'cluster');
	const cluster = (command: string) =>
		execFileSync(CLUSTER_SCRIPT, [command, dir], {
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'inherit']
		}).trim();
	const url = cluster('start');
	let server: TestServer | undefined;
	try {
		server = await startServer({
			env: { DATABASE_URL: url },
			reviewer: { name: REVIEWER, password: PASSWORD }
		});
		const origin = server.url;
		const cookie = await signIn(origin);
		const review = () =>
			fetch(`${origin}/articles/${SLUG}/review`, { headers: { cookie }, redirect: 'manual' });
		expect((await fetch(`${origin}/readyz`)).status).toBe(200);
		expect((await review()).status).toBe(200);

		cluster('halt');
		const ready = await fetch(`${origin}/readyz`);
		expect(ready.status).toBe(503);
		const down = await review();
		expect(down.status).toBe(503);
		expect(down.headers.get('retry-after')).toBe('5');
		expect(await down.text()).toContain('The database is not answering just now.');
		// A reviewer in the browser gets the message too, not a blank page.
		const at = cookie.indexOf('=');
		await page
			.context()
			.addCookies([{ name: cookie.slice(0, at), value: cookie.slice(at + 1), url: origin }]);
		const response = await page.goto(`${origin}/articles/${SLUG}/review`);
		expect(response?.status()).toBe(503);
		await expect(page.getByText('The database is not answering just now.')).toBeVisible();
		// The process is still up: the liveness probe answers.
		expect((await fetch(`${origin}/healthz`)).status).toBe(200);

		cluster('resume');
		await expect.poll(async () => (await fetch(`${origin}/readyz`)).status, { timeout: 60_000 }).toBe(200);
		await expect.poll(async () => (await review()).status, { timeout: 60_000 }).toBe(200);
		// Same process, same session: nothing was restarted but the database.
		expect(server.process.exitCode).toBeNull();
		await page.goto(`${origin}/articles/${SLUG}`);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	} finally {
		if (server) await stopServer(server);
		cluster('stop');
		rmSync(join(dir, '..'), { recursive: true, force: true });
	}
});

test('kill -9 of one of two instances during a burst of saves: no acknowledged save lost, the other serves on', async () => {
	test.skip(!testServerUrl(), SKIP_REASON);
	test.setTimeout(240_000);
	const database = await createTestDatabase();
	const servers: TestServer[] = [];
	try {
		servers.push(
			await startServer({
				env: { DATABASE_URL: database.url },
				reviewer: { name: REVIEWER, password: PASSWORD }
			})
		);
		servers.push(await startServer({ env: { DATABASE_URL: database.url } }));
		const [doomed, survivor] = servers as [TestServer, TestServer];
		const cookie = await signIn(doomed.url);
		const acks: { segmentId: string; version: number; en: string; via: string }[] = [];
		let killed = false;
		let stop = false;

		// One writer per segment; two segments through each instance. A save is acknowledged when its response is a
		// 2xx `success`. Versions come from the last acknowledged save, so a save lost in the kill shows as a gap.
		const writer = async (segmentId: string, server: TestServer) => {
			let version = 0;
			for (let i = 0; !stop && !(killed && server === doomed); i++) {
				const en = `${segmentId} save ${i} through ${server === doomed ? 'the killed' : 'the surviving'} instance`;
				try {
					const saved = await saveOverHttp(server.url, cookie, {
						slug: SLUG,
						segmentId,
						en,
						baseVersion: version
					});
					if (saved.acknowledged) {
						version++;
						acks.push({ segmentId, version, en, via: server.url });
					} else if (!(killed && server === doomed)) {
						throw new Error(`save refused: ${saved.refusal}`);
					}
				} catch (error) {
					if (!(killed && server === doomed)) throw error;
				}
			}
		};
		const writers = [
			writer('p1-1', doomed),
			writer('p3-1', doomed),
			writer('p3-2', survivor),
			writer('p4-1', survivor)
		];
		await expect.poll(() => acks.length, { timeout: 90_000, intervals: [20] }).toBeGreaterThanOrEqual(120);
		killed = true;
		doomed.process.kill('SIGKILL');
		expect(await doomed.exited).toBe('SIGKILL');
		// The survivor keeps acknowledging saves after the kill.
		const atKill = acks.filter((x) => x.via === survivor.url).length;
		await expect
			.poll(() => acks.filter((x) => x.via === survivor.url).length, { timeout: 90_000, intervals: [20] })
			.toBeGreaterThanOrEqual(atKill + 40);
		stop = true;
		await Promise.all(writers);

		const db = await openPostgres(database.url);
		try {
			for (const segmentId of ['p1-1', 'p3-1', 'p3-2', 'p4-1']) {
				const history = await segmentHistory({ slug: SLUG, segmentId }, db);
				const byVersion = new Map(history.map((h) => [h.version, h.newEn]));
				const mine = acks.filter((x) => x.segmentId === segmentId);
				expect(mine.length).toBeGreaterThan(0);
				for (const ack of mine) expect(byVersion.get(ack.version)).toBe(ack.en);
				expect(history.map((h) => h.version)).toEqual(history.map((_, i) => i + 1));
				// At most the one save in flight at the kill beyond those acknowledged.
				expect(history.length - mine.length).toBeGreaterThanOrEqual(0);
				expect(history.length - mine.length).toBeLessThanOrEqual(1);
			}
		} finally {
			await db.close();
		}
		// And the survivor still serves readers and reviewers.
		expect((await fetch(`${survivor.url}/articles/${SLUG}`)).status).toBe(200);
		expect((await fetch(`${survivor.url}/readyz`)).status).toBe(200);
	} finally {
		for (const server of servers) await stopServer(server);
		await database.drop();
	}
});
