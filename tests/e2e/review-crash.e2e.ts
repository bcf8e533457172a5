/**
 * The SIGKILL test over HTTP: a burst of saves through the real `save` form action of the production server,
 * killed with SIGKILL mid-burst and restarted on the same DATA_DIR. A save counts as acknowledged only when its
 * response came back 2xx with a `success` result; every acknowledged save must be in the history afterwards.
 */
import { expect, test } from '@playwright/test';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../src/lib/server/db/index';
import { segmentHistory } from '../../src/lib/server/review/store';
import { SLUG } from './content';
import { freePort, freshDataDir, saveOverHttp, signInOverHttp, startServer, type TestServer } from './server';

const SEGMENTS = ['p1-1', 'p2-1', 'p3-1', 'p3-2'];
const USER = 'crash-tester';
const PASS = 'crash tester passphrase';
/** The server's origin; it is restarted on the same port, so the origin and the session cookie stay valid. */
let ORIGIN = '';

const signIn = () => signInOverHttp(ORIGIN, USER, PASS);

test('SIGKILL during a burst of saves over HTTP: every acknowledged save survives a restart', async () => {
	test.setTimeout(240_000);
	const dataDir = freshDataDir();
	const port = await freePort();
	let server: TestServer = await startServer({
		dataDir,
		port,
		reviewer: { name: USER, password: PASS }
	});
	ORIGIN = server.url;
	try {
		const cookie = await signIn();
		const acks: { segmentId: string; version: number; en: string }[] = [];
		let killed = false;

		// One writer per segment, so each save's version is its base + 1; several segments keep saves in flight.
		const writer = async (segmentId: string) => {
			let version = 0;
			for (let i = 0; !killed; i++) {
				const en = `${segmentId} burst save ${i}`;
				try {
					const saved = await saveOverHttp(ORIGIN, cookie, {
						slug: SLUG,
						segmentId,
						en,
						baseVersion: version
					});
					if (saved.acknowledged) {
						version++;
						acks.push({ segmentId, version, en });
					} else if (!killed) {
						throw new Error(`save refused: ${saved.refusal}`);
					}
				} catch (error) {
					if (!killed) throw error;
				}
			}
		};
		const writers = SEGMENTS.map(writer);
		await expect.poll(() => acks.length, { timeout: 60_000, intervals: [20] }).toBeGreaterThanOrEqual(200);
		killed = true;
		server.process.kill('SIGKILL');
		expect(await server.exited).toBe('SIGKILL');
		await Promise.all(writers);
		const acknowledged = [...acks];

		server = await startServer({ dataDir, port });
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
		server.process.kill('SIGKILL');
		await server.exited;
		rmSync(dataDir, { recursive: true, force: true });
	}
});
