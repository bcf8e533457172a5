import type { RequestHandler } from './$types';
import { checkReadiness, probeHeaders } from '$lib/server/http/probes';

/** Readiness: the database answers a query. 503 with the reason when it does not, so a balancer stops routing here. */
export const GET: RequestHandler = async () => {
	const readiness = await checkReadiness();
	return Response.json(readiness, {
		status: readiness.status === 'ready' ? 200 : 503,
		headers: probeHeaders
	});
};
