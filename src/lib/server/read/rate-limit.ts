/**
 * Requests to /read per client: a token bucket per address, in memory. It guards this instance's CPU (reading a long
 * text is the costliest thing an anonymous visitor can ask for), and /read stores nothing, so memory is the right
 * place: a restart forgets the buckets and costs nothing but a few extra requests, and behind N instances a client
 * may read N times as many texts, each instance still protected. (Sign-in throttling, which must hold across
 * restarts and instances, lives in the database.)
 */

export interface TokenBucketOptions {
	/** Requests a client may make at once. */
	capacity: number;
	/** Tokens added back per second. */
	refillPerSecond: number;
	/** Buckets kept before the oldest are forgotten (bounds memory). */
	maxClients?: number;
}

export interface RateLimiter {
	/** Take a token for `client`: allowed, or how many seconds until the next one. */
	take(client: string, now?: number): { ok: true } | { ok: false; retryAfter: number };
}

export function createRateLimiter({
	capacity,
	refillPerSecond,
	maxClients = 10_000
}: TokenBucketOptions): RateLimiter {
	const buckets = new Map<string, { tokens: number; at: number }>();
	return {
		take(client, now = Date.now()) {
			const prev = buckets.get(client);
			const tokens = prev
				? Math.min(capacity, prev.tokens + ((now - prev.at) / 1000) * refillPerSecond)
				: capacity;
			buckets.delete(client);
			if (buckets.size >= maxClients) buckets.delete(buckets.keys().next().value!);
			if (tokens < 1) {
				buckets.set(client, { tokens, at: now });
				return { ok: false, retryAfter: Math.ceil((1 - tokens) / refillPerSecond) };
			}
			buckets.set(client, { tokens: tokens - 1, at: now });
			return { ok: true };
		}
	};
}

/** /read's limit: 20 texts at once, then one every 3 seconds, per client address. */
export const readLimiter = createRateLimiter({ capacity: 20, refillPerSecond: 1 / 3 });

/**
 * Word data of /read texts (POST /read/words.json, on a reader's first tap): a bucket of its own, so fetching a
 * text's words never uses up the reads it allows.
 */
export const readWordsLimiter = createRateLimiter({ capacity: 20, refillPerSecond: 1 / 3 });
