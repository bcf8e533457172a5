/**
 * Two instances of the production server on one PostgreSQL database, as behind a load balancer: what one saves the
 * other shows at once, a stale save is refused across them, a session made on one signs in on the other, the
 * sign-in throttle counts failures on both, and a published reader page changes on both when an approval lands.
 *
 * Needs TEST_DATABASE_URL (a PostgreSQL superuser URL; `.ci/run` starts a throwaway cluster). Without it the file
 * is skipped and says so.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { SLUG } from './content';
import { REVIEW, openSegment, save, segment, signIn } from './helpers';
import { PASSWORD, REVIEWER } from './reviewer';
import { startServer, stopServer, type TestServer } from './server';
import { createTestDatabase, testServerUrl } from '../../src/lib/server/db/testing';

test.skip(
	!testServerUrl(),
	'PostgreSQL half skipped: TEST_DATABASE_URL is not set (.ci/run starts a cluster)'
);
test.describe.configure({ mode: 'serial' });

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let a: TestServer;
let b: TestServer;

test.beforeAll(async () => {
	test.setTimeout(240_000);
	database = await createTestDatabase();
	// The first instance creates the tables and the reviewer; the second finds them.
	a = await startServer({
		env: { DATABASE_URL: database.url },
		reviewer: { name: REVIEWER, password: PASSWORD }
	});
	b = await startServer({ env: { DATABASE_URL: database.url } });
});

test.afterAll(async () => {
	if (a) await stopServer(a);
	if (b) await stopServer(b);
	if (database) await database.drop();
});

/** A browser page on `server`, signed in with the session cookie of `from` when given. */
async function pageOn(browser: Browser, server: TestServer, from?: Page): Promise<Page> {
	const context = await browser.newContext({ baseURL: server.url });
	if (from) {
		const cookies = await from.context().cookies();
		await context.addCookies(
			cookies
				.filter((c) => c.name === 'review_session')
				.map((c) => ({ name: c.name, value: c.value, url: server.url }))
		);
	}
	return context.newPage();
}

test('a save through one instance shows on the other at once; a stale save is refused across them', async ({
	browser
}) => {
	const onA = await pageOn(browser, a);
	await signIn(onA);
	// The session made on A signs in on B: sessions live in the database, not in a process.
	const onB = await pageOn(browser, b, onA);
	await openSegment(onB, 'p2-1');
	await expect(onB.getByText(`Signed in as ${REVIEWER}`)).toBeVisible();

	await openSegment(onA, 'p2-1');
	await save(onA, 'p2-1', 'Saved through instance A.');

	const fresh = await pageOn(browser, b, onA);
	await openSegment(fresh, 'p2-1');
	await expect(segment(fresh, 'p2-1').getByLabel('English translation')).toHaveValue(
		'Saved through instance A.'
	);

	// B's page was opened before A's save: its save is refused with both versions, nothing overwritten.
	const stale = segment(onB, 'p2-1');
	await stale.getByLabel('English translation').fill('Saved through instance B from a stale page.');
	await stale.getByRole('button', { name: 'Save', exact: true }).click();
	const conflict = stale.getByRole('region', { name: 'Someone else saved this segment first' });
	await expect(conflict).toContainText('Saved through instance A.');
	await expect(stale.getByRole('alert')).toContainText('Nothing was overwritten');
	// What is saved (B's text stays only as the reviewer's draft), read through B.
	const xliff = await (await onB.request.get(`${REVIEW}/export.xlf`)).text();
	expect(xliff).toContain('<target>Saved through instance A.</target>');
	expect(xliff).not.toContain('from a stale page');
	for (const page of [onA, onB, fresh]) await page.context().close();
});

test('an approval through one instance changes the public reader page on both', async ({ browser }) => {
	const reader = await pageOn(browser, b);
	await reader.goto(`/articles/${SLUG}`);
	const approved = 'Approved through instance A, read on instance B.';
	await expect(reader.getByText(approved)).toHaveCount(0);

	const onA = await pageOn(browser, a);
	await signIn(onA);
	await openSegment(onA, 'p3-1');
	await save(onA, 'p3-1', approved, 'Approved');

	for (const server of [b, a]) {
		const page = await pageOn(browser, server);
		await page.goto(`/articles/${SLUG}`);
		await expect(page.getByText(approved)).toBeVisible();
		await page.context().close();
	}
	await reader.reload();
	await expect(reader.getByText(approved)).toBeVisible();
	for (const page of [reader, onA]) await page.context().close();
});

test('failed sign-ins on one instance throttle the same account on the other', async () => {
	const guess = async (server: TestServer, i: number) => {
		const response = await fetch(`${server.url}/login`, {
			method: 'POST',
			headers: { origin: server.url, 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ username: 'mallory', password: `guess number ${i}`, next: '/' })
		});
		const html = await response.text();
		const wait = /Too many attempts; try again in (\d+) seconds?\./.exec(html);
		return wait ? Number(wait[1]) : html.includes('Wrong username or password.') ? 0 : -1;
	};
	// Guess on A until its throttle asks for a wait of several seconds (free failures, then 1 s, 2 s, 4 s…).
	// A refused guess is not counted, so keep polling (every 100 ms) until the waits have doubled up to 4 s.
	let wait = 0;
	const deadline = Date.now() + 60_000;
	for (let i = 0; wait < 4 && Date.now() < deadline; i++) {
		wait = await guess(a, i);
		expect(wait).toBeGreaterThanOrEqual(0);
		if (wait > 0) await new Promise((poll) => setTimeout(poll, 100));
	}
	expect(wait).toBeGreaterThanOrEqual(4);
	// B has seen none of those requests, yet refuses the account at once.
	expect(await guess(b, 999)).toBeGreaterThanOrEqual(1);
});
