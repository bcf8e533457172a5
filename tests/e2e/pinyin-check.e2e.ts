/**
 * Issue 10, the editor's side of the pinyin engine: the import preview lists the readings the engine is unsure
 * of; a correction made there (a form post: this file runs without JavaScript) is refused with its reason when
 * malformed, else becomes an override of the word, and the saved article, the reader and /read use it.
 * Real build, real database file.
 */
import { sentence, signIn } from './helpers';
import { EDITOR } from './reviewer';
// This file writes data: it runs against a server and data directory of its own (see fixtures.ts).
import { expect, test } from './fixtures';

test.use({ accounts: [[EDITOR], { scope: 'worker' }], javaScriptEnabled: false });

/** 白云观 (Baiyun Temple) reads guàn; the engine reads guān and says it is unsure. */
const TEXT = '白云观游记\n\n他们去白云观烧香。观里的道士十分热情。';

test('an editor corrects an unsure reading in the import preview; the article and /read use it', async ({
	page
}) => {
	test.setTimeout(180_000);
	await signIn(page, '/articles/new', EDITOR);
	await page.getByLabel('Chinese text').fill(TEXT);
	await page.getByRole('button', { name: 'Check the structure' }).click();
	await expect(page.getByRole('heading', { name: 'Readings to check' })).toBeVisible();
	const check = page.getByRole('group', { name: 'Reading of 白云观' }).first();
	await expect(check).toContainText('他们去白云观烧香。');
	await expect(check).toContainText('The engine reads it bái yún guān and is unsure of 观.');

	// Two syllables for three characters: refused, with the reason.
	await check.getByLabel('Pinyin').fill('bái yún');
	await check.getByRole('button', { name: 'Save the reading of 白云观' }).click();
	await expect(page.getByRole('alert').filter({ hasText: 'The reading was not saved' })).toHaveText(
		'The reading was not saved: pinyin: 2 syllables for the 3 characters of “白云观”'
	);

	// The right reading: saved, and the word is no longer listed.
	await page
		.getByRole('group', { name: 'Reading of 白云观' })
		.first()
		.getByLabel('Pinyin')
		.fill('bái yún guàn');
	await page
		.getByRole('group', { name: 'Reading of 白云观' })
		.first()
		.getByRole('button', { name: 'Save the reading of 白云观' })
		.click();
	await expect(page.getByRole('status')).toHaveText('白云观 now reads bái yún guàn in every imported text.');
	await expect(page.getByRole('group', { name: 'Reading of 白云观' })).toHaveCount(0);

	// The article is saved with the corrected reading.
	const slug = 'baiyun-temple';
	await page.getByLabel('Slug (the address: /articles/…)').fill(slug);
	await page.getByLabel('Source (Chinese)').fill('游记');
	await page.getByLabel('Date (Chinese, e.g. 2024年3月)').fill('2024年3月');
	await page.getByRole('button', { name: 'Confirm and save the article' }).click();
	await expect(page).toHaveURL(`/articles/${slug}`);
	const readings = (seg: string) => sentence(page, seg).locator('rt');
	await expect(readings('p1-1')).toHaveText(['tā', 'men', 'qù', 'bái', 'yún', 'guàn', 'shāo', 'xiāng']);
	// The correction is of the word: 观 alone keeps its reading.
	await expect(readings('p1-2').first()).toHaveText('guān');

	// /read reads imported text with it too.
	await page.goto('/read');
	await page.getByLabel('Chinese text').fill('我们明天去白云观。');
	await page.getByRole('button', { name: 'Read', exact: true }).click();
	await expect(page.getByRole('region', { name: 'Your text' }).locator('rt')).toHaveText([
		'wǒ',
		'men',
		'míng',
		'tiān',
		'qù',
		'bái',
		'yún',
		'guàn'
	]);
});
