/**
 * The SIGKILL test over HTTP: a burst of saves through the real `save` form action of the production server,
 * killed with SIGKILL mid-burst and restarted on the same DATA_DIR. A save counts as acknowledged only when its
 * response came back 2xx with a `success` result; every acknowledged save must be in the history afterwards.
 */
import { expect, test } from '@playwright/test';
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../../src/lib/server/db/index';
import { segmentHistory } from '../../src/lib/server/review/store';
import { SLUG } from './content';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PORT = Number(process.env.E2E_CRASH_PORT ?? 4187);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const SEGMENTS = ['p1-1', 'p2-1', 'p3-1', 'p3-2'];
const USER = 'crash-tester';
const PASS = 'crash tester passphrase';

function startServer(dataDir: string): Promise<ChildProcess> {
	const child = spawn(process.execPath, [join(ROOT, 'scripts/serve.js')], {
		env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', DATA_DIR: dataDir },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	return (async () => {
		for (let i = 0; i < 200; i++) {
			if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
			try {
				if ((await fetch(ORIGIN)).ok) return child;
			} catch {
				// not up yet
			}
			await new Promise((r) => setTimeout(r, 100));
		}
		child.kill('SIGKILL');
		throw new Error('server did not start (run `npx vite build` first)');
	})();
}

const exited = (child: ChildProcess) =>
	new Promise<NodeJS.Signals | null>((resolve) =>
		child.exitCode !== null || child.signalCode !== null
			? resolve(child.signalCode)
			: child.on('exit', (_code, signal) => resolve(signal))
	);

async function signIn(): Promise<string> {
	const response = await fetch(`${ORIGIN}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ username: USER, password: PASS, next: '/' })
	});
	const cookie = response.headers.getSetCookie().find((c) => c.startsWith('review_session='));
	if (!cookie) throw new Error(`sign-in failed: ${response.status}`);
	return cookie.split(';')[0]!;
}

test('SIGKILL during a burst of saves over HTTP: every acknowledged save survives a restart', async () => {
	test.setTimeout(180_000);
	const dataDir = mkdtempSync(join(tmpdir(), 'reader-crash-'));
	execFileSync(process.execPath, ['scripts/run-ts.mjs', 'scripts/reviewer-add.ts', USER], {
		cwd: ROOT,
		env: { ...process.env, DATA_DIR: dataDir, REVIEWER_PASSWORD: PASS },
		stdio: 'ignore'
	});
	let server = await startServer(dataDir);
	try {
		const cookie = await signIn();
		const acks: { segmentId: string; version: number; en: string }[] = [];
		let killed = false;

		// One writer per segment, so each save's version is its base + 1; several segments keep saves in flight.
		const writer = async (segmentId: string) => {
			let version = 0;
			for (let i = 0; !killed; i++) {
				const en = `${segmentId} burst save ${i}`;
				const body = new FormData();
				body.set('segmentId', segmentId);
				body.set('en', en);
				body.set('status', 'translated');
				body.set('baseVersion', String(version));
				try {
					const response = await fetch(`${ORIGIN}/articles/${SLUG}/review?/save`, {
						method: 'POST',
						headers: { cookie, origin: ORIGIN, accept: 'application/json', 'x-sveltekit-action': 'true' },
						body
					});
					const result = (await response.json()) as { type: string };
					if (response.ok && result.type === 'success') {
						version++;
						acks.push({ segmentId, version, en });
					} else if (!killed) {
						throw new Error(`save refused: ${response.status} ${JSON.stringify(result)}`);
					}
				} catch (error) {
					if (!killed) throw error;
				}
			}
		};
		const writers = SEGMENTS.map(writer);
		await expect.poll(() => acks.length, { timeout: 60_000, intervals: [20] }).toBeGreaterThanOrEqual(200);
		killed = true;
		server.kill('SIGKILL');
		expect(await exited(server)).toBe('SIGKILL');
		await Promise.all(writers);
		const acknowledged = [...acks];

		server = await startServer(dataDir);
		// The session lives in the database: the same cookie still signs in after the crash.
		const page = await fetch(`${ORIGIN}/articles/${SLUG}/review`, {
			headers: { cookie },
			redirect: 'manual'
		});
		expect(page.status).toBe(200);

		const db = await openDatabase(join(dataDir, 'app.sqlite'));
		try {
			expect(db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
			for (const segmentId of SEGMENTS) {
				const history = await segmentHistory({ slug: SLUG, segmentId }, db);
				const byVersion = new Map(history.map((h) => [h.version, h.newEn]));
				const mine = acknowledged.filter((a) => a.segmentId === segmentId);
				for (const ack of mine) expect(byVersion.get(ack.version)).toBe(ack.en);
				// An unbroken chain, at most one save (in flight at the kill) beyond the acknowledged ones.
				expect(history.map((h) => h.version)).toEqual(history.map((_, i) => i + 1));
				expect(history.length - mine.length).toBeGreaterThanOrEqual(0);
				expect(history.length - mine.length).toBeLessThanOrEqual(1);
			}
			// And the restarted server serves the last saved English.
			const xlf = await (
				await fetch(`${ORIGIN}/articles/${SLUG}/review/export.xlf`, { headers: { cookie } })
			).text();
			for (const segmentId of SEGMENTS) {
				const last = (await segmentHistory({ slug: SLUG, segmentId }, db)).at(-1);
				expect(xlf).toContain(`<target>${last?.newEn}</target>`);
			}
		} finally {
			await db.close();
		}
	} finally {
		server.kill('SIGKILL');
		await exited(server);
		rmSync(dataDir, { recursive: true, force: true });
	}
});
