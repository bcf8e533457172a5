/**
 * Reader pages per second on loopback: 200 connections for 10 s against the production server's reader page of
 * the seed article, for a visitor who is not signed in (the page kept in memory after its first render), with
 * the 99th-percentile latency, errors and timeouts (autocannon). Figures only.
 */
import autocannon from 'autocannon';
import { table, type AutocannonResult } from './lib';

const CONNECTIONS = 200;
const DURATION_S = 10;

export async function benchThroughput(url: string, slug: string): Promise<void> {
	const page = `${url}/articles/${slug}`;
	await fetch(page);
	const result = (await autocannon({
		url: page,
		connections: CONNECTIONS,
		duration: DURATION_S,
		timeout: 10,
		// As browsers ask: the page comes gzipped.
		headers: { 'accept-encoding': 'gzip, deflate, br' }
	})) as unknown as AutocannonResult;
	console.log(
		`\nReader page throughput: ${CONNECTIONS} connections for ${DURATION_S} s on loopback, one instance (goal 2,000 pages/s, p99 under 50 ms, no timeouts)`
	);
	table([
		['pages/s (mean)', 'pages', 'p50 ms', 'p99 ms', 'errors', 'timeouts', 'non-2xx'],
		[
			result.requests.average.toFixed(0),
			result.requests.total,
			result.latency.p50,
			result.latency.p99,
			result.errors,
			result.timeouts,
			result.non2xx
		]
	]);
}
