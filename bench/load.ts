/**
 * Load on loopback for the page benches: GET one address over many kept-alive connections for a while, and report
 * pages per second, latency percentiles, errors and timeouts.
 *
 * The load generator shares the machine's two cores with the server, so it must cost much less per request than
 * the server does, or the figure measures the generator. autocannon (JavaScript, in the bench's own process) peaked
 * near 1,700 responses/s of the 29 KB gzipped reader page here, even against a bare Node server that only writes
 * those bytes; wrk (C, one thread) drives the same bare server past 19,000/s. So wrk is used when it is installed
 * (Debian's `wrk` package), and autocannon otherwise, and the figures say which one produced them.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import type { AutocannonResult } from './lib';

export interface LoadOptions {
	url: string;
	connections: number;
	durationS: number;
	/** A request taking longer than this counts as timed out. */
	timeoutS: number;
	headers: Record<string, string>;
}

export interface LoadResult {
	/** Responses per second over the run. */
	perSecond: number;
	total: number;
	p50Ms: number;
	p99Ms: number;
	/** Connection, read and write errors. */
	errors: number;
	timeouts: number;
	/** Responses with a status other than 2xx (and 3xx for wrk). */
	non2xx: number;
}

export type Generator = 'wrk' | 'autocannon';

/** wrk when it is on the PATH, otherwise autocannon. */
export function loadGenerator(): Generator {
	return spawnSync('wrk', ['-v'], { stdio: 'ignore' }).error ? 'autocannon' : 'wrk';
}

/** What wrk's summary is reduced to, printed as one JSON line by its `done` hook. */
const WRK_REPORT = `
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('{"requests":%d,"durationUs":%d,"p50Us":%d,"p99Us":%d,"errors":%d,"timeouts":%d,"status":%d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.connect + e.read + e.write, e.timeout, e.status))
end
`;

async function wrk(options: LoadOptions): Promise<LoadResult> {
	const dir = mkdtempSync(join(tmpdir(), 'reader-bench-wrk-'));
	const script = join(dir, 'report.lua');
	writeFileSync(script, WRK_REPORT);
	const args = [
		'-t1',
		`-c${options.connections}`,
		`-d${options.durationS}s`,
		`--timeout`,
		`${options.timeoutS}s`,
		'-s',
		script,
		...Object.entries(options.headers).flatMap(([name, value]) => ['-H', `${name}: ${value}`]),
		options.url
	];
	try {
		const output = await new Promise<string>((resolve, reject) => {
			const child = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'inherit'] });
			let out = '';
			child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
			child.once('error', reject);
			child.once('exit', (code) =>
				code === 0 ? resolve(out) : reject(new Error(`wrk exited with ${code}: ${out}`))
			);
		});
		const line = output.split('\n').find((l) => l.startsWith('{"requests"'));
		if (!line) throw new Error(`wrk printed no report: ${output}`);
		const r = JSON.parse(line) as {
			requests: number;
			durationUs: number;
			p50Us: number;
			p99Us: number;
			errors: number;
			timeouts: number;
			status: number;
		};
		return {
			perSecond: r.requests / (r.durationUs / 1e6),
			total: r.requests,
			p50Ms: r.p50Us / 1000,
			p99Ms: r.p99Us / 1000,
			errors: r.errors,
			timeouts: r.timeouts,
			non2xx: r.status
		};
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

async function byAutocannon(options: LoadOptions): Promise<LoadResult> {
	const r = (await autocannon({
		url: options.url,
		connections: options.connections,
		duration: options.durationS,
		timeout: options.timeoutS,
		headers: options.headers
	})) as unknown as AutocannonResult;
	return {
		perSecond: r.requests.average,
		total: r.requests.total,
		p50Ms: r.latency.p50,
		p99Ms: r.latency.p99,
		errors: r.errors,
		timeouts: r.timeouts,
		non2xx: r.non2xx
	};
}

/** Put `options`' load on its address with `generator` and report what came back. */
export function load(generator: Generator, options: LoadOptions): Promise<LoadResult> {
	return generator === 'wrk' ? wrk(options) : byAutocannon(options);
}

/** How a run was made, for the line above its table. */
export function generatorNote(generator: Generator): string {
	return generator === 'wrk'
		? 'wrk, one thread, on the same cores'
		: 'autocannon in the bench’s own process on the same cores: install wrk (apt-get install wrk) for figures the generator does not cap';
}
