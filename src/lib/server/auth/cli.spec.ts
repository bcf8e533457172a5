import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { tempDataDir } from '../db/testing';
import { login, validateSession } from './index';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** Run `npm run reviewer:add -- …args` as the npm script does (node scripts/run-ts.mjs scripts/reviewer-add.ts). */
function reviewerAdd(
	args: string[],
	{ env = {}, stdin = '' }: { env?: Record<string, string>; stdin?: string }
) {
	return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
		const { REVIEWER_PASSWORD: _ignored, ...inherited } = process.env;
		const child = spawn(process.execPath, ['scripts/run-ts.mjs', 'scripts/reviewer-add.ts', ...args], {
			cwd: ROOT,
			env: { ...inherited, ...env },
			stdio: ['pipe', 'pipe', 'pipe']
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d: Buffer) => (stdout += d));
		child.stderr.on('data', (d: Buffer) => (stderr += d));
		child.on('error', reject);
		child.on('close', (code) => resolve({ code, stdout, stderr }));
		child.stdin.end(stdin);
	});
}

let temp: ReturnType<typeof tempDataDir>;
beforeEach(() => {
	temp = tempDataDir('review-cli-');
});
afterEach(async () => {
	await temp.cleanup();
});

describe('npm run reviewer:add', () => {
	it('creates a reviewer from a piped password who can then sign in', async () => {
		const run = await reviewerAdd(['Alice'], {
			env: await temp.env(),
			stdin: 'a long enough passphrase\n'
		});
		expect(run.stderr).toBe('');
		expect(run.code).toBe(0);
		expect(run.stdout).toContain('Added reviewer "alice" (id 1)');
		expect(run.stdout).not.toContain('passphrase');

		const db = await temp.open();
		const result = await login(
			{ username: 'alice', password: 'a long enough passphrase', ip: '127.0.0.1' },
			db
		);
		expect(result.ok).toBe(true);
		if (result.ok) expect((await validateSession(result.token, db))?.reviewer.username).toBe('alice');
	}, 60_000);

	it('takes REVIEWER_PASSWORD, refuses a taken name or a weak password, and resets with --reset-password', async () => {
		const env = { ...(await temp.env()), REVIEWER_PASSWORD: 'first passphrase here' };
		expect((await reviewerAdd(['bob'], { env })).code).toBe(0);
		const again = await reviewerAdd(['bob'], { env });
		expect(again.code).toBe(1);
		expect(again.stderr).toContain('reviewer "bob" already exists');
		const weak = await reviewerAdd(['carol'], { env: { ...(await temp.env()), REVIEWER_PASSWORD: 'short' } });
		expect(weak.code).toBe(1);
		expect(weak.stderr).toContain('at least 10 characters');
		// Long enough but guessed at once: refused with zxcvbn's reason.
		for (const guessable of ['password12', ' '.repeat(10)]) {
			const refused = await reviewerAdd(['carol'], {
				env: { ...(await temp.env()), REVIEWER_PASSWORD: guessable }
			});
			expect(refused.code).toBe(1);
			expect(refused.stderr).toMatch(/password is too weak \(strength [0-2] of 4, at least 3 needed\): \S/);
		}
		expect((await reviewerAdd([], { env })).code).toBe(2);

		const reset = await reviewerAdd(['bob', '--reset-password'], {
			env: { ...(await temp.env()), REVIEWER_PASSWORD: 'second passphrase here' }
		});
		expect(reset.code).toBe(0);
		const db = await temp.open();
		expect(await login({ username: 'bob', password: 'first passphrase here' }, db)).toMatchObject({
			ok: false
		});
		expect(await login({ username: 'bob', password: 'second passphrase here' }, db)).toMatchObject({
			ok: true
		});
	}, 60_000);

	it('gives an account a role with --role, changes it with --set-role, and refuses an unknown role', async () => {
		const env = { ...(await temp.env()), REVIEWER_PASSWORD: 'a passphrase for editors' };
		const added = await reviewerAdd(['erin', '--role', 'editor'], { env });
		expect(added.stderr).toBe('');
		expect(added.stdout).toContain('Added editor "erin"');
		const bad = await reviewerAdd(['tom', '--role', 'admin'], { env });
		expect(bad.code).toBe(1);
		expect(bad.stderr).toContain('role must be one of translator, reviewer, editor (not "admin")');
		expect((await reviewerAdd(['tom'], { env })).code).toBe(0);
		const changed = await reviewerAdd(['tom', '--set-role', 'translator'], {
			env: { ...(await temp.env()) }
		});
		expect(changed.stdout).toContain('"tom" (id 2) is now a translator');
		expect((await reviewerAdd(['nobody', '--set-role', 'editor'], { env })).stderr).toContain(
			'no account "nobody"'
		);
		const db = await temp.open();
		const tom = await login({ username: 'tom', password: 'a passphrase for editors' }, db);
		expect(tom.ok && (await validateSession(tom.token, db))?.reviewer.role).toBe('translator');
		const erin = await login({ username: 'erin', password: 'a passphrase for editors' }, db);
		expect(erin.ok && (await validateSession(erin.token, db))?.reviewer.role).toBe('editor');
	}, 60_000);
});
