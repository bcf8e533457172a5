/**
 * Health probes for load balancers and orchestrators: /healthz (the process is alive) and /readyz (the database
 * answers). Never cached: a shared cache must not answer "ready" for a server that is down.
 */
import { sql } from 'kysely';
import { getDb } from '$lib/server/db';

export const probeHeaders = { 'cache-control': 'no-store' } as const;

export type Readiness = { status: 'ready' } | { status: 'unavailable'; reason: string };

/** Whether the database can be opened and queried now. */
export async function checkReadiness(open = getDb): Promise<Readiness> {
	try {
		const db = await open();
		await db.first(sql<{ one: number }>`select 1 as one`.compile(db.kysely));
		return { status: 'ready' };
	} catch (error) {
		return { status: 'unavailable', reason: `database: ${(error as Error).message}` };
	}
}
