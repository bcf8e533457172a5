import { expect, test } from '@playwright/test';

test.describe('operations', () => {
	test('a load balancer can ask whether the server is alive and whether its database answers', async ({
		request
	}) => {
		const alive = await request.get('/healthz');
		expect(alive.status()).toBe(200);
		expect(await alive.json()).toEqual({ status: 'ok' });
		expect(alive.headers()['cache-control']).toBe('no-store');

		const ready = await request.get('/readyz');
		expect(ready.status()).toBe(200);
		expect(await ready.json()).toEqual({ status: 'ready' });
		expect(ready.headers()['cache-control']).toBe('no-store');
	});

	test('every response carries a request id: the proxy’s when it looks like one, a new one otherwise', async ({
		request
	}) => {
		const fresh = await request.get('/');
		const id = fresh.headers()['x-request-id'] ?? '';
		expect(id).toMatch(/^[0-9a-f-]{36}$/);
		expect((await request.get('/')).headers()['x-request-id']).not.toBe(id);

		const kept = await request.get('/healthz', { headers: { 'x-request-id': 'lb-7f3a.42' } });
		expect(kept.headers()['x-request-id']).toBe('lb-7f3a.42');

		const replaced = await request.get('/healthz', {
			headers: { 'x-request-id': '"},{"admin":true' }
		});
		expect(replaced.headers()['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
	});
});
