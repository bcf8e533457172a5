/**
 * Editors correct a briefing's figure rows and review its summaries; each change is kept with its author and
 * the public briefing shows it. A reviewer (not an editor) is refused with the reason.
 */
import { signIn } from './helpers';
import { SLUG } from './content';
import { EDITOR } from './reviewer';
// This file writes data: it runs against a server and data directory of its own (see fixtures.ts).
import { expect, test } from './fixtures';

test.use({ accounts: [EDITOR] });

const BRIEFING = `/articles/${SLUG}/briefing`;

test('a reviewer who is not an editor cannot edit the briefing, and is told who can', async ({ page }) => {
	await signIn(page, BRIEFING);
	await expect(page.getByRole('link', { name: 'Edit the briefing' })).toHaveCount(0);
	const response = await page.goto(`${BRIEFING}/edit`);
	expect(response?.status()).toBe(403);
	await expect(page.getByText('only editors can')).toBeVisible();
});

test('an editor corrects a figure row and approves a summary; the briefing shows both with the author', async ({
	page
}) => {
	await signIn(page, BRIEFING, EDITOR);
	await page.getByRole('link', { name: 'Edit the briefing' }).click();
	await expect(page).toHaveURL(`${BRIEFING}/edit`);

	const gdp = page.getByRole('group', { name: /1856\.6亿元/ });
	await gdp.getByLabel('What it measures').fill('Gross domestic product (GDP) of Beilun District');
	await gdp.getByRole('button', { name: 'Save correction' }).click();
	await expect(page.getByRole('status')).toHaveText('Saved.');
	await expect(page.getByRole('group', { name: /1856\.6亿元/ }).getByText('History (1)')).toBeVisible();

	await page.getByLabel('Overview').fill('Beilun reports GDP of RMB 185.66 billion for Q1–Q3 2022.');
	await page.getByLabel('Status').first().selectOption({ label: 'Approved' });
	await page.getByRole('button', { name: 'Save summary' }).first().click();
	await expect(page.getByRole('status')).toHaveText('Saved.');

	await page.goto(BRIEFING);
	const row = page.getByRole('row').filter({
		has: page.getByRole('rowheader', { name: /Gross domestic product \(GDP\) of Beilun District/ })
	});
	await expect(row).toContainText(`corrected by ${EDITOR.name}`);
	await expect(row).toContainText('RMB 185.66 billion');
	await expect(page.getByText('Beilun reports GDP of RMB 185.66 billion for Q1–Q3 2022.')).toBeVisible();
	await expect(page.getByText(`Approved by ${EDITOR.name}`)).toBeVisible();

	// The downloads carry the correction too.
	const csv = await (await page.request.get(`/articles/${SLUG}/figures.csv`)).text();
	expect(csv).toContain('Gross domestic product (GDP) of Beilun District');
});
