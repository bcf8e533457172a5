/**
 * Running past one machine, on PostgreSQL: saves per second through the form action, and reader pages per second
 * with one instance and with two instances on one database (as behind a load balancer), on loopback. The database
 * is TEST_DATABASE_URL's server when set, otherwise a throwaway cluster this bench starts and deletes
 * (scripts/pg-throwaway.sh); without PostgreSQL the part says it was skipped. Figures only.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onServer } from '$lib/server/db/testing';
import { ROOT, startServer, table, type BenchServer } from './lib';
import { generatorNote, load, loadGenerator, type LoadResult } from './load';
import { benchSaves, printSaves, saveBenchSegments } from './review';

const CONNECTIONS = 200;
const DURATION_S = 10;

/** A PostgreSQL server for the bench: TEST_DATABASE_URL's, or a throwaway cluster. */
function postgresServer(): { url: string; stop: () => void } | undefined {
	if (process.env.TEST_DATABASE_URL) return { url: process.env.TEST_DATABASE_URL, stop: () => undefined };
	const parent = mkdtempSync(join(tmpdir(), 'reader-bench-pg-'));
	// The server runs as the `postgres` user when the bench runs as root: it must reach its folder.
	chmodSync(parent, 0o755);
	const dir = join(parent, 'cluster');
	const script = join(ROOT, 'scripts/pg-throwaway.sh');
	try {
		const url = execFileSync(script, ['start', dir], {
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'pipe']
		}).trim();
		return {
			url,
			stop: () => {
				execFileSync(script, ['stop', dir], { stdio: 'ignore' });
				rmSync(join(dir, '..'), { recursive: true, force: true });
			}
		};
	} catch (error) {
		rmSync(join(dir, '..'), { recursive: true, force: true });
		console.log(
			`\nPostgreSQL figures skipped: no PostgreSQL server (${(error as Error).message.split('\n')[0]})`
		);
		return undefined;
	}
}

/** Reader pages from all `servers` at once, `CONNECTIONS` connections shared between them. */
async function readerLoad(servers: BenchServer[], slug: string) {
	for (const s of servers) await fetch(`${s.url}/articles/${slug}`);
	const generator = loadGenerator();
	const results = await Promise.all(
		servers.map((s) =>
			load(generator, {
				url: `${s.url}/articles/${slug}`,
				connections: CONNECTIONS / servers.length,
				durationS: DURATION_S,
				timeoutS: 10,
				headers: { 'accept-encoding': 'gzip, deflate, br' }
			})
		)
	);
	const sum = (f: (r: LoadResult) => number) => results.reduce((n, r) => n + f(r), 0);
	return [
		`${servers.length}`,
		sum((r) => r.perSecond).toFixed(0),
		sum((r) => r.total),
		Math.max(...results.map((r) => r.p50Ms)).toFixed(1),
		Math.max(...results.map((r) => r.p99Ms)).toFixed(1),
		sum((r) => r.errors),
		sum((r) => r.timeouts),
		sum((r) => r.non2xx)
	];
}

export async function benchPostgres(slug: string, port: number): Promise<void> {
	const cluster = postgresServer();
	if (!cluster) return;
	const name = `bench_${process.pid}`;
	const url = new URL(cluster.url);
	url.pathname = `/${name}`;
	const servers: BenchServer[] = [];
	try {
		await onServer(`drop database if exists ${name} with (force)`, cluster.url);
		await onServer(`create database ${name}`, cluster.url);
		const env = { DATABASE_URL: url.toString() };
		servers.push(await startServer(port, env));
		const { result, saved, refused } = await benchSaves(servers[0]!, slug, saveBenchSegments(slug));
		printSaves('PostgreSQL 15 (one instance)', result, saved, refused);

		const rows: (string | number)[][] = [
			['instances', 'pages/s (mean)', 'pages', 'p50 ms', 'p99 ms', 'errors', 'timeouts', 'non-2xx']
		];
		rows.push(await readerLoad(servers, slug));
		servers.push(await startServer(port + 1, env));
		rows.push(await readerLoad(servers, slug));
		console.log(
			`\nReader pages on PostgreSQL: ${CONNECTIONS} connections for ${DURATION_S} s on loopback, one instance, then two on one database (connections split between them; p50/p99 of the slower); load from ${generatorNote(loadGenerator())}`
		);
		table(rows);
	} finally {
		for (const s of servers) {
			s.stop();
			rmSync(s.dataDir, { recursive: true, force: true });
		}
		await Promise.all(
			servers.map((s) =>
				s.process.exitCode !== null || s.process.signalCode !== null
					? Promise.resolve()
					: new Promise((done) => s.process.once('exit', done))
			)
		);
		await onServer(`drop database if exists ${name} with (force)`, cluster.url).catch(() => undefined);
		cluster.stop();
	}
}
