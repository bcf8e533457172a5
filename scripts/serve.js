// `npm start`: serve the production build over plain HTTP.
//
// adapter-node takes a request's origin from ORIGIN or, failing that, assumes https. A reader who opens
// http://<host>:<port> directly would then have every form (settings, language, sign-in, review) refused as
// "cross-site". This server speaks plain HTTP, so unless ORIGIN or PROTOCOL_HEADER says otherwise, each request
// is taken as http on the host it names — SvelteKit's CSRF check still refuses posts from other sites. Behind a
// TLS-terminating proxy, set ORIGIN (or PROTOCOL_HEADER and HOST_HEADER) as adapter-node documents.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import process from 'node:process';

const PLAIN_HTTP = 'x-bilingual-reader-protocol';
const assumePlainHttp = !process.env.ORIGIN && !process.env.PROTOCOL_HEADER;
if (assumePlainHttp) process.env.PROTOCOL_HEADER = PLAIN_HTTP;
// XLIFF uploads of up to 10 MB must reach the import, which refuses larger ones with a clear message.
process.env.BODY_SIZE_LIMIT ??= '11M';

const host = process.env.HOST || '0.0.0.0';
const port = Number(process.env.PORT || 3000);

// Imported after the environment is settled: the handler reads it when it loads (and opens the database).
/** @type {(req: http.IncomingMessage, res: http.ServerResponse) => void} */
let handler;
try {
	({ handler } = await import(new URL('../build/handler.js', import.meta.url).href));
} catch (error) {
	// A reason the app cannot start (the database unreachable, a bad setting): one line, no stack trace, exit 1,
	// so a supervisor shows the cause instead of a wall of traces from a crash loop.
	const reason = error instanceof Error && error.name === 'StartupError' ? error.message : null;
	if (!reason) throw error;
	process.stderr.write(
		JSON.stringify({ time: new Date().toISOString(), level: 'fatal', message: `Cannot start: ${reason}` }) +
			'\n'
	);
	process.exit(1);
}

// One JSON line per request on stdout (REQUEST_LOG=off to silence), tied to an id that the response carries in
// X-Request-Id: a proxy's id is kept when it looks like one, otherwise a new one is made. The query string is left
// out of the log, since it can hold what a reader searched for.
const REQUEST_ID = /^[\w.:-]{1,100}$/;
// A reader page kept in memory is answered by the app before SvelteKit (src/lib/server/reader/page-cache.ts offers
// the function under this symbol when it starts); it answers false for any request it does not take.
const ANSWER_FROM_MEMORY = Symbol.for('bilingual-reader.answer-from-memory');
const logRequests = process.env.REQUEST_LOG !== 'off';

const server = http.createServer((req, res) => {
	// Set, never trusted from the client: a request cannot claim https through this header.
	if (assumePlainHttp) req.headers[PLAIN_HTTP] = 'http';
	const incoming = req.headers['x-request-id'];
	const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
	req.headers['x-request-id'] = id;
	res.setHeader('x-request-id', id);
	if (logRequests) {
		const started = process.hrtime.bigint();
		res.once('close', () => {
			const line = {
				time: new Date().toISOString(),
				id,
				method: req.method,
				path: (req.url ?? '').split('?')[0],
				status: res.statusCode,
				ms: Number(process.hrtime.bigint() - started) / 1e6,
				...(res.writableFinished ? {} : { aborted: true })
			};
			process.stdout.write(JSON.stringify(line) + '\n');
		});
	}
	/** @type {((req: http.IncomingMessage, res: http.ServerResponse) => boolean | Promise<boolean>) | undefined} */
	const fromMemory = /** @type {any} */ (globalThis)[ANSWER_FROM_MEMORY];
	if (!fromMemory) return handler(req, res);
	/** @type {boolean | Promise<boolean>} */
	let answered;
	try {
		answered = fromMemory(req, res);
	} catch {
		// Whatever went wrong (the database, say), SvelteKit answers the request and reports it.
		return handler(req, res);
	}
	if (answered === true) return;
	if (answered === false) return handler(req, res);
	answered.then(
		(done) => done || handler(req, res),
		() => handler(req, res)
	);
});

server.listen(port, host, () =>
	process.stdout.write(
		JSON.stringify({ time: new Date().toISOString(), message: `Listening on http://${host}:${port}` }) + '\n'
	)
);

/** @param {string} reason */
function shutdown(reason) {
	server.close(() => {
		// Lets the app close its database cleanly, as adapter-node's own server does.
		/** @type {(event: string, ...args: unknown[]) => boolean} */ (process.emit)(
			'sveltekit:shutdown',
			reason
		);
		process.exit(0);
	});
	server.closeIdleConnections();
	setTimeout(() => server.closeAllConnections(), 30_000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
