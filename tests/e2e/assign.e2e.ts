/**
 * Assignments: an editor assigns a range of segments to a translator; the translator's "assigned to me" filter
 * (a plain GET form, here without JavaScript) lists exactly those segments, each showing its assignee; a
 * translator who tries to assign anyway is refused by the server with the reason.
 */
import AxeBuilder from '@axe-core/playwright';
import { article } from './content';
import { REVIEW, signIn } from './helpers';
import { EDITOR, TRANSLATOR } from './reviewer';
// This file writes review data: it runs against a server and data directory of its own (see fixtures.ts).
import { expect, test } from './fixtures';
import { segmentsWithPaths } from '../../src/lib/content/validate';

test.use({ accounts: [[TRANSLATOR, EDITOR], { scope: 'worker' }] });

const ids = segmentsWithPaths(article).map(({ segment }) => segment.id);

test('an editor assigns segments 4–7 to a translator, whose "assigned to me" lists exactly those', async ({
	page,
	browser,
	baseURL
}) => {
	await signIn(page, REVIEW, EDITOR);
	const panel = page.getByRole('region', { name: 'Assign segments' });
	await panel.getByLabel('Account').selectOption({ label: `${TRANSLATOR.name} (translator)` });
	await panel.getByLabel('From segment').fill('4');
	await panel.getByLabel('To segment').fill('7');
	await panel.getByRole('button', { name: 'Assign' }).click();
	await expect(panel.getByRole('status')).toHaveText(
		`Segments 4–7 are assigned to ${TRANSLATOR.name} (4 newly assigned).`
	);
	// The grid shows who each row is assigned to.
	await expect(page.locator(`tr[data-row="${ids[4]}"]`)).toContainText(`Assigned to ${TRANSLATOR.name}`);
	await expect(page.locator(`tr[data-row="${ids[7]}"]`)).not.toContainText('Assigned to');
	// The assign panel and the assignees in the grid keep the page accessible.
	const axe = await new AxeBuilder({ page }).include('.assign-panel').include('.editor-grid').analyze();
	const bad = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
	expect(bad.map((v) => `${v.id}: ${v.nodes.length} nodes: ${v.nodes[0]?.target}`)).toEqual([]);

	// The translator, without JavaScript: the filter is a GET form.
	const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
	const own = await context.newPage();
	await own.goto(`/login?next=${encodeURIComponent(REVIEW)}`);
	await own.getByLabel('Username').fill(TRANSLATOR.name);
	await own.getByLabel('Password').fill(TRANSLATOR.password);
	await own.getByRole('button', { name: 'Sign in' }).click();
	await expect(own).toHaveURL(REVIEW);
	await expect(own.getByRole('region', { name: 'Assign segments' })).toHaveCount(0);
	await own.getByLabel('Assigned').selectOption({ label: 'To me' });
	await own.getByRole('button', { name: 'Filter' }).click();
	await expect(own).toHaveURL(`${REVIEW}?status=all&qa=all&assigned=me`);
	await expect(own.getByText(`Showing 4 of ${ids.length} segments.`)).toBeVisible();
	// The first of them is open; the other three are rows.
	const open = own.getByRole('region', { name: new RegExp(`· ${ids[3]}$`) });
	await expect(open).toBeVisible();
	await expect(open.getByText(`Assigned to ${TRANSLATOR.name}`)).toBeVisible();
	await expect(own.locator('tr[data-row]')).toHaveCount(3);
	for (const n of [5, 6, 7])
		await expect(own.locator(`tr[data-row="${ids[n - 1]}"]`).getByRole('link')).toHaveAccessibleName(
			`Open segment ${n}`
		);

	// Assigning anyway (the page offers no form to a translator) is refused by the server, with the reason.
	const refused = await own.request.post(`${REVIEW}?/assign`, {
		headers: { accept: 'application/json', origin: new URL(own.url()).origin },
		form: { assignee: '1', from: '1', to: String(ids.length) }
	});
	expect(await refused.text()).toContain('As a translator you cannot assign work; only editors can.');
	await context.close();
});
