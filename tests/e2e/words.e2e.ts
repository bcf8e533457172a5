import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import { SLUG, article } from './content';
import { sentence, termLink } from './helpers';

const READER = `/articles/${SLUG}`;
const STORAGE_KEY = 'bilingual-reader.saved-words';
const segments = article.blocks.flatMap((b) => ('segments' in b ? b.segments : []));
const segment = (id: string) => segments.find((s) => s.id === id)!;

/** A file for the page's own import control, built as a learner's edited export would be. */
const csvFile = (name: string, rows: string[][]) => ({
	name,
	mimeType: 'text/csv',
	buffer: Buffer.from(
		rows
			.map((r) => r.map((f) => (/[",\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(','))
			.join('\r\n')
	)
});

const HEADER = [
	'Word',
	'Pinyin',
	'Meaning',
	'HSK',
	'Traditional',
	'Sentence',
	'Translation',
	'Article',
	'Link',
	'Saved'
];
const row = (word: string, pinyin: string, hsk: string, segId: string, saved: string) => [
	word,
	pinyin,
	`meaning of ${word}`,
	hsk,
	'',
	segment(segId).zh,
	segment(segId).en,
	article.title.en,
	`/articles/${SLUG}#seg-${segId}`,
	saved
];

const importControl = (page: Page) => page.getByLabel(/Import a word file/);
const wordItem = (page: Page, word: string) =>
	page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: word, exact: true }) });

test.describe('saved words', () => {
	test('a word saved from its popover is listed with its sentence, goes to Anki, is deleted and imported back', async ({
		page
	}) => {
		await page.goto(READER);
		// 港城 ("port city") in the caption 祥和的港城: a glossary term, and a word with its own popover.
		const sentence = page.locator('.zh [data-seg="c1-1"]');
		const word = termLink(sentence, '港城');
		await word.click();
		const dialog = page.getByRole('dialog');
		await expect(dialog).toBeVisible();
		await dialog.getByRole('button', { name: 'Save word' }).click();
		await expect(dialog).toContainText('Saved to your word list.');

		await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Word list' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Saved words');
		await expect(page.getByText(/nothing is uploaded/)).toBeVisible();
		const item = wordItem(page, '港城');
		await expect(item).toBeVisible();
		await expect(item).toContainText(segment('c1-1').zh);
		await expect(item).toContainText(segment('c1-1').en);
		await expect(item.locator('mark')).toHaveText('港城');
		const back = item.getByRole('link', { name: article.title.en });
		await expect(back).toHaveAttribute('href', `/articles/${SLUG}#seg-c1-1`);

		// It survives a reload (localStorage).
		await page.reload();
		await expect(wordItem(page, '港城')).toBeVisible();

		// The Anki file: Anki's headers for the Basic note type, then the word: Front, Back, then its data.
		const [anki] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Download for Anki' }).click()
		]);
		expect(anki.suggestedFilename()).toMatch(/^saved-words-anki-\d{4}-\d{2}-\d{2}\.txt$/);
		const ankiPath = await anki.path();
		const ankiText = await readFile(ankiPath, 'utf8');
		const lines = ankiText.split('\n');
		expect(lines.slice(0, 4)).toEqual(['#separator:tab', '#html:true', '#notetype:Basic', '#tags column:13']);
		const note = lines[5]!.split('\t');
		expect(note[0]).toContain('港城');
		expect(note[1]).toContain('<b>港城</b>');
		expect(note[2]).toBe('港城');
		expect(note[7]).toBe(segment('c1-1').zh);
		expect(note[10]).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/articles/${SLUG}#seg-c1-1$`));

		const [csv] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Download as CSV' }).click()
		]);
		expect(csv.suggestedFilename()).toMatch(/\.csv$/);
		expect(await readFile(await csv.path(), 'utf8')).toContain(`\r\n港城,`);

		// Delete, with a way back.
		await page.getByRole('button', { name: 'Delete 港城' }).click();
		await expect(wordItem(page, '港城')).toHaveCount(0);
		await expect(page.getByRole('status')).toHaveText('Deleted 港城.');
		await expect(page.getByRole('button', { name: 'Undo' })).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(page.getByRole('heading', { level: 2, name: '港城' })).toBeFocused();
		await expect(page.getByRole('status')).toHaveText('港城 is back in your list.');
		await page.getByRole('button', { name: 'Delete 港城' }).click();
		await expect(wordItem(page, '港城')).toHaveCount(0);
		await expect(page.getByText('No saved words yet.')).toBeVisible();

		// Import the Anki file back; a second import adds nothing.
		await importControl(page).setInputFiles(ankiPath);
		await expect(page.getByRole('status')).toContainText('Imported 1 word from');
		await expect(wordItem(page, '港城')).toContainText(segment('c1-1').zh);
		await importControl(page).setInputFiles(ankiPath);
		await expect(page.getByRole('status')).toContainText('Imported 0 words from');
		await expect(page.getByRole('status')).toContainText('1 already in your list were skipped');
		await expect(page.getByRole('heading', { level: 2, name: '港城' })).toHaveCount(1);

		// The link goes back to the sentence.
		await wordItem(page, '港城').getByRole('link', { name: article.title.en }).click();
		await expect(page).toHaveURL(`${READER}#seg-c1-1`);
		await expect(sentence).toBeFocused();
	});

	test('study order: by date or by HSK level', async ({ page }) => {
		await page.goto('/words');
		await importControl(page).setInputFiles(
			csvFile('mine.csv', [
				HEADER,
				row('港城', 'gǎng chéng', '', 'p4-1', '2024-05-02T00:00:00.000Z'),
				row('发展', 'fā zhǎn', '4', 'p5-1', '2024-05-03T00:00:00.000Z'),
				row('高质量', 'gāo zhì liàng', '5', 'p3-2', '2024-05-01T00:00:00.000Z')
			])
		);
		await expect(page.getByRole('status')).toContainText('Imported 3 words from mine.csv');
		const headings = page.getByRole('listitem').getByRole('heading', { level: 2 });
		await expect(headings).toHaveText(['发展', '港城', '高质量']);
		await page.getByRole('radio', { name: 'Oldest first' }).check();
		await expect(headings).toHaveText(['高质量', '港城', '发展']);
		await page.getByRole('radio', { name: 'By HSK level, easiest first' }).check();
		await expect(headings).toHaveText(['发展', '高质量', '港城']);
		await expect(wordItem(page, '发展')).toContainText('HSK 4');
		const scan = await new AxeBuilder({ page }).analyze();
		expect(scan.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
	});

	test('a file with bad rows is refused whole, with each problem by line', async ({ page }) => {
		await page.goto('/words');
		const good = row('港城', 'gǎng chéng', '', 'p4-1', '2024-05-02T00:00:00.000Z');
		await importControl(page).setInputFiles(
			csvFile('edited.csv', [
				HEADER,
				good,
				row('发展', '', '4', 'p5-1', '2024-05-03T00:00:00.000Z'),
				row('高质量', 'gāo zhì liàng', 'seven', 'p3-2', '2024-05-01T00:00:00.000Z')
			])
		);
		const alert = page.getByRole('alert');
		await expect(alert).toContainText('edited.csv was not imported, and nothing was changed:');
		await expect(alert.getByRole('listitem')).toHaveText([
			'Line 3: Pinyin is empty.',
			'Line 4: HSK is not valid.'
		]);
		await expect(page.getByText('No saved words yet.')).toBeVisible();

		await importControl(page).setInputFiles({
			name: 'notes.txt',
			mimeType: 'text/plain',
			buffer: Buffer.from('just some notes\n')
		});
		await expect(alert).toContainText('These columns are missing: Word, Pinyin, Meaning');
	});

	test('a damaged store is reported, offered for download, and reset only when asked', async ({ page }) => {
		const damaged = '{"version":1,"words":[{"word":"港城","pinyin":"gǎng chéng"';
		await page.goto('/words');
		// Damage the store as a crash mid-write or a stray extension might.
		await page.evaluate(([key, text]) => localStorage.setItem(key!, text!), [STORAGE_KEY, damaged]);
		await page.reload();
		await expect(page.getByRole('heading', { name: 'Your saved words could not be read' })).toBeVisible();
		await expect(page.getByRole('alert').filter({ hasText: 'Nothing has been deleted.' })).toBeVisible();

		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Download the damaged data' }).click()
		]);
		expect(await readFile(await download.path(), 'utf8')).toBe(damaged);

		// Saving from the reader does not write over it.
		await page.goto(READER);
		await page.locator('.zh [data-seg="c1-1"] ruby').first().click();
		await page.getByRole('dialog').getByRole('button', { name: 'Save word' }).click();
		await expect(page.getByRole('dialog')).toContainText(/could not be read/);
		expect(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY)).toBe(damaged);

		await page.goto('/words');
		await page.getByRole('button', { name: 'Reset the word list…' }).click();
		await page.getByRole('button', { name: 'Cancel' }).click();
		expect(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY)).toBe(damaged);
		await page.getByRole('button', { name: 'Reset the word list…' }).click();
		await page.getByRole('button', { name: 'Yes, reset the word list' }).click();
		await expect(page.getByRole('status')).toHaveText('The word list has been reset; it is empty now.');
		await expect(page.getByText('No saved words yet.')).toBeVisible();
	});

	test('a word of one character is marked where it was tapped, not inside other words of its sentence', async ({
		page
	}) => {
		await page.goto(READER);
		// p8-2 has 市 as a word twice (市级 … 市级) and inside 上市, 上市后备企业 and 拟上市储备库: tap the second.
		const zh = segment('p8-2').zh;
		const words = sentence(page, 'p8-2')
			.locator('ruby')
			.filter({ hasText: /^市shì$/ });
		await expect(words).toHaveCount(2);
		await words.last().click();
		const dialog = page.getByRole('dialog');
		await dialog.getByRole('button', { name: 'Save word' }).click();
		await expect(dialog).toContainText('Saved to your word list.');

		await page.goto('/words');
		const mark = wordItem(page, '市').locator('mark');
		await expect(mark).toHaveCount(1);
		await expect(mark).toHaveText('市');
		const textBefore = (m: Element) => {
			const range = document.createRange();
			range.setStart(m.parentElement!, 0);
			range.setEndBefore(m);
			return range.toString();
		};
		const before = await mark.evaluate(textBefore);
		expect(before).toBe(zh.slice(0, zh.lastIndexOf('市级')));

		// Studied with the sentence on the front, the card marks the same one.
		await page.goto('/study');
		await page.getByRole('radio', { name: 'Its sentence, with the word marked' }).check();
		const front = page.getByRole('region', { name: /市/ }).locator('.card-sentence mark');
		await expect(front).toHaveCount(1);
		expect(await front.evaluate(textBefore)).toBe(before);
	});

	test('without JavaScript the page says it needs it', async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto('/words');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Saved words');
		await expect(page.getByText(/This page needs JavaScript/)).toBeVisible();
		await context.close();
	});
});
