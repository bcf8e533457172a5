// Issue 7: security headers and CSP, private caching of signed-in responses, safe redirects, and review actions
// that refuse bad input with a message (never a 500), over HTTP against the production build.
import type { APIRequestContext } from '@playwright/test';
import { connect } from 'node:net';
import { SLUG } from './content';
import { REVIEWER } from './reviewer';
import { REVIEW, signIn, termLink, watchCsp } from './helpers';
// This file signs in and writes review data: it runs against a server and data directory of its own (see fixtures.ts).
import { expect, test } from './fixtures';

const READER = `/articles/${SLUG}`;

/** Post a review form action as `use:enhance` does; the action's result (type, status, data as text). */
async function action(
	request: APIRequestContext,
	baseURL: string,
	name: string,
	form: Record<string, string>,
	segment = form.segmentId
) {
	const response = await request.post(`${REVIEW}?/${name}${segment ? `&segment=${segment}` : ''}`, {
		form,
		headers: { origin: baseURL, accept: 'application/json', 'x-sveltekit-action': 'true' }
	});
	expect(response.status()).toBe(200);
	return (await response.json()) as { type: string; status?: number; data?: string };
}

function expectSecurityHeaders(headers: Record<string, string>, where: string) {
	expect(headers['content-security-policy'], where).toContain("frame-ancestors 'none'");
	expect(headers['x-content-type-options'], where).toBe('nosniff');
	expect(headers['referrer-policy'], where).toBe('strict-origin-when-cross-origin');
	expect(headers['x-frame-options'], where).toBe('DENY');
}

test.describe('security headers', () => {
	test('reader, glossary, words, login and review work under the CSP with no violation', async ({ page }) => {
		const violations = await watchCsp(page);
		const pages: [string, () => Promise<void>][] = [
			[
				READER,
				async () => {
					// The reader's script (/js/reader.js) runs: a term popover opens, a word popover fetches words.json.
					await termLink(page, '扩中提低').first().click();
					await expect(page.getByRole('dialog', { name: /扩中提低/ })).toBeVisible();
					await page.keyboard.press('Escape');
				}
			],
			['/glossary', async () => {}],
			['/words', async () => await expect(page.locator('main')).not.toContainText('needs JavaScript')],
			['/login', async () => {}]
		];
		for (const [path, check] of pages) {
			const response = await page.goto(path);
			expect(response?.status(), path).toBe(200);
			expectSecurityHeaders(await response!.allHeaders(), path);
			expect((await response!.allHeaders())['content-security-policy']).toMatch(/script-src 'self'/);
			await check();
		}
		await signIn(page);
		const review = await page.goto(REVIEW);
		expectSecurityHeaders(await review!.allHeaders(), REVIEW);
		// The client runtime is up (its inline bootstrap script ran under the nonce).
		await expect(page.locator('.review-page[data-ready="true"]')).toBeVisible();
		expect(violations).toEqual([]);
	});

	test('downloads, JSON and redirects carry them too', async ({ request }) => {
		for (const path of [`${READER}/export.csv`, `${READER}/words.json`, '/js/reader.js', '/settings']) {
			const response = await request.get(path, { maxRedirects: 0 });
			expectSecurityHeaders(response.headers(), path);
		}
	});
});

test.describe('signed-in responses are never stored', () => {
	test('review page, review exports and the signed-in login page are private, no-store', async ({ page }) => {
		const anonymous = await page.request.get(READER);
		expect(anonymous.headers()['cache-control'] ?? '').not.toContain('private');
		await signIn(page);
		for (const path of [REVIEW, `${REVIEW}/export.csv`, `${REVIEW}/export.docx`, '/login']) {
			const response = await page.request.get(path, { maxRedirects: 0 });
			expect(response.headers()['cache-control'], path).toBe('private, no-store');
			expect(response.headers()['etag'], path).toBeUndefined();
		}
	});
});

test.describe('redirects stay on this site', () => {
	test('settings returnTo and sign-in next cannot leave the origin', async ({ page, request, baseURL }) => {
		for (const returnTo of ['/\\other.example/', '//other.example/', '/\t/other.example/x']) {
			const response = await request.post('/settings?/locale', {
				form: { locale: 'en', returnTo },
				headers: { origin: baseURL!, accept: 'text/html' },
				maxRedirects: 0
			});
			expect(response.status()).toBe(303);
			expect(response.headers().location, JSON.stringify(returnTo)).toBe('/');
		}
		await signIn(page);
		const signedIn = await page.request.get('/login?next=/%09/other.example/x', { maxRedirects: 0 });
		expect(signedIn.status()).toBe(303);
		expect(signedIn.headers().location).toBe('/');
	});
});

test.describe('sign-in throttling', () => {
	test('guessing slows down, but the reviewer’s own browser still gets in', async ({ page, browser }) => {
		await signIn(page); // this browser is now a known device for the reviewer
		await page.getByRole('button', { name: 'Sign out' }).click();
		await expect(page).toHaveURL('/');

		const stranger = await browser.newPage();
		await stranger.goto('/login');
		// Three free guesses, then each must wait (1 s, 2 s, …): keep guessing until told to wait.
		let message = '';
		for (let i = 0; i < 10 && !message.startsWith('Too many'); i++) {
			await stranger.getByLabel('Username').fill(REVIEWER);
			await stranger.getByLabel('Password').fill(`guess number ${i}`);
			await Promise.all([
				stranger.waitForResponse((r) => r.request().method() === 'POST'),
				stranger.getByRole('button', { name: 'Sign in' }).click()
			]);
			await stranger.waitForLoadState();
			message = (await stranger.getByRole('alert').textContent()) ?? '';
		}
		expect(message).toMatch(/^Too many attempts; try again in \d+ seconds?\.$/);
		await stranger.close();

		await signIn(page);
		await expect(page.getByText(`Signed in as ${REVIEWER}`)).toBeVisible();
	});
});

test.describe('review actions refuse bad input with a message', () => {
	test('signed out: answered before the body is read', async ({ baseURL }) => {
		const { hostname, port } = new URL(baseURL!);
		// Declares 5 MB and sends a few bytes: a server that reads the body first would wait for the rest.
		const reply = await new Promise<string>((resolve, reject) => {
			const socket = connect(Number(port), hostname, () => {
				socket.write(
					[
						`POST ${REVIEW}?/save&segment=p1-1 HTTP/1.1`,
						`Host: ${hostname}:${port}`,
						`Origin: ${baseURL}`,
						'Content-Type: application/x-www-form-urlencoded',
						'Content-Length: 5000000',
						'Accept: application/json',
						'x-sveltekit-action: true',
						'',
						'segmentId=p1-1&en='
					].join('\r\n')
				);
			});
			let data = '';
			const timer = setTimeout(() => {
				socket.destroy();
				reject(new Error(`no answer without the body; got ${JSON.stringify(data)}`));
			}, 5000);
			socket.on('data', (chunk) => {
				data += chunk.toString();
				if (data.includes('"type"')) {
					clearTimeout(timer);
					socket.destroy();
					resolve(data);
				}
			});
			socket.on('error', reject);
		});
		expect(reply).toContain('"status":401');
	});

	test('control characters, an over-long comment, a made-up warning and a cut-off upload', async ({
		page,
		baseURL
	}) => {
		await signIn(page);
		const request = page.request;
		const saved = await action(request, baseURL!, 'save', {
			segmentId: 'p1-1',
			en: 'Line one\u000Bline two',
			status: 'translated',
			baseVersion: '0'
		});
		expect(saved).toMatchObject({ type: 'failure', status: 400 });
		expect(saved.data).toContain('U+000B');

		const comment = await action(request, baseURL!, 'comment', {
			segmentId: 'p1-1',
			body: 'x'.repeat(1024 * 1024)
		});
		expect(comment).toMatchObject({ type: 'failure', status: 400 });
		expect(comment.data).toContain('Too long: at most 20,000 characters.');

		const accepted = await action(request, baseURL!, 'acceptWarning', {
			segmentId: 'p1-1',
			warningKey: 'figures:p1-1:missing:999',
			reason: 'Made up'
		});
		expect(accepted).toMatchObject({ type: 'failure', status: 400 });
		expect(accepted.data).toContain('no longer applies');

		const boundary = 'cutoffboundary';
		const cut = await request.post(`${REVIEW}?/importXliff`, {
			headers: {
				origin: baseURL!,
				accept: 'application/json',
				'x-sveltekit-action': 'true',
				'content-type': `multipart/form-data; boundary=${boundary}`
			},
			data: Buffer.from(
				`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.xlf"\r\n` +
					'Content-Type: application/xml\r\n\r\n<?xml version="1.0"?><xliff'
			)
		});
		expect(cut.status()).toBe(200);
		const result = (await cut.json()) as { type: string; status: number; data: string };
		expect(result).toMatchObject({ type: 'failure', status: 400 });
		expect(result.data).toContain('could not be read');
	});
});
