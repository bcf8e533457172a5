/**
 * When the database cannot be reached (PostgreSQL down, restarting or refusing connections; SQLite locked past its
 * busy timeout), requests answer 503 with a plain message and the app keeps running: the next request connects
 * again. These are the errors that mean "try again shortly", not a bug.
 */

/** Node's socket errors and PostgreSQL's SQLSTATEs for a connection that is gone or not yet accepted. */
const UNAVAILABLE_CODES = new Set([
	'ECONNREFUSED',
	'ECONNRESET',
	'ETIMEDOUT',
	'EPIPE',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'57P01', // admin_shutdown: the server is stopping
	'57P02', // crash_shutdown
	'57P03', // cannot_connect_now: starting up or shutting down
	'08000',
	'08001',
	'08003',
	'08004',
	'08006',
	'53300', // too_many_connections
	'SQLITE_BUSY'
]);

/** pg's own messages for a connection that ended or could not be had in time. */
const UNAVAILABLE_MESSAGES = [
	/^Connection terminated/,
	/timeout exceeded when trying to connect/,
	/Client has encountered a connection error/,
	/Cannot use a pool after calling end/
];

function causes(error: unknown): unknown[] {
	const found: unknown[] = [];
	const walk = (e: unknown, depth: number) => {
		if (!e || typeof e !== 'object' || depth > 4) return;
		found.push(e);
		if (e instanceof AggregateError) for (const inner of e.errors) walk(inner, depth + 1);
		walk((e as { cause?: unknown }).cause, depth + 1);
	};
	walk(error, 0);
	return found;
}

/** Whether `error` means the database could not be reached just now. */
export function isDatabaseUnavailable(error: unknown): boolean {
	return causes(error).some((e) => {
		const { code, message } = e as { code?: unknown; message?: unknown };
		if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
		return typeof message === 'string' && UNAVAILABLE_MESSAGES.some((m) => m.test(message));
	});
}

/** A one-line description of a database error for an operator (an AggregateError's message is empty). */
export function describeDatabaseError(error: unknown): string {
	const parts = causes(error)
		.map((e) => {
			const { code, message } = e as { code?: unknown; message?: unknown };
			return [typeof message === 'string' ? message : '', typeof code === 'string' ? `(${code})` : '']
				.filter(Boolean)
				.join(' ');
		})
		.filter(Boolean);
	return [...new Set(parts)].join('; ') || String(error);
}
