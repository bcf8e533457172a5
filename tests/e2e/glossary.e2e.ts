import { expect, test } from '@playwright/test';
import { glossary } from './content';

const kuo = glossary.find((e) => e.term === '扩中提低')!;

test.describe('the glossary', () => {
	test('lists every entry', async ({ page }) => {
		await page.goto('/glossary');
		await expect(page.locator('.glossary-list > li')).toHaveCount(glossary.length);
	});

	for (const [how, query] of [
		['Chinese', '扩中'],
		['pinyin without tones', 'kuozhong'],
		['English', kuo.rendering.en.split(/\s+/).slice(0, 3).join(' ')]
	] as const) {
		test(`searches in ${how}`, async ({ page }) => {
			await page.goto('/glossary');
			await page.getByRole('searchbox', { name: /Search in Chinese, pinyin or English/ }).fill(query);
			await page.getByRole('button', { name: 'Search' }).click();
			await expect(page).toHaveURL(/\?q=/);
			await expect(page.getByRole('link', { name: new RegExp(kuo.term) })).toBeVisible();
		});
	}

	test('an entry shows its fields and where it occurs, linking back into the article', async ({ page }) => {
		await page.goto(`/glossary/${kuo.id}`);
		await expect(page.getByRole('heading', { level: 1 })).toContainText('扩中提低');
		await expect(page.getByText(kuo.expansion!.zh)).toBeVisible();
		const occurrence = page
			.getByRole('region', { name: /Where it occurs/ })
			.getByRole('link')
			.first();
		await occurrence.click();
		await expect(page).toHaveURL(/\/articles\/beilun-liucu-liuyou#/);
	});

	test('an unknown entry is a clear 404', async ({ page }) => {
		const response = await page.goto('/glossary/no-such-term');
		expect(response?.status()).toBe(404);
		await expect(page.getByRole('alert')).toContainText('There is no glossary entry “no-such-term”.');
	});

	test('an over-long search says so', async ({ page }) => {
		await page.goto(`/glossary?q=${'x'.repeat(150)}`);
		await expect(page.getByRole('alert')).toContainText('too long');
	});
});
