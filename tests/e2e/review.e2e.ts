import type { Browser, Page } from '@playwright/test';
import { REVIEW, openSegment, save, segment, signIn } from './helpers';
import AxeBuilder from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import { SLUG, article } from './content';
import { PASSWORD, REVIEWER } from './reviewer';
// This file writes review data: it runs against a server and data directory of its own (see fixtures.ts).
import { expect, test } from './fixtures';
import { segmentsWithPaths } from '../../src/lib/content/validate';

const segments = new Map(segmentsWithPaths(article).map(({ segment }) => [segment.id, segment]));
const english = (id: string) => segments.get(id)!.en;

test.describe('signing in', () => {
	test('review needs a reviewer: redirect to sign-in and back', async ({ page }) => {
		await page.goto(REVIEW);
		await expect(page).toHaveURL(`/login?next=${encodeURIComponent(REVIEW)}`);
		await expect(page.getByRole('heading', { name: 'Sign in to review' })).toBeVisible();
		// Reading stays public.
		expect((await page.request.get(`/articles/${SLUG}`)).status()).toBe(200);
		await signIn(page);
		await expect(page.getByText(`Signed in as ${REVIEWER}`)).toBeVisible();
	});

	test('a wrong password says so; repeated tries are throttled', async ({ page }) => {
		await page.goto('/login');
		await page.getByLabel('Username').fill(REVIEWER);
		await page.getByLabel('Password').fill('not the password');
		await page.getByRole('button', { name: 'Sign in' }).click();
		await expect(page.getByRole('alert')).toHaveText('Wrong username or password.');
		// Three free guesses, then each must wait 1 s, 2 s, 4 s…: on a slow machine a guess may come after its
		// wait, so keep guessing until told to wait.
		let message = '';
		for (let i = 0; i < 10 && !message.startsWith('Too many'); i++) {
			await page.getByLabel('Username').fill('mallory');
			await page.getByLabel('Password').fill(`guess number ${i}`);
			await Promise.all([
				page.waitForResponse((r) => r.request().method() === 'POST'),
				page.getByRole('button', { name: 'Sign in' }).click()
			]);
			await page.waitForLoadState();
			message = (await page.getByRole('alert').textContent()) ?? '';
		}
		expect(message).toMatch(/^Too many attempts; try again in \d+ seconds?\.$/);
	});

	test('an expired session goes to sign-in with a message', async ({ page, context, baseURL }) => {
		await context.addCookies([{ name: 'review_session', value: 'x'.repeat(43), url: baseURL! }]);
		await page.goto(REVIEW);
		await expect(page).toHaveURL(/\/login\?next=.*&expired=1$/);
		await expect(page.getByRole('alert')).toContainText('Your session has expired; sign in again');
	});

	test('signed out mid-edit: the save is refused with a message and the text stays', async ({
		page,
		context
	}) => {
		await signIn(page);
		await openSegment(page, 'p1-1');
		const seg = segment(page, 'p1-1');
		await seg.getByLabel('English translation').fill('Typed before the session ended.');
		await context.clearCookies();
		await seg.getByRole('button', { name: 'Save', exact: true }).click();
		await expect(seg.getByRole('alert')).toContainText('Your session has expired; sign in again');
		await expect(seg.getByLabel('English translation')).toHaveValue('Typed before the session ended.');
	});
});

test.describe('the review workspace', () => {
	test('drop a figure, see the warning, fix it, approve: the public reader shows the new English', async ({
		page
	}) => {
		await signIn(page);
		const original = english('p3-2');
		expect(original).toContain('5.3%');
		await openSegment(page, 'p3-2');
		const seg = segment(page, 'p3-2');
		await expect(seg.getByRole('heading', { level: 3 })).toContainText(/Segment \d+ · p3-2/);

		await save(page, 'p3-2', original.replace('5.3%', 'strongly'));
		const warning = seg.locator('.qa-warning').filter({ hasText: 'Figures' }).filter({ hasText: '5.3%' });
		await expect(warning).toBeVisible();
		await expect(seg.getByRole('status').filter({ hasText: 'Saved as version 1' })).toContainText(
			'QA warning'
		);

		// A reviewer may accept a warning, with a reason; it is recorded with who and when.
		await warning.getByLabel('Reason for accepting').fill('Checking with the editor');
		await warning.getByRole('button', { name: 'Accept warning' }).click();
		await expect(warning).toContainText(`Accepted by ${REVIEWER}`);
		await expect(warning).toContainText('Checking with the editor');

		const fixed = original.replace('grew more solid', 'became more solid');
		expect(fixed).not.toBe(original);
		await save(page, 'p3-2', fixed, 'Approved');
		await expect(warning).toHaveCount(0);
		await expect(seg.locator('.status-badge')).toHaveText('Approved');
		await seg.getByText(/^History/).click();
		await expect(seg.locator('.history li')).toHaveCount(2);
		await expect(seg.locator('.history li').first()).toContainText(`by ${REVIEWER}`);

		await page.goto(`/articles/${SLUG}`);
		await expect(page.locator('[id="p3"] .en')).toContainText('became more solid');
		// The public downloads carry it too; the review TMX holds only approved segments.
		expect(await (await page.request.get(`/articles/${SLUG}/export.csv`)).text()).toContain(
			'became more solid'
		);
		const tmx = await (await page.request.get(`${REVIEW}/export.tmx`)).text();
		expect(tmx.match(/<tu /g)).toHaveLength(1);
		expect(tmx).toContain('became more solid');
	});

	test('the byline and a photo credit are reviewed like any segment, and the reader shows the approved English', async ({
		page
	}) => {
		await signIn(page);
		await openSegment(page, 'byline');
		await expect(segment(page, 'byline')).toContainText('周松华 龚雯雯');
		await expect(segment(page, 'byline').getByLabel('English translation')).toHaveValue(english('byline'));
		await save(page, 'c7-credit', 'Photo: Shen Yingjun', 'Approved');
		await page.goto(`/articles/${SLUG}`);
		await expect(page.locator('[id="c7"] [lang="en"] .credit')).toHaveText('Photo: Shen Yingjun');
		const tmx = await (await page.request.get(`${REVIEW}/export.tmx`)).text();
		expect(tmx).toContain('tuid="c7-credit"');
	});

	test('a comment holding HTML or script is shown as text, never run', async ({ page }) => {
		let dialogs = 0;
		page.on('dialog', (d) => {
			dialogs++;
			void d.dismiss();
		});
		await signIn(page);
		await openSegment(page, 'p3-1');
		const seg = segment(page, 'p3-1');
		const body = '<script>alert(1)</script><img src=x onerror="alert(2)"> <b>bold</b>';
		await seg.getByLabel('Add a comment').fill(body);
		await seg.getByRole('button', { name: 'Post comment' }).click();
		await expect(seg.locator('.comment-body')).toHaveText(body);
		await expect(seg.locator('.comment-body b, .comment-body img, .comment-body script')).toHaveCount(0);
		await page.reload();
		await expect(segment(page, 'p3-1').locator('.comment-body')).toHaveText(body);
		expect(dialogs).toBe(0);
	});

	test('drafts autosave and come back after a reload', async ({ page }) => {
		await signIn(page);
		await openSegment(page, 'h1-1');
		const seg = segment(page, 'h1-1');
		await seg.getByLabel('English translation').fill('A draft, not yet saved');
		await expect(seg.getByRole('status').filter({ hasText: 'Draft saved' })).toBeVisible();
		await page.reload();
		const again = segment(page, 'h1-1');
		await expect(again.getByLabel('English translation')).toHaveValue('A draft, not yet saved');
		await expect(again.getByRole('status').filter({ hasText: 'draft' })).toContainText('restored');
	});

	test('two reviewers on one segment: the second save is refused with both versions', async ({
		page,
		browser
	}) => {
		await signIn(page);
		const other = await secondReviewer(browser);
		// The second reviewer opens the segment before the first saves it.
		await openSegment(other, 'p2-1');
		await save(page, 'p2-1', 'First reviewer’s wording.');

		const theirs = segment(other, 'p2-1');
		await theirs.getByLabel('English translation').fill('Second reviewer’s wording.');
		await theirs.getByRole('button', { name: 'Save', exact: true }).click();
		const conflict = theirs.getByRole('region', { name: 'Someone else saved this segment first' });
		await expect(conflict).toBeVisible();
		await expect(conflict).toContainText('First reviewer’s wording.');
		await expect(conflict).toContainText('Second reviewer’s wording.');
		await expect(theirs.getByRole('alert')).toContainText('Nothing was overwritten');

		await conflict.getByRole('button', { name: /Overwrite with mine/ }).click();
		await expect(theirs.getByRole('status').filter({ hasText: 'Saved as version 2' })).toBeVisible();
		await page.reload();
		await expect(segment(page, 'p2-1').getByLabel('English translation')).toHaveValue(
			'Second reviewer’s wording.'
		);
		await other.context().close();
	});

	test('keyboard: Alt+N and the link open the next segment needing attention', async ({ page }) => {
		await signIn(page);
		const focused = () => page.evaluate(() => document.activeElement?.id);
		await expect.poll(focused).toMatch(/^en-/);
		const first = await focused();
		await page.keyboard.press('Alt+KeyN');
		await expect.poll(focused).not.toBe(first);
		const second = await focused();
		expect(second).toMatch(/^en-/);
		await expect(page).toHaveURL(`${REVIEW}?open=${second!.slice(3)}`);
		await page.getByRole('link', { name: 'Next needing attention' }).click();
		// The cursor goes into the newly opened segment's English.
		await expect
			.poll(async () => {
				const id = await focused();
				return id?.startsWith('en-') && id !== second;
			})
			.toBe(true);
	});

	test('filter by status and by QA warning', async ({ page }) => {
		await signIn(page);
		// An approved segment without warnings, so the filter has something to show.
		await save(page, 'p5-1', english('p5-1'), 'Approved');
		await page.getByRole('combobox', { name: 'QA warnings' }).selectOption({ label: 'Without warnings' });
		await page.getByLabel('Status', { exact: true }).first().selectOption({ label: 'Approved' });
		await expect(page).toHaveURL(/status=approved/);
		// Only approved rows are listed, p5-1 among them (other tests of this file approve segments too).
		await expect(page.locator('.editor-grid .row:not(.status-approved)')).toHaveCount(0);
		await expect(page.locator('.editor-grid .row').filter({ hasText: segments.get('p5-1')!.zh })).toHaveCount(
			1
		);
		await expect(page.getByRole('status').filter({ hasText: /^Showing \d+ of / })).toBeVisible();
		await page.getByLabel('Status', { exact: true }).first().selectOption({ label: 'All statuses' });
		await page.getByRole('combobox', { name: 'QA warnings' }).selectOption({ label: 'Any' });
		await expect(page.getByRole('status').filter({ hasText: /^Showing/ })).toHaveText(
			`Showing ${segments.size} of ${segments.size} segments.`
		);

		await page.getByRole('button', { name: 'Run QA over the whole article' }).click();
		await expect(page.getByRole('status').filter({ hasText: /warnings? in \d+ segments/ })).toContainText(
			`in ${segments.size} segments`
		);
	});

	test('the review page has no serious accessibility violations', async ({ page }) => {
		test.setTimeout(240_000);
		await signIn(page);
		const results = await new AxeBuilder({ page }).analyze();
		const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
		expect(bad.map((v) => `${v.id}: ${v.nodes.length} nodes: ${v.nodes[0]?.target}`)).toEqual([]);
	});
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('sign in, filter and save with plain form posts', async ({ page }) => {
		await page.goto(`/login?next=${encodeURIComponent(REVIEW)}`);
		await page.getByLabel('Username').fill(REVIEWER);
		await page.getByLabel('Password').fill(PASSWORD);
		await page.getByRole('button', { name: 'Sign in' }).click();
		await expect(page).toHaveURL(REVIEW);
		await page.getByRole('combobox', { name: 'Status' }).first().selectOption({ label: 'Translated' });
		await page.getByRole('button', { name: 'Filter', exact: true }).click();
		await expect(page).toHaveURL(/status=translated/);
		// Every row is a link that opens its segment.
		await page.locator('tr[data-row="p4-1"]').getByRole('link').click();
		await expect(page).toHaveURL(/open=p4-1/);
		const seg = segment(page, 'p4-1');
		await seg.getByLabel('English translation').fill('Saved without JavaScript.');
		await seg.getByRole('button', { name: 'Save', exact: true }).click();
		await expect(segment(page, 'p4-1').getByRole('status')).toContainText('Saved as version 1');
		await expect(segment(page, 'p4-1').getByLabel('English translation')).toHaveValue(
			'Saved without JavaScript.'
		);
		// "Save and go to next" saves and opens the next segment needing attention, keeping the filter.
		const next = segment(page, 'p4-1').getByRole('link', { name: 'Next segment' });
		const nextId = new URLSearchParams((await next.getAttribute('href'))!.slice(1)).get('open')!;
		await segment(page, 'p4-1').getByLabel('English translation').fill('Saved again, then next.');
		await segment(page, 'p4-1').getByRole('button', { name: 'Save and go to next' }).click();
		await expect(page).toHaveURL(new RegExp(`status=translated&open=${nextId}$`));
		await expect(segment(page, nextId)).toBeVisible();
		await page.goto(`${REVIEW}?open=p4-1`);
		await expect(segment(page, 'p4-1').getByLabel('English translation')).toHaveValue(
			'Saved again, then next.'
		);
	});
});

test.describe('exchange with CAT tools', () => {
	const NEW_P11 = 'The tide rises on the East Sea; the race never rests.';
	const refused = (page: Page) => page.locator('.exchange [role="alert"]');
	const p11 = (page: Page) => segment(page, 'p1-1').getByLabel('English translation');

	async function importFile(page: Page, name: string, text: string | Buffer) {
		await page
			.getByLabel('XLIFF file')
			.setInputFiles({ name, mimeType: 'application/xliff+xml', buffer: Buffer.from(text) });
		await page.getByRole('button', { name: 'Import', exact: true }).click();
	}

	/** p1-1's target in an XLIFF file (as written: XML-escaped). */
	const p11Target = (xlf: string) =>
		/<unit id="p1-1"[^>]*>[\s\S]*?<target>([\s\S]*?)<\/target>/.exec(xlf)?.[1];
	const exportXliff = async (page: Page) => (await page.request.get(`${REVIEW}/export.xlf`)).text();

	/** The review XLIFF as the workspace exports it now, and the same with p1-1's target changed. */
	async function exportedXliff(page: Page) {
		const xlf = await exportXliff(page);
		const target = p11Target(xlf);
		expect(target).toBeTruthy();
		const edited = xlf.replace(`<target>${target}</target>`, `<target>${NEW_P11} (edited)</target>`);
		expect(p11Target(edited)).toBe(`${NEW_P11} (edited)`);
		return { target, edited, shown: await p11(page).inputValue() };
	}

	/** After a refused import: the same target stored, the same text in the editor. */
	async function unchanged(page: Page, before: Awaited<ReturnType<typeof exportedXliff>>) {
		await expect(p11(page)).toHaveValue(before.shown);
		expect(p11Target(await exportXliff(page))).toBe(before.target);
	}

	test('export XLIFF, change it, import it: the change is in review', async ({ page }) => {
		await signIn(page, `${REVIEW}?open=p1-1`);
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('link', { name: 'XLIFF 2.1 with statuses and comments' }).click()
		]);
		expect(download.suggestedFilename()).toBe(`${SLUG}-review.xlf`);
		const xlf = await readFile(await download.path(), 'utf8');
		const before = p11Target(xlf);
		expect(before).toBeTruthy();
		const edited = xlf.replace(`<target>${before}</target>`, `<target>${NEW_P11}</target>`);
		expect(p11Target(edited)).toBe(NEW_P11);

		await importFile(page, 'good.xlf', edited);
		await expect(page.locator('.exchange [role="status"]').filter({ hasText: 'Imported' })).toContainText(
			'Imported: 1 segment changed'
		);
		await expect(p11(page)).toHaveValue(NEW_P11);
		await expect(segment(page, 'p1-1').locator('.updated')).toContainText(REVIEWER);
	});

	test('a file exported before a later save is refused as a conflict, never a silent overwrite', async ({
		page
	}) => {
		await signIn(page);
		const old = await exportXliff(page);
		const unit = /<unit id="p8-1"[^>]*>[\s\S]*?<target>([\s\S]*?)<\/target>/.exec(old);
		expect(unit?.[0]).toContain('review:version="0"');
		const edited = old.replace(
			unit![0],
			unit![0].replace(`<target>${unit![1]}</target>`, '<target>From the old file.</target>')
		);
		await save(page, 'p8-1', 'Saved after the export.');
		await importFile(page, 'old.xlf', edited);
		await expect(refused(page)).toContainText(
			'segment p8-1 was saved again (version 1, by e2e-reviewer) after this file was exported at version 0'
		);
		await expect(segment(page, 'p8-1').getByLabel('English translation')).toHaveValue(
			'Saved after the export.'
		);
	});

	test('a malformed file, or one for another article, changes nothing', async ({ page }) => {
		await signIn(page, `${REVIEW}?open=p1-1`);
		const before = await exportedXliff(page);
		const { edited } = before;
		await importFile(page, 'broken.xlf', edited.slice(0, edited.length / 2));
		await expect(refused(page)).toContainText('The file was not imported; nothing was changed');
		await importFile(page, 'other.xlf', edited.replace(`<file id="${SLUG}"`, '<file id="another-article"'));
		await expect(refused(page)).toContainText('another-article');
		await unchanged(page, before);
	});

	test('an unknown segment or a changed source changes nothing', async ({ page }) => {
		await signIn(page, `${REVIEW}?open=p1-1`);
		const before = await exportedXliff(page);
		const { edited } = before;
		await importFile(page, 'unknown.xlf', edited.replace('<unit id="p3-1"', '<unit id="p99-9"'));
		await expect(refused(page)).toContainText('unknown segment id p99-9');
		await importFile(page, 'source.xlf', edited.replace(segments.get('p3-1')!.zh, '改过的原文。'));
		await expect(refused(page)).toContainText('source of p3-1 was changed');
		await unchanged(page, before);
	});

	test('a file over 10 MB is refused in the browser before uploading, and by the server if sent anyway', async ({
		page
	}) => {
		await signIn(page);
		await importFile(page, 'huge.xlf', Buffer.alloc(10 * 1024 * 1024 + 1, 32));
		await expect(refused(page)).toContainText('larger than 10 MB');
		const direct = await page.request.post(`${REVIEW}?/importXliff`, {
			headers: { accept: 'application/json', origin: new URL(page.url()).origin },
			multipart: {
				file: {
					name: 'huge.xlf',
					mimeType: 'application/xliff+xml',
					buffer: Buffer.alloc(11 * 1024 * 1024, 32)
				}
			}
		});
		expect(await direct.text()).toContain('larger than 10 MB');
	});

	test('CSV and DOCX downloads for reviewers outside the app', async ({ page }) => {
		await signIn(page);
		const csv = await page.request.get(`${REVIEW}/export.csv`);
		expect(csv.headers()['content-type']).toContain('text/csv');
		const text = await csv.text();
		expect(text).toMatch(/,(translated|approved|reviewed|draft|rejected),/);
		expect(text.slice(1, text.indexOf('\r\n'))).toBe('id,block,zh,en,status,note,comments');
		// The same table as a workbook, for spreadsheet programs that would misread the CSV's encoding.
		const xlsx = await page.request.get(`${REVIEW}/export.xlsx`);
		expect(xlsx.headers()['content-type']).toBe(
			'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
		);
		expect(xlsx.headers()['content-disposition']).toContain(`${SLUG}-review.xlsx`);
		expect((await xlsx.body()).subarray(0, 2).toString()).toBe('PK');
		await expect(page.getByText('download the .xlsx instead')).toBeVisible();
		const docx = await page.request.get(`${REVIEW}/export.docx`);
		expect(docx.headers()['content-disposition']).toContain(`${SLUG}-review.docx`);
		expect((await docx.body()).subarray(0, 2).toString()).toBe('PK');
		// Signed out, the review downloads are not served.
		await page.context().clearCookies();
		const anonymous = await page.request.get(`${REVIEW}/export.xlf`, { maxRedirects: 0 });
		expect(anonymous.status()).toBe(303);
	});
});

async function secondReviewer(browser: Browser): Promise<Page> {
	const context = await browser.newContext();
	const page = await context.newPage();
	await signIn(page);
	return page;
}
