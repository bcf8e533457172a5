/**
 * Reader pages per second on loopback: 200 connections for 10 s against the production server's reader page of
 * the seed article, for a visitor who is not signed in (the page kept in memory after its first render), with
 * the 99th-percentile latency, errors and timeouts (autocannon); at the plain address (default settings) and at
 * the address of a reader's own settings (src/lib/reader/page-url.ts). Beside them, the server's CPU time per
 * page (from /proc, on Linux): on a shared machine the pages per second follow the load of everything else, the
 * CPU per page much less. Figures only.
 */
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { table, type AutocannonResult } from './lib';

const CONNECTIONS = 200;
const DURATION_S = 10;
/** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on Linux). */
const TICKS_PER_S = 100;

/** CPU seconds (user + system) the process has used so far, or undefined where /proc is not there. */
function cpuSeconds(pid: number | undefined): number | undefined {
	if (pid === undefined) return undefined;
	try {
		const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
		return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_S;
	} catch {
		return undefined;
	}
}

export async function benchThroughput(url: string, slug: string, serverPid?: number): Promise<void> {
	const rows: (string | number)[][] = [
		[
			'address',
			'pages/s (mean)',
			'pages',
			'p50 ms',
			'p99 ms',
			'errors',
			'timeouts',
			'non-2xx',
			'server CPU µs/page'
		]
	];
	for (const [name, path] of [
		['plain (default settings)', `/articles/${slug}`],
		['own settings (?view=zh&pinyin=hover&lang=en)', `/articles/${slug}?view=zh&pinyin=hover&lang=en`]
	] as const) {
		const page = `${url}${path}`;
		// Rendered and kept, then a short warm-up, so the figures are of pages served from memory.
		await fetch(page);
		await autocannon({ url: page, connections: 20, duration: 2, headers: { 'accept-encoding': 'gzip' } });
		const before = cpuSeconds(serverPid);
		const result = (await autocannon({
			url: page,
			connections: CONNECTIONS,
			duration: DURATION_S,
			timeout: 10,
			// As browsers ask: the page comes gzipped.
			headers: { 'accept-encoding': 'gzip, deflate, br' }
		})) as unknown as AutocannonResult;
		const after = cpuSeconds(serverPid);
		const cpu =
			before === undefined || after === undefined || !result.requests.total
				? 'n/a'
				: (((after - before) * 1e6) / result.requests.total).toFixed(0);
		rows.push([
			name,
			result.requests.average.toFixed(0),
			result.requests.total,
			result.latency.p50,
			result.latency.p99,
			result.errors,
			result.timeouts,
			result.non2xx,
			cpu
		]);
	}
	console.log(
		`\nReader page throughput: ${CONNECTIONS} connections for ${DURATION_S} s on loopback, one instance (goal 2,000 pages/s, p99 under 50 ms, no timeouts)`
	);
	table(rows);
}
