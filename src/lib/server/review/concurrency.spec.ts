import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { tempDataDir } from '../db/testing';
import { SqliteDb, type Db } from '../db/index';
import { getSegmentState, saveSegment, segmentHistory } from './index';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const key = { slug: 'beilun-liucu-liuyou', segmentId: 'p1-s1' };

let temp: ReturnType<typeof tempDataDir>;
/** The environment that points a child process at this test's database. */
let tempEnv: Record<string, string>;
let a: Db;
let b: Db;
beforeEach(async () => {
	temp = tempDataDir('review-concurrency-');
	tempEnv = await temp.env();
	a = await temp.open();
	b = await temp.open();
	// Reviewers inserted directly: these tests are about saves, not password hashing.
	for (const username of ['ann', 'bo']) {
		await a.run(
			a.kysely
				.insertInto('reviewers')
				.values({ username, password_hash: '-', created_at: a.nowIso(), password_updated_at: a.nowIso() })
		);
	}
});
afterEach(async () => {
	await temp.cleanup();
});

/** The history is one unbroken chain: versions 1..n, each save's old text is the previous save's new text. */
async function expectUnbrokenChain(db: Db, n: number) {
	const history = await segmentHistory(key, db);
	expect(history.map((h) => h.version)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
	history.forEach((h, i) => expect(h.oldEn).toBe(i === 0 ? null : history[i - 1]?.newEn));
	const state = await getSegmentState(key, db);
	expect(state.version).toBe(n);
	expect(state.en).toBe(history.at(-1)?.newEn);
	return history;
}

describe('two connections to one file', () => {
	it('same base at the same moment: exactly one save wins, the other gets a conflict', async () => {
		const results = await Promise.all([
			saveSegment(
				{ ...key, en: 'from connection A', status: 'translated', baseVersion: 0, reviewerId: 1 },
				a
			),
			saveSegment({ ...key, en: 'from connection B', status: 'translated', baseVersion: 0, reviewerId: 2 }, b)
		]);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		const refused = results.find((r) => !r.ok);
		const winner = results.find((r) => r.ok);
		expect(refused && !refused.ok && refused.conflict.theirs.en).toBe(winner?.ok && winner.state.en);
		await expectUnbrokenChain(b, 1);
	});

	it('interleaved read-modify-save loops on both connections lose no update', async () => {
		const loop = async (db: Db, reviewerId: number, tag: string) => {
			let conflicts = 0;
			for (let i = 0; i < 40; i++) {
				for (;;) {
					const { version } = await getSegmentState(key, db);
					await new Promise((r) => setImmediate(r)); // let the other connection get in between read and save
					const result = await saveSegment(
						{ ...key, en: `${tag} ${i}`, status: 'translated', baseVersion: version, reviewerId },
						db
					);
					if (result.ok) break;
					conflicts++;
				}
			}
			return conflicts;
		};
		const conflicts = await Promise.all([loop(a, 1, 'A'), loop(b, 2, 'B')]);
		expect(conflicts[0] + conflicts[1]).toBeGreaterThan(0); // the race really happened
		const history = await expectUnbrokenChain(a, 80);
		expect(history.filter((h) => h.newEn.startsWith('A'))).toHaveLength(40);
	});
});

function burst(args: string[]): ChildProcess & { acks: Array<{ version: number; en: string }> } {
	const child = spawn(
		process.execPath,
		['scripts/run-ts.mjs', 'src/lib/server/review/testing/save-burst.ts', ...args],
		{
			cwd: ROOT,
			env: { ...process.env, ...tempEnv },
			stdio: ['ignore', 'pipe', 'pipe']
		}
	);
	const acks: Array<{ version: number; en: string }> = [];
	let pending = '';
	child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
		pending += chunk;
		const lines = pending.split('\n');
		pending = lines.pop() ?? '';
		for (const line of lines) if (line) acks.push(JSON.parse(line));
	});
	return Object.assign(child, { acks });
}

const exited = (child: ChildProcess) =>
	// 'close', not 'exit': wait until stdout is drained so no acknowledgement line is missed.
	new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
		child.on('close', (code, signal) => resolve({ code, signal }))
	);

describe('two processes', () => {
	it('race on one segment without losing or duplicating a save', async () => {
		const one = burst([key.slug, key.segmentId, '1', '60', 'P1']);
		const two = burst([key.slug, key.segmentId, '2', '60', 'P2']);
		expect(await Promise.all([exited(one), exited(two)])).toEqual([
			{ code: 0, signal: null },
			{ code: 0, signal: null }
		]);
		const history = await expectUnbrokenChain(a, 120);
		// Every acknowledged save is in the history under the version it was acknowledged with.
		const byVersion = new Map(history.map((h) => [h.version, h.newEn]));
		expect(one.acks.length + two.acks.length).toBe(history.length);
		for (const ack of [...one.acks, ...two.acks]) expect(byVersion.get(ack.version)).toBe(ack.en);
	}, 60_000);

	it('SIGKILL in the middle of a burst: every acknowledged save survives and the file is intact', async () => {
		const child = burst([key.slug, key.segmentId, '1', '100000', 'K']);
		await new Promise<void>((resolve, reject) => {
			const timer = setInterval(() => {
				if (child.acks.length >= 200) {
					clearInterval(timer);
					resolve();
				}
			}, 5);
			child.on('exit', () => reject(new Error('save-burst exited before it was killed')));
		});
		child.kill('SIGKILL');
		expect((await exited(child)).signal).toBe('SIGKILL');

		await a.close();
		await b.close();
		const reopened = await temp.open();
		if (reopened instanceof SqliteDb)
			expect(reopened.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
		const history = await segmentHistory(key, reopened);
		const byVersion = new Map(history.map((h) => [h.version, h.newEn]));
		for (const ack of child.acks) expect(byVersion.get(ack.version)).toBe(ack.en);
		// At most the one save in flight at the kill was committed without being acknowledged.
		expect(history.length - child.acks.length).toBeGreaterThanOrEqual(0);
		expect(history.length - child.acks.length).toBeLessThanOrEqual(1);
		await expectUnbrokenChain(reopened, history.length);
	}, 60_000);
});
