/**
 * Review figures: QA over the whole seed article (in process, median of many runs; the aim is ≤ 50 ms), and saves
 * per second sustained through the real `save` form action of the production server on loopback, with autocannon.
 * Each connection saves a segment no other request has in flight, at that segment's current version, so every
 * save should succeed; refused saves (conflicts) and failed requests are counted as errors.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { parseArticle, parseGlossary, segmentsWithPaths } from '$lib/content/validate';
import { checkArticle, createQaContext } from '$lib/review/qa';
import { articleYear } from '$lib/review/workspace-model';
import { addReviewer } from '$lib/server/auth';
import { databaseTarget, openTarget, readStorageEnv } from '$lib/server/db';
import { ROOT, actionHeaders, median, signIn, table, type AutocannonResult, type BenchServer } from './lib';

const QA_RUNS = 50;
const CONNECTIONS = 8;
const DURATION_S = 10;

function benchQa(slug: string) {
	const read = (f: string) => readFileSync(join(ROOT, f), 'utf8');
	const article = parseArticle(`content/articles/${slug}.yaml`, read(`content/articles/${slug}.yaml`));
	const glossary = parseGlossary('content/glossary.yaml', read('content/glossary.yaml'));
	const segments = segmentsWithPaths(article).map((s) => s.segment);
	const year = articleYear(article);
	const build = performance.now();
	const ctx = createQaContext(glossary, year === undefined ? {} : { year });
	const buildMs = performance.now() - build;
	const times: number[] = [];
	let warnings = 0;
	for (let i = 0; i < QA_RUNS; i++) {
		const start = performance.now();
		warnings = checkArticle(segments, ctx).length;
		times.push(performance.now() - start);
	}
	return { segments: segments.length, warnings, buildMs, median: median(times), max: Math.max(...times) };
}

/** The segments the save bench writes: two per connection. */
export function saveBenchSegments(slug: string): string[] {
	const read = (f: string) => readFileSync(join(ROOT, f), 'utf8');
	const article = parseArticle(`content/articles/${slug}.yaml`, read(`content/articles/${slug}.yaml`));
	return segmentsWithPaths(article)
		.map((s) => s.segment.id)
		.slice(0, CONNECTIONS * 2);
}

/** Saves per second through the form action of `server`, on whichever database it runs. */
export async function benchSaves(server: BenchServer, slug: string, ids: string[]) {
	const username = 'bench';
	const password = 'bench reviewer passphrase';
	const db = await openTarget(databaseTarget(readStorageEnv(server.env)));
	await addReviewer(username, password, db);
	await db.close();
	const cookie = await signIn(server.url, username, password);

	const versions = new Map(ids.map((id) => [id, 0]));
	const free = [...ids];
	let saved = 0;
	let refused = 0;
	let n = 0;
	const result = (await autocannon({
		url: `${server.url}/articles/${slug}/review?/save`,
		connections: CONNECTIONS,
		duration: DURATION_S,
		requests: [
			{
				method: 'POST',
				headers: actionHeaders(cookie, server.url),
				setupRequest: (req: Record<string, unknown>, context: Record<string, unknown>) => {
					const segmentId = free.shift() ?? ids[0]!;
					context.segmentId = segmentId;
					const body = new URLSearchParams({
						segmentId,
						en: `Bench save ${n++} of ${segmentId}.`,
						status: 'translated',
						baseVersion: String(versions.get(segmentId) ?? 0)
					});
					return { ...req, body: body.toString() };
				},
				onResponse: (status: number, body: string, context: Record<string, unknown>) => {
					const segmentId = String(context.segmentId);
					let ok: boolean;
					try {
						ok = status === 200 && (JSON.parse(body) as { type?: string }).type === 'success';
					} catch {
						ok = false;
					}
					if (ok) {
						saved++;
						versions.set(segmentId, (versions.get(segmentId) ?? 0) + 1);
					} else refused++;
					free.push(segmentId);
				}
			}
		]
	} as never)) as AutocannonResult;
	return { result, saved, refused };
}

/** Print the review figures. */
export async function benchReview(server: BenchServer, slug: string): Promise<void> {
	const qa = benchQa(slug);
	console.log(
		`\nQA over the whole article (${qa.segments} segments, ${qa.warnings} warnings, ${QA_RUNS} runs)`
	);
	table([
		['', 'ms'],
		['context (glossary matchers), once', qa.buildMs.toFixed(1)],
		['checkArticle, median', qa.median.toFixed(2)],
		['checkArticle, slowest', qa.max.toFixed(2)]
	]);

	const { result, saved, refused } = await benchSaves(server, slug, saveBenchSegments(slug));
	printSaves('SQLite (synchronous = FULL)', result, saved, refused);
}

/** The saves table, titled with the database they ran on. */
export function printSaves(database: string, result: AutocannonResult, saved: number, refused: number): void {
	const errors = result.errors + result.timeouts + refused;
	console.log(
		`\nSaves on ${database} through the form action (autocannon, ${CONNECTIONS} connections, ${DURATION_S} s, loopback)`
	);
	table([
		['saves/s (mean)', 'saves', 'p50 ms', 'p99 ms', 'errors', 'non-2xx', 'refused'],
		[
			result.requests.average.toFixed(0),
			saved,
			result.latency.p50,
			result.latency.p99,
			errors,
			result.non2xx,
			refused
		]
	]);
}
