import type { RequestHandler } from './$types';
import { probeHeaders } from '$lib/server/http/probes';

/** Liveness: the process answers. Says nothing about the database (that is /readyz). */
export const GET: RequestHandler = () => Response.json({ status: 'ok' }, { headers: probeHeaders });
