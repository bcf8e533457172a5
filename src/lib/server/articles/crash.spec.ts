import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { SqliteDb } from '../db/index';
import { tempDataDir } from '../db/testing';
import { articleSegments } from '$lib/content/walk';
import { previewText } from './import';
import { previewToArticle } from '$lib/articles/preview';
import { readFileSync } from 'node:fs';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const SEED = fileURLToPath(new URL('../../import/testdata/beilun-seed.txt', import.meta.url));

let temp: ReturnType<typeof tempDataDir>;
/** The environment that points a child process at this test's database. */
let tempEnv: Record<string, string>;
beforeEach(async () => {
	temp = tempDataDir('articles-crash-');
	tempEnv = await temp.env();
});
afterEach(async () => {
	await temp.cleanup();
});

describe('a process killed in the middle of importing', () => {
	it('leaves every confirmed article whole, every other import a preview, and nothing half-saved', async () => {
		const db = await temp.open();
		await db.run(
			db.kysely.insertInto('reviewers').values({
				username: 'erin',
				password_hash: '-',
				created_at: db.nowIso(),
				password_updated_at: db.nowIso(),
				role: 'editor'
			})
		);
		const child = spawn(
			process.execPath,
			['scripts/run-ts.mjs', 'src/lib/server/articles/testing/import-burst.ts', SEED, '1', '100000', 'k'],
			{ cwd: ROOT, env: { ...process.env, ...tempEnv }, stdio: ['ignore', 'pipe', 'pipe'] }
		);
		const acks: { slug: string; importId: string }[] = [];
		let pending = '';
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
			const lines = (pending + chunk).split('\n');
			pending = lines.pop() ?? '';
			for (const line of lines) if (line) acks.push(JSON.parse(line));
		});
		const closed = new Promise<NodeJS.Signals | null>((resolve) =>
			child.on('close', (_code, signal) => resolve(signal))
		);
		await new Promise<void>((resolve, reject) => {
			const timer = setInterval(() => {
				if (acks.length >= 15) {
					clearInterval(timer);
					resolve();
				}
			}, 2);
			child.on('exit', () => reject(new Error('import-burst exited before it was killed')));
		});
		child.kill('SIGKILL');
		expect(await closed).toBe('SIGKILL');
		await db.close();

		const reopened = await temp.open();
		if (reopened instanceof SqliteDb)
			expect(reopened.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
		const stored = await reopened.all(reopened.kysely.selectFrom('articles').select(['slug', 'document']));
		const previews = await reopened.all(
			reopened.kysely.selectFrom('article_imports').select(['id', 'state'])
		);
		// Every acknowledged import is a whole article, and its preview is gone with the same commit.
		const read = previewText(readFileSync(SEED, 'utf8'), undefined);
		if (!read.ok) throw new Error('the seed text should read');
		const whole = articleSegments(previewToArticle(read.preview)).map((s) => s.zh);
		const bySlug = new Map(stored.map((row) => [row.slug, JSON.parse(row.document) as unknown]));
		for (const ack of acks) {
			const doc = bySlug.get(ack.slug) as Parameters<typeof articleSegments>[0] | undefined;
			expect(doc && articleSegments(doc).map((s) => s.zh)).toEqual(whole);
			expect(previews.some((p) => p.id === ack.importId)).toBe(false);
		}
		// At most the one import in flight at the kill went further than its acknowledgement: saved whole, or
		// still a preview the editor can confirm again (never both, never a part).
		expect(stored.length - acks.length).toBeGreaterThanOrEqual(0);
		expect(stored.length - acks.length).toBeLessThanOrEqual(1);
		expect(previews.length).toBeLessThanOrEqual(1);
		expect(stored.length + previews.length - acks.length).toBeLessThanOrEqual(1);
		for (const doc of bySlug.values())
			expect(articleSegments(doc as Parameters<typeof articleSegments>[0]).map((s) => s.zh)).toEqual(whole);
	}, 90_000);
});
