import type { Page } from '@playwright/test';
import { REVIEW, signIn } from './helpers';
import { article } from './content';
// This file writes review data: it runs against a server and data directory of its own (see fixtures.ts).
import { expect, test } from './fixtures';
import { segmentsWithPaths } from '../../src/lib/content/validate';

const all = segmentsWithPaths(article).map(({ segment }) => segment);
const byId = new Map(all.map((s) => [s.id, s]));

/** The open segment (a region named by its heading, "Segment 3 · p1-1"). */
const openRegion = (page: Page) => page.getByRole('region', { name: /^Segment \d+ · / });
/** The id of the open segment, from the address. */
const openId = (page: Page) => new URL(page.url()).searchParams.get('open');
/** The id of the focused element. */
const focused = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

async function expectOpen(page: Page, id: string) {
	await expect(page).toHaveURL(new RegExp(`[?&]open=${id}$`));
	await expect(openRegion(page)).toHaveAccessibleName(new RegExp(`· ${id}$`));
	await expect.poll(() => focused(page)).toBe(`en-${id}`);
}

test('a translator and then a reviewer walk the article by keyboard alone', async ({ page }) => {
	await signIn(page);
	// The first segment needing attention is open, with the cursor in its English.
	await expect.poll(() => focused(page)).toMatch(/^en-/);
	const first = (await focused(page)).slice(3);
	expect(first).toBe(all[0]!.id);

	// Alt+↓ and Alt+↑ move between segments.
	await page.keyboard.press('Alt+ArrowDown');
	await expectOpen(page, all[1]!.id);
	await page.keyboard.press('Alt+ArrowUp');
	await expectOpen(page, first);

	// Copy the source with Ctrl+Shift+S, then type over it and confirm with Ctrl+Enter: the save goes through and
	// the next segment needing attention opens.
	await page.keyboard.press('Control+Shift+KeyS');
	await expect(openRegion(page).getByLabel('English translation')).toHaveValue(byId.get(first)!.zh);
	await page.keyboard.press('Control+A');
	await page.keyboard.type('Beilun keeps to the Six Promotions and Six Optimisations and leads the way');
	await page.keyboard.press('Control+Enter');
	await expectOpen(page, all[1]!.id);

	// A segment with a glossary term: Alt+Shift+4 puts the first term's rendering at the cursor.
	const withTerm = page.getByRole('region', { name: /glossary terms?$/ });
	let steps = 0;
	while (!(await withTerm.isVisible()) && steps++ < 10) {
		const before = openId(page);
		await page.keyboard.press('Alt+ArrowDown');
		await expect(page).not.toHaveURL(new RegExp(`open=${before}$`));
		await expect.poll(() => focused(page)).toBe(`en-${openId(page)}`);
	}
	const termId = openId(page)!;
	const rendering = (await withTerm.getByRole('listitem').first().locator('strong').textContent())!;
	const english = openRegion(page).getByLabel('English translation');
	await page.keyboard.press('End');
	await page.keyboard.press('Control+End');
	await page.keyboard.type(' — ');
	await page.keyboard.press('Alt+Shift+Digit4');
	await expect(english).toHaveValue(`${byId.get(termId)!.en} — ${rendering}`);
	// Put the text back (Ctrl+A, type), then confirm: saved, and on to the next.
	await page.keyboard.press('Control+A');
	await page.keyboard.type(byId.get(termId)!.en);
	await page.keyboard.press('Control+Enter');
	await expect(page).not.toHaveURL(new RegExp(`open=${termId}$`));

	// The reviewer goes back to the first segment and approves it: Tab to the status, type to choose, Ctrl+Enter.
	await page.goto(`${REVIEW}?open=${first}`);
	await expect.poll(() => focused(page)).toBe(`en-${first}`);
	await page.keyboard.press('Tab');
	expect(await focused(page)).toBe(`status-${first}`);
	await page.keyboard.type('Approved');
	await expect(openRegion(page).getByLabel('Status')).toHaveValue('approved');
	await page.keyboard.press('Control+Enter');
	await expect(page).not.toHaveURL(new RegExp(`open=${first}$`));

	// The grid and the progress bar say so.
	const row = page.locator(`tr[data-row="${first}"]`);
	await expect(row).toContainText('Approved');
	await expect(row).toContainText('Beilun keeps to the Six Promotions');
	const progress = page.getByRole('region', { name: 'Progress' });
	await expect(progress).toContainText(`Approved: 1 of ${all.length} segments`);
	await expect(progress).toContainText(`Translated: ${all.length - 1} of ${all.length} segments`);

	// The keys are listed on the page.
	await page.getByText('Keyboard shortcuts').click();
	for (const key of [
		'Ctrl+Enter',
		'Alt+↑',
		'Alt+↓',
		'Alt+N',
		'Alt+Shift+1…3',
		'Alt+Shift+4…9',
		'Ctrl+Shift+S'
	])
		await expect(page.locator('.shortcuts kbd', { hasText: key })).toBeVisible();
});

test('the grid pages through the article; a phone shows it without sideways scrolling', async ({ page }) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await signIn(page);
	const rows = page.locator('.editor-grid tbody tr');
	// One page at a time (50 rows, the open one among them), and a link to the next page.
	await expect(rows).toHaveCount(Math.min(50, all.length));
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
	if (all.length > 50) {
		await page.getByRole('link', { name: 'Next page' }).click();
		await expect(page.getByText(`Page 2 of ${Math.ceil(all.length / 50)}`)).toBeVisible();
		await expect(page.locator(`tr[data-row="${all[50]!.id}"]`)).toBeVisible();
	}
	// Opening a row on a phone: the editor and its side panel take the width.
	await page.locator(`tr[data-row="${all[51]!.id}"]`).getByRole('link').click();
	await expect(openRegion(page)).toHaveAccessibleName(new RegExp(`· ${all[51]!.id}$`));
	await expect(openRegion(page).getByRole('complementary')).toBeVisible();
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
