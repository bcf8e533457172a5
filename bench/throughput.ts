/**
 * Reader pages per second on loopback: 200 connections for 10 s against the production server's reader page of
 * the seed article, for a visitor who is not signed in (the page kept in memory after its first render), with
 * the 99th-percentile latency, errors and timeouts; at the plain address (default settings) and at the address of
 * a reader's own settings (src/lib/reader/page-url.ts). Beside them, the server's CPU time per page (from /proc, on
 * Linux): on a shared machine the pages per second follow the load of everything else, the CPU per page much less.
 *
 * A last row puts the same load on a bare Node HTTP server that only writes the same gzipped page from memory: the
 * most this machine, this load generator and Node's HTTP server allow, for scale. Figures only.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { table } from './lib';
import { generatorNote, load, loadGenerator, type LoadOptions } from './load';

const CONNECTIONS = 200;
const DURATION_S = 10;
/** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on Linux). */
const TICKS_PER_S = 100;
/** As browsers ask: the page comes gzipped. */
const HEADERS = { 'accept-encoding': 'gzip, deflate, br' };

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

/** One row of the table: `url` under the load, after a short warm-up, with the CPU `pid` spent per page. */
async function row(name: string, url: string, pid: number | undefined): Promise<(string | number)[]> {
	const generator = loadGenerator();
	const options: LoadOptions = {
		url,
		connections: CONNECTIONS,
		durationS: DURATION_S,
		timeoutS: 10,
		headers: HEADERS
	};
	await load(generator, { ...options, connections: 20, durationS: 2 });
	const before = cpuSeconds(pid);
	const result = await load(generator, options);
	const after = cpuSeconds(pid);
	const cpu =
		before === undefined || after === undefined || !result.total
			? 'n/a'
			: (((after - before) * 1e6) / result.total).toFixed(0);
	return [
		name,
		result.perSecond.toFixed(0),
		result.total,
		result.p50Ms.toFixed(1),
		result.p99Ms.toFixed(1),
		result.errors,
		result.timeouts,
		result.non2xx,
		cpu
	];
}

/** A bare HTTP server answering every request with `body` (gzipped) and `headers`, on a free loopback port. */
async function bareServer(body: Uint8Array, headers: Record<string, string>) {
	const server = createServer((_, res) => res.writeHead(200, headers).end(body));
	await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	return { url: `http://127.0.0.1:${port}/`, close: () => server.close() };
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
		// Rendered and kept, so the figures are of pages served from memory.
		await fetch(page);
		rows.push(await row(name, page, serverPid));
	}
	const page = await fetch(`${url}/articles/${slug}`);
	const kept = Object.fromEntries(page.headers);
	const body = gzipSync(new Uint8Array(await page.arrayBuffer()), { level: 6 });
	for (const name of ['content-length', 'transfer-encoding', 'date', 'connection', 'keep-alive'])
		delete kept[name];
	const bare = await bareServer(body, {
		...kept,
		'content-encoding': 'gzip',
		'content-length': String(body.byteLength)
	});
	try {
		// Its CPU is this process's, which with autocannon also generates the load.
		const pid = loadGenerator() === 'wrk' ? process.pid : undefined;
		rows.push(await row('for scale: a bare Node server writing the same bytes', bare.url, pid));
	} finally {
		bare.close();
	}
	console.log(
		`\nReader page throughput: ${CONNECTIONS} connections for ${DURATION_S} s on loopback, one instance (goal 2,000 pages/s, p99 under 50 ms, no timeouts); load from ${generatorNote(loadGenerator())}`
	);
	table(rows);
}
