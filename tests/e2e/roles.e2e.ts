/**
 * Roles are enforced by the server: a translator sees the statuses a reviewer decides but cannot choose them, and
 * a request that sets one anyway is refused with the reason; the translator's own save goes through.
 */
import { REVIEW, segment, signIn } from './helpers';
import { TRANSLATOR } from './reviewer';
// This file writes review data: it runs against a server and data directory of its own (see fixtures.ts).
import { expect, test } from './fixtures';

test.use({ accounts: [[TRANSLATOR], { scope: 'worker' }] });

test('a translator saves a translation but cannot approve it, and is told why', async ({ page }) => {
	// One segment is open at a time; a link to it opens it.
	await signIn(page, `${REVIEW}?open=p3-2`, TRANSLATOR);
	await expect(page.getByText(`Signed in as ${TRANSLATOR.name} (translator)`)).toBeVisible();
	await expect(page.locator('.review-page[data-ready="true"]')).toBeVisible();
	const seg = segment(page, 'p3-2');
	const status = seg.getByLabel('Status');
	await expect(status.getByRole('option', { name: 'Approved' })).toBeDisabled();
	await expect(status.getByRole('option', { name: 'Reviewed' })).toBeDisabled();
	await expect(status.getByRole('option', { name: 'Translated' })).toBeEnabled();

	// A request that sets "approved" anyway (here by re-enabling the option) is refused by the server.
	await seg.getByLabel('English translation').fill('A translator’s English, not yet reviewed.');
	await status.evaluate((select: HTMLSelectElement) => {
		for (const option of select.options) option.disabled = false;
		select.value = 'approved';
	});
	await seg.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(seg.getByRole('alert')).toHaveText(
		'As a translator you cannot set a segment to “Approved”; only reviewers or editors can. Save it as translated for a reviewer to check.'
	);
	await expect(seg.getByText('Version 0')).toBeVisible();

	await status.selectOption({ label: 'Translated' });
	await seg.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(seg.getByRole('status').filter({ hasText: /Saved as version 1/ })).toBeVisible();
});
