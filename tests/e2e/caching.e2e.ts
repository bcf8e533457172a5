/**
 * Reader pages as a cache in front of the server sees them: an ETag that answers If-None-Match with a 304, public
 * in default settings and private in a reader's own, never kept for a signed-in reviewer, and a new page (and
 * ETag) as soon as a reviewer approves new English. The page is served from the server's memory between
 * approvals; the approval must reach the next reader at once.
 */
import type { Page } from '@playwright/test';
import { REVIEW, signIn } from './helpers';
import { SLUG } from './content';
// This file writes data (an approval): it runs against a server and data directory of its own.
import { expect, test } from './fixtures';

const READER = `/articles/${SLUG}`;
const segment = (page: Page, id: string) => page.getByRole('region', { name: new RegExp(`· ${id}$`) });

test('reader pages carry validators, stay out of shared caches when personal, and change with an approval', async ({
	page,
	playwright,
	baseURL
}) => {
	test.setTimeout(120_000);
	const anonymous = await playwright.request.newContext({ baseURL });
	const first = await anonymous.get(READER);
	expect(first.status()).toBe(200);
	const etag = first.headers()['etag'] ?? '';
	// Sent gzipped to a client that accepts it, as browsers do; each encoding has its own validator.
	expect(first.headers()['content-encoding']).toBe('gzip');
	expect(etag).toMatch(/^"[\w-]{32}-gzip"$/);
	expect(first.headers()['cache-control']).toBe('public, no-cache');
	expect(first.headers()['vary']).toBe('Cookie, Accept-Language, Accept-Encoding');
	const plain = await anonymous.get(READER, { headers: { 'accept-encoding': 'identity' } });
	expect(plain.headers()['content-encoding']).toBeUndefined();
	expect(plain.headers()['etag']).toBe(etag.replace('-gzip', ''));
	expect(await plain.text()).toBe(await first.text());
	// The same page again, from memory: the same bytes and ETag; asked with the ETag, a 304 and no body.
	const again = await anonymous.get(READER);
	expect(again.headers()['etag']).toBe(etag);
	expect(await again.text()).toBe(await first.text());
	const revalidated = await anonymous.get(READER, { headers: { 'if-none-match': etag } });
	expect(revalidated.status()).toBe(304);
	expect(await revalidated.body()).toHaveLength(0);

	// A reader's own settings (Chinese only): another page, for that reader's browser only.
	const own = await anonymous.get(READER, { headers: { cookie: 'reader={"view":"zh"}' } });
	expect(own.status()).toBe(200);
	expect(own.headers()['cache-control']).toBe('private, no-cache');
	expect(own.headers()['etag']).not.toBe(etag);

	// A signed-in reviewer's page is never kept, by anyone.
	await signIn(page, REVIEW);
	const signedIn = await page.request.get(READER);
	expect(signedIn.headers()['cache-control']).toBe('private, no-store');
	expect(signedIn.headers()['etag']).toBeUndefined();

	// The reviewer approves new English for the first sentence: the next reader gets it, under a new ETag.
	const english = 'The tide rises over the East China Sea, and the race goes on without pause.';
	await page.goto(`${REVIEW}?open=p1-1`);
	await expect(page.locator('.review-page[data-ready="true"]')).toBeVisible();
	const seg = segment(page, 'p1-1');
	await seg.getByLabel('English translation').fill(english);
	await seg.getByLabel('Status').selectOption({ label: 'Approved' });
	await seg.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(seg.getByRole('status').filter({ hasText: /Saved as version \d+/ })).toBeVisible();

	const after = await anonymous.get(READER, { headers: { 'if-none-match': etag } });
	expect(after.status()).toBe(200);
	expect(after.headers()['etag']).not.toBe(etag);
	expect(await after.text()).toContain(english);
	await anonymous.dispose();
});
