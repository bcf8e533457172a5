import { describe, expect, it } from 'vitest';
import { NON_PAGE_CSP, dependsOnUser, withSecurityHeaders } from './headers';

describe('security headers', () => {
	it('adds nosniff, Referrer-Policy, X-Frame-Options and a CSP where the response has none', () => {
		const response = withSecurityHeaders(new Response('x', { headers: { etag: '"1"' } }), false);
		expect(Object.fromEntries(response.headers)).toMatchObject({
			'x-content-type-options': 'nosniff',
			'referrer-policy': 'strict-origin-when-cross-origin',
			'x-frame-options': 'DENY',
			'content-security-policy': NON_PAGE_CSP,
			etag: '"1"'
		});
		const page = withSecurityHeaders(
			new Response('x', { headers: { 'content-security-policy': "script-src 'self'" } }),
			false
		);
		expect(page.headers.get('content-security-policy')).toBe("script-src 'self'");
	});

	it('makes responses that depend on the user private, no-store, without an ETag', () => {
		const response = withSecurityHeaders(
			new Response('x', { headers: { etag: '"1"', 'cache-control': 'no-cache' } }),
			true
		);
		expect(response.headers.get('cache-control')).toBe('private, no-store');
		expect(response.headers.has('etag')).toBe(false);
	});

	it('copies a response whose headers are immutable', () => {
		const redirect = Response.redirect('http://localhost/x', 303);
		const response = withSecurityHeaders(redirect, true);
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe('http://localhost/x');
		expect(response.headers.get('x-frame-options')).toBe('DENY');
	});

	it('counts every response while signed in, and the review and sign-in routes always, as user-dependent', () => {
		expect(dependsOnUser('/articles/[slug]', true)).toBe(true);
		expect(dependsOnUser('/articles/[slug]', false)).toBe(false);
		expect(dependsOnUser('/articles/[slug]/review', false)).toBe(true);
		expect(dependsOnUser('/articles/[slug]/review/export.[format=reviewFormat]', false)).toBe(true);
		expect(dependsOnUser('/login', false)).toBe(true);
		expect(dependsOnUser('/glossary', false)).toBe(false);
		expect(dependsOnUser(null, false)).toBe(false);
	});
});
