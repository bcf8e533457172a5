/**
 * Public pages and downloads as a cache in front of the server sees them: an ETag that answers If-None-Match with
 * a 304, a Cache-Control that lets a shared cache keep them (with stale-while-revalidate), never kept for a
 * signed-in reviewer, and a new page (and ETag) as soon as a reviewer approves new English. A reader's settings
 * choose an address of their own, which is the same page for everyone and so may be kept by a shared cache too.
 * The reader page is served from the server's memory between approvals; the approval must reach the next reader
 * at once, through this server or another one on the same database.
 */
import type { APIResponse, Page } from '@playwright/test';
import { REVIEW, segment, signIn } from './helpers';
import { SLUG } from './content';
import { PASSWORD, REVIEWER } from './reviewer';
import { startServer, stopServer } from './server';
// This file writes data (an approval): it runs against a server and data directory of its own.
import { expect, test } from './fixtures';

const READER = `/articles/${SLUG}`;
const SHARED = 'public, max-age=0, stale-while-revalidate=60';

/** A response's headers without those tied to the one response (date, request id, connection). */
function lasting(response: APIResponse): Record<string, string> {
	const { date: _date, 'x-request-id': _id, connection: _c, 'keep-alive': _k, ...rest } = response.headers();
	return rest;
}

/** Approve `english` for a segment in the review workspace of the server `page` is signed in to. */
async function approve(page: Page, base: string, id: string, english: string) {
	await page.goto(`${base}${REVIEW}?open=${id}`);
	await expect(page.locator('.review-page[data-ready="true"]')).toBeVisible();
	const seg = segment(page, id);
	await seg.getByLabel('English translation').fill(english);
	await seg.getByLabel('Status').selectOption({ label: 'Approved' });
	await seg.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(seg.getByRole('status').filter({ hasText: /Saved as version \d+/ })).toBeVisible();
}

test('reader pages carry validators, may be kept by a shared cache, and change with an approval', async ({
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
	expect(first.headers()['cache-control']).toBe(SHARED);
	// The plain address shows the default settings in the language of the locale cookie or Accept-Language.
	expect(first.headers()['vary']).toBe('Cookie, Accept-Language, Accept-Encoding');
	const plain = await anonymous.get(READER, { headers: { 'accept-encoding': 'identity' } });
	expect(plain.headers()['content-encoding']).toBeUndefined();
	expect(plain.headers()['etag']).toBe(etag.replace('-gzip', ''));
	expect(await plain.text()).toBe(await first.text());
	// The same page again, from memory: the same bytes and headers; asked with the ETag, a 304 and no body.
	const again = await anonymous.get(READER);
	expect(lasting(again)).toEqual(lasting(first));
	expect(await again.text()).toBe(await first.text());
	const revalidated = await anonymous.get(READER, { headers: { 'if-none-match': etag } });
	expect(revalidated.status()).toBe(304);
	expect(await revalidated.body()).toHaveLength(0);

	// The article's downloads and the glossary are public too, with validators of their own.
	const tmx = await anonymous.get(`${READER}/export.tmx`);
	expect(tmx.headers()['cache-control']).toBe(SHARED);
	const tmxEtag = tmx.headers()['etag'] ?? '';
	expect(tmxEtag).toMatch(/^"[\w-]{32}"$/);
	expect(
		(await anonymous.get(`${READER}/export.tmx`, { headers: { 'if-none-match': tmxEtag } })).status()
	).toBe(304);
	for (const path of [
		'/glossary',
		'/glossary/export.tbx',
		`${READER}/export.xlf`,
		`${READER}/downloads`,
		`${READER}/glossary.json`
	]) {
		const response = await anonymous.get(path);
		expect(response.status(), path).toBe(200);
		expect(response.headers()['cache-control'], path).toBe(SHARED);
		expect(response.headers()['etag'], path).toMatch(/^"[\w-]{32}"$/);
	}
	// The glossary page is in the interface language; the downloads are the same in every one.
	expect((await anonymous.get('/glossary')).headers()['vary']).toBe('Cookie, Accept-Language');
	expect(tmx.headers()['vary']).toBeUndefined();

	// A signed-in reviewer's pages are never kept, by anyone.
	await signIn(page, REVIEW);
	for (const path of [READER, '/glossary', `${READER}/export.tmx`]) {
		const signedIn = await page.request.get(path);
		expect(signedIn.headers()['cache-control'], path).toBe('private, no-store');
		expect(signedIn.headers()['etag'], path).toBeUndefined();
	}

	// The reviewer approves new English for the first sentence: the next reader gets it, under a new ETag, and
	// so does the article's download.
	const english = 'The tide rises over the East China Sea, and the race goes on without pause.';
	await approve(page, '', 'p1-1', english);
	const after = await anonymous.get(READER, { headers: { 'if-none-match': etag } });
	expect(after.status()).toBe(200);
	expect(after.headers()['etag']).not.toBe(etag);
	expect(await after.text()).toContain(english);
	const tmxAfter = await anonymous.get(`${READER}/export.tmx`, { headers: { 'if-none-match': tmxEtag } });
	expect(tmxAfter.status()).toBe(200);
	expect(await tmxAfter.text()).toContain(english);
	await anonymous.dispose();
});

test('a reader in settings of their own gets a page a shared cache may keep, whatever cookies come with it', async ({
	playwright,
	baseURL
}) => {
	const reader = await playwright.request.newContext({ baseURL, maxRedirects: 0 });
	// The settings cookie (Chinese only, Traditional characters) sends the plain address to the settings' own.
	const cookie = 'reader={"view":"zh","script":"traditional-hk"}';
	const moved = await reader.get(READER, { headers: { cookie } });
	expect(moved.status()).toBe(302);
	const address = `${READER}?view=zh&script=traditional-hk&lang=en`;
	expect(moved.headers()['location']).toBe(address);
	// The redirect itself depends on the cookie: for this browser only.
	expect(moved.headers()['cache-control']).toBe('private, no-cache');
	expect(moved.headers()['vary']).toBe('Cookie, Accept-Language');

	// That address is public and varies by nothing but the encoding: any reader with these settings may get the
	// copy a shared cache kept, and it is the same whoever asked first, with whatever other cookies.
	const page = await reader.get(address, { headers: { cookie } });
	expect(page.status()).toBe(200);
	expect(page.headers()['cache-control']).toBe(SHARED);
	expect(page.headers()['vary']).toBe('Accept-Encoding');
	const html = await page.text();
	expect(html).toContain('data-view="zh"');
	expect(html).toContain('侖');
	for (const other of ['', 'locale=zh-CN; reader={"view":"en"}']) {
		const copy = await reader.get(address, { headers: other ? { cookie: other } : {} });
		expect(copy.headers()['etag']).toBe(page.headers()['etag']);
		expect(await copy.text()).toBe(html);
	}
	expect(
		(await reader.get(address, { headers: { 'if-none-match': page.headers()['etag'] ?? '' } })).status()
	).toBe(304);
	// The default settings' page has neither.
	const plain = await (await reader.get(READER)).text();
	expect(plain).toContain('data-view="both"');
	expect(plain).not.toContain('侖');

	// The interface language is part of the address: the same settings in Chinese are another page.
	const chinese = await reader.get(READER, { headers: { cookie: `${cookie}; locale=zh-CN` } });
	expect(chinese.headers()['location']).toBe(`${READER}?view=zh&script=traditional-hk&lang=zh-CN`);
	// (文库 is the library's link in the Chinese interface.)
	expect(await (await reader.get(chinese.headers()['location']!)).text()).toContain('>文库</a>');

	// Any other way of writing settings goes to their one address, so a cache never holds two copies of a page.
	for (const [query, location] of [
		['?script=traditional-hk&view=zh&lang=en', address],
		['?view=zh&script=traditional-hk', address],
		['?view=zh&script=traditional-hk&lang=en&utm_source=feed', address],
		['?view=both&lang=en', READER],
		['?view=sideways&lang=en', READER]
	] as const) {
		const response = await reader.get(`${READER}${query}`);
		expect(response.status(), query).toBe(302);
		expect(response.headers()['location'], query).toBe(location);
	}
	await reader.dispose();
});

test('a save through one instance reaches the reader pages the other keeps in memory at once', async ({
	browser,
	playwright
}) => {
	test.setTimeout(240_000);
	const one = await startServer({ reviewer: { name: REVIEWER, password: PASSWORD } });
	const two = await startServer({ dataDir: one.dataDir });
	try {
		const reader = await playwright.request.newContext({ baseURL: two.url });
		const before = await reader.get(READER);
		expect(await reader.get(READER).then((r) => r.headers()['etag'])).toBe(before.headers()['etag']);

		const context = await browser.newContext({ baseURL: one.url });
		const page = await context.newPage();
		await signIn(page, REVIEW);
		const english = 'Two servers, one database: the approved sentence reaches both at once.';
		await approve(page, one.url, 'p2-1', english);
		await context.close();

		const after = await reader.get(READER, { headers: { 'if-none-match': before.headers()['etag'] ?? '' } });
		expect(after.status()).toBe(200);
		expect(await after.text()).toContain(english);
		await reader.dispose();
	} finally {
		await stopServer(two, { keepData: true });
		await stopServer(one);
	}
});
