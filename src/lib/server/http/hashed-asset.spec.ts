import { describe, expect, it } from 'vitest';
import { hashedAsset } from './hashed-asset';

const CURRENT = '/js/reader.js?v=0123456789ab';
const at = (path: string) =>
	hashedAsset('code', 'text/javascript', new URL(path, 'http://localhost'), CURRENT);

describe('a bundled script or stylesheet', () => {
	it('is cached for good at its current address', () => {
		const response = at(CURRENT);
		expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
		expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
	});

	it('answers another version or none with the current body, revalidated, never kept for good', async () => {
		for (const path of ['/js/reader.js?v=ba9876543210', '/js/reader.js', '/js/reader.js?v=']) {
			const response = at(path);
			expect(response.headers.get('cache-control'), path).toBe('no-cache');
			expect(await response.text()).toBe('code');
		}
	});
});
