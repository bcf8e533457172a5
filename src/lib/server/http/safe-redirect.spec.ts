import { describe, expect, it } from 'vitest';
import { safeRedirectPath } from './safe-redirect';

const ORIGIN = new URL('http://reader.example:3000/login?next=x');

describe('safeRedirectPath', () => {
	it('keeps same-origin paths with their query and fragment', () => {
		expect(safeRedirectPath('/articles/x/review?status=approved#seg-3', ORIGIN)).toBe(
			'/articles/x/review?status=approved#seg-3'
		);
		expect(safeRedirectPath('/', ORIGIN)).toBe('/');
		expect(safeRedirectPath('/a/../b', ORIGIN)).toBe('/b');
	});

	it.each([
		['protocol-relative', '//other.example/x'],
		['backslash', '/\\other.example/'],
		['backslashes', '\\\\other.example/'],
		['TAB after the slash', '/\t/other.example/x'],
		['CR after the slash', '/\r/other.example/x'],
		['LF after the slash', '/\n/other.example/x'],
		['TAB inside', '/articles/\tx'],
		['LF at the end', '/articles/x\n'],
		['NUL', '/\u0000/other.example'],
		['absolute http', 'http://other.example/x'],
		['absolute same origin', 'http://reader.example:3000/x'],
		['javascript:', 'javascript:alert(1)'],
		['javascript: after a slash', '/javascript:alert(1)//'],
		['relative', 'articles/x'],
		['empty', ''],
		['data:', 'data:text/html,<script>alert(1)</script>']
	])('refuses %s (%j)', (_name, value) => {
		const result = safeRedirectPath(value, ORIGIN);
		// Whatever comes back must stay on the origin when a browser resolves it.
		expect(new URL(result, ORIGIN).origin).toBe(ORIGIN.origin);
		if (!value.startsWith('/javascript')) expect(result).toBe('/');
	});

	it.each(['/%2F%2Fother.example/x', '/%5Cother.example/', '/%09/other.example/x', '/%0d%0a/x'])(
		'keeps percent-encoded %s as an on-site path (never decoded into a new origin)',
		(value) => {
			const result = safeRedirectPath(value, ORIGIN);
			expect(result).toBe(new URL(value, ORIGIN).pathname);
			expect(result.startsWith('//')).toBe(false);
			expect(new URL(result, 'http://reader.example:3000').origin).toBe(ORIGIN.origin);
		}
	);

	it('uses the fallback for non-strings', () => {
		expect(safeRedirectPath(null, ORIGIN, '/articles')).toBe('/articles');
		expect(safeRedirectPath(undefined, ORIGIN)).toBe('/');
		expect(safeRedirectPath(new File([], 'x'), ORIGIN)).toBe('/');
	});
});
