import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { SLUG, article } from './content';
import { openReaderTool } from './helpers';

const READER = `/articles/${SLUG}`;
const STORAGE_KEY = 'bilingual-reader.saved-words';
const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });
const studyLink = (page: Page) => nav(page).getByRole('link', { name: /^Study/ });
const count = (page: Page, name: string) =>
	page.locator('.study-counts span').filter({ hasText: name }).locator('strong');

/** The library card's "You know N% of its words". */
async function knownShare(page: Page): Promise<number> {
	await page.goto('/');
	const share = page
		.getByRole('listitem')
		.filter({ hasText: article.title.zh })
		.getByText(/^You know \d+%/);
	await expect(share).toBeVisible();
	return Number(/(\d+)%/.exec((await share.textContent()) ?? '')![1]);
}

/** The cards in the store: each word's due time, for comparing before export and after import. */
const cards = (page: Page) =>
	page.evaluate((key) => {
		const store = JSON.parse(localStorage.getItem(key) ?? '{}') as {
			words: { word: string; card?: { due: string; state: number } }[];
		};
		return Object.fromEntries(
			store.words.map((w) => [w.word, w.card ? `${w.card.state} ${w.card.due}` : 'new'])
		);
	}, STORAGE_KEY);

test.describe('studying what you read', () => {
	test('save ten words, study them, mark words known, export, clear, import: the same cards are due', async ({
		page
	}) => {
		// A whole learner's session: longer than one page's test.
		test.setTimeout(240_000);
		await page.goto(READER);
		// Ten words from the seed article, each saved from its popover.
		const dialog = page.getByRole('dialog');
		const rubies = page.locator('.zh [data-seg="p4-1"] ruby');
		let saved = 0;
		for (let i = 0; saved < 10; i++) {
			await rubies.nth(i).click();
			await expect(dialog.getByRole('button', { name: 'Save word' })).toBeVisible();
			await dialog.getByRole('button', { name: 'Save word' }).click();
			await expect(dialog.getByRole('status')).toHaveText(
				/Saved to your word list|Already in your word list/
			);
			if ((await dialog.getByRole('status').textContent()) === 'Saved to your word list.') saved++;
			await page.keyboard.press('Escape');
		}
		await expect(studyLink(page)).toHaveText('Study (10 due)');
		const before = await knownShare(page);

		// Study: ten new cards; the first three forgotten (key 1), the rest easy (a tap on Easy).
		await studyLink(page).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Study');
		await expect(count(page, 'New')).toHaveText('10');
		for (let i = 0; i < 10; i++) {
			await expect(page.getByRole('button', { name: /Show answer/ })).toBeVisible();
			await page.keyboard.press('Space');
			const grades = page.getByRole('group', { name: 'How well did you remember it?' });
			await expect(grades).toBeVisible();
			if (i < 3) {
				await expect(grades.getByRole('button', { name: /Again/ })).toContainText('1m');
				await page.keyboard.press('1');
				await expect(page.getByRole('status').first()).toContainText('Again — next in 1m');
			} else {
				await grades.getByRole('button', { name: /Easy/ }).click();
				await expect(page.getByRole('status').first()).toContainText('Easy — next in');
			}
			await expect(count(page, 'New')).toHaveText(String(Math.max(0, 9 - i)));
		}
		// The three forgotten come back within minutes; the easy ones are gone for days.
		await expect(count(page, 'Learning')).toHaveText('3');
		await expect(count(page, 'To review')).toHaveText('0');
		await expect(studyLink(page)).toHaveText('Study (3 due)');
		const studied = await cards(page);
		expect(Object.values(studied).filter((c) => c.startsWith('1 '))).toHaveLength(3);
		expect(Object.values(studied).filter((c) => c.startsWith('2 '))).toHaveLength(7);
		expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);

		// Three words marked known from their popovers, in another sentence.
		await page.goto(READER);
		const marked: string[] = [];
		const other = page.locator('.zh [data-seg="p5-1"] ruby');
		for (let i = 0; marked.length < 3; i++) {
			await other.nth(i).click();
			const toggle = dialog.getByRole('button', { name: 'I know this word' });
			await expect(toggle).toBeVisible();
			if ((await toggle.getAttribute('aria-pressed')) === 'false') {
				await toggle.click();
				await expect(toggle).toHaveAttribute('aria-pressed', 'true');
				await expect(dialog.getByRole('status')).toHaveText('Marked as known everywhere.');
				marked.push(await dialog.locator('[data-slot="word"]').innerText());
			}
			await page.keyboard.press('Escape');
		}
		// Hiding the pinyin of known words: a known word's pinyin goes, other words keep theirs.
		await openReaderTool(page, 'Settings');
		await page.getByRole('group', { name: 'Pinyin of words I know' }).getByLabel('Hide').check();
		await expect(page.locator('.zh ruby.is-known rt').first()).toBeHidden();
		await expect(page.locator('.zh ruby:not(.is-known) rt').first()).toBeVisible();

		const after = await knownShare(page);
		expect(after).toBeGreaterThan(before);

		// Export a backup, clear the browser's storage, import it: the same cards are due.
		await page.goto('/words');
		const [backup] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Download a backup (with study progress)' }).click()
		]);
		expect(backup.suggestedFilename()).toMatch(/^saved-words-backup-\d{4}-\d{2}-\d{2}\.json$/);
		const backupPath = await backup.path();
		await page.evaluate(() => localStorage.clear());
		await page.goto('/study');
		await expect(page.getByRole('status').first()).toContainText('No saved words yet');
		await expect(studyLink(page)).toHaveText('Study');

		await page.goto('/words');
		await page.getByLabel(/Import a word file/).setInputFiles(backupPath);
		await expect(page.getByRole('status')).toContainText('Imported 10 words from');
		expect(await cards(page)).toEqual(studied);
		await page.goto('/study');
		await expect(count(page, 'Learning')).toHaveText('3');
		await expect(count(page, 'New')).toHaveText('0');
		await expect(studyLink(page)).toHaveText('Study (3 due)');
		expect(await knownShare(page)).toBe(after);
	});

	test('a damaged store is reported and offered as a download, never overwritten', async ({ page }) => {
		await page.goto('/study');
		await page.evaluate((key) => localStorage.setItem(key, '{"version":2,"words":[{"word":'), STORAGE_KEY);
		await page.reload();
		await expect(page.getByRole('alert')).toContainText('could not be read');
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Download the damaged data' }).click()
		]);
		expect(download.suggestedFilename()).toMatch(/^saved-words-damaged-/);
		expect(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY)).toBe(
			'{"version":2,"words":[{"word":'
		);
	});

	test('without JavaScript the page says it needs it', async ({ request }) => {
		// Chromium parses <noscript> as if scripts ran even with them switched off, so read the served page.
		const html = await (await request.get('/study')).text();
		expect(html).toMatch(/<noscript><p[^>]*>This page needs JavaScript\./);
	});
});
