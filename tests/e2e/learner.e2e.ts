import { expect, test, type Locator, type Page } from '@playwright/test';
import { SLUG } from './content';
import { openReaderTool, openSettingsPage, termLink } from './helpers';

const READER = `/articles/${SLUG}`;

/** A word of a sentence: the server renders each word as one <ruby>; it has no role of its own. */
const word = (page: Page, segment: string, text: string) =>
	page.locator(`.zh [data-seg="${segment}"] ruby`).filter({ hasText: text }).first();

/** The Chinese characters of an element, without the pinyin of its <rt>s. */
const characters = (locator: Locator) =>
	locator.evaluate((el) => {
		const clone = el.cloneNode(true) as HTMLElement;
		clone.querySelectorAll('rt').forEach((rt) => rt.remove());
		return clone.textContent ?? '';
	});

test.describe('learner features', () => {
	test('the page loads without the reader script; a tap made before it arrives still opens the word', async ({
		page
	}) => {
		// The reader's script is held back until the page has loaded, then arrives slowly.
		let release!: () => void;
		const arrived = new Promise<void>((r) => (release = r));
		let loaded = false;
		const beforeLoad: string[] = [];
		page.once('load', () => (loaded = true));
		await page.route('**/js/reader.js*', async (route) => {
			if (!loaded) beforeLoad.push(route.request().url());
			await arrived;
			await route.continue();
		});
		await page.goto(READER, { waitUntil: 'load' });
		expect(beforeLoad).toEqual([]);
		// A term link tapped now is not followed: the tap waits for the script and opens its entry.
		await termLink(page, '扩中提低').first().click();
		await expect(page).toHaveURL(new RegExp(`${READER}$`));
		release();
		const dialog = page.getByRole('dialog', { name: /扩中提低/ });
		await expect(dialog).toBeVisible();
		await expect(dialog).toContainText('expanding the middle-income group');
	});

	test('tapping any word, not only a term, opens its dictionary entry; Save word keeps it', async ({
		page
	}) => {
		await page.goto(READER);
		await word(page, 'c1-1', '港').click();
		const dialog = page.getByRole('dialog', { name: /港城/ });
		await expect(dialog).toBeVisible();
		await expect(dialog).toContainText('gǎng chéng');
		await expect(dialog).toContainText('port city');
		// Each character with its own reading and meaning.
		const parts = dialog.getByRole('list').filter({ hasText: 'harbor' });
		await expect(parts).toContainText('港');
		await expect(parts).toContainText('城');
		await expect(dialog.getByRole('link', { name: 'Search the dictionary' })).toHaveAttribute(
			'href',
			'/dictionary?q=%E6%B8%AF%E5%9F%8E'
		);

		await dialog.getByRole('button', { name: 'Save word' }).click();
		await expect(dialog.getByRole('status')).toHaveText('Saved to your word list.');
		await dialog.getByRole('button', { name: 'Save word' }).click();
		await expect(dialog.getByRole('status')).toHaveText('Already in your word list.');
		await expect(dialog.getByRole('link', { name: 'Your word list' })).toHaveAttribute('href', '/words');
		const saved = await page.evaluate(() => localStorage.getItem('bilingual-reader.saved-words'));
		expect(JSON.parse(saved!).words[0]).toMatchObject({
			word: '港城',
			pinyin: 'gǎng chéng',
			sentenceZh: '祥和的港城',
			sentenceEn: 'The port city in peace and harmony',
			slug: SLUG,
			segmentId: 'c1-1'
		});

		await page.keyboard.press('Escape');
		await expect(dialog).toBeHidden();

		// A word with an HSK level and a Traditional form.
		await word(page, 'p7-1', '发').click();
		const fazhan = page.getByRole('dialog', { name: /发展/ });
		await expect(fazhan).toContainText('HSK 4');
		await expect(fazhan).toContainText('發展');
		await expect(fazhan).toContainText('development');
		await page.keyboard.press('Escape');

		// Each character is given the reading it has in this word: 强 in 强化 is qiáng (its first entry is jiàng).
		await word(page, 'p4-1', '强').click();
		const qianghua = page.getByRole('dialog', { name: /强化/ });
		const chars = qianghua.getByRole('list').filter({ hasText: '化' }).last();
		await expect(chars).toContainText('qiáng');
		await expect(chars).not.toContainText('jiàng');
	});

	test('a glossary term shows its glossary entry first, then the dictionary', async ({ page }) => {
		await page.goto(READER);
		await termLink(page, '高质量发展').first().click();
		const dialog = page.getByRole('dialog', { name: /高质量发展/ });
		await expect(dialog).toBeVisible();
		await expect(dialog.getByRole('link', { name: 'Full glossary entry' })).toHaveAttribute(
			'href',
			/^\/glossary\//
		);
		const text = (await dialog.innerText()).replace(/\s+/g, ' ');
		expect(text.indexOf('high-quality development')).toBeGreaterThan(-1);
		expect(text.indexOf('Full glossary entry')).toBeLessThan(text.indexOf('Search the dictionary'));
	});

	test('sentences by Up/Down, words by Left/Right, Enter opens, Escape returns', async ({ page }) => {
		// The script's markup (with the keys) is held back until a sentence has focus, as on a slow network.
		let release = () => {};
		const held = new Promise<void>((resolve) => (release = resolve));
		await page.route('**/reader-ui/**', async (route) => {
			await held;
			await route.continue();
		});
		await page.goto(READER);
		const sentence = page.locator('.zh [data-seg="c1-1"]');
		// Sentences take focus once the reader's script has made them focusable (it loads when the page is idle).
		await expect(sentence).toHaveAttribute('tabindex');
		await sentence.focus();
		release();
		// The keys are shown while a sentence has keyboard focus, and are its description.
		const keys = page.getByText('Reading by keyboard: ↑ ↓ from sentence to sentence');
		await expect(keys).toBeVisible();
		await expect(sentence).toHaveAccessibleDescription(/← → from word to word, Enter opens the word’s entry/);
		await page.keyboard.press('ArrowRight');
		await expect(word(page, 'c1-1', '祥')).toHaveClass(/is-current/);
		await expect(page.locator('[data-word-live]')).toHaveText('祥和 xiáng hé');
		await page.keyboard.press('ArrowRight');
		await page.keyboard.press('ArrowRight');
		await expect(page.locator('[data-word-live]')).toHaveText('港城 gǎng chéng');
		await page.keyboard.press('Enter');
		const dialog = page.getByRole('dialog', { name: /港城/ });
		await expect(dialog).toBeFocused();
		await page.keyboard.press('Escape');
		await expect(dialog).toBeHidden();
		await expect(sentence).toBeFocused();
		await page.keyboard.press('ArrowDown');
		await expect(page.locator('.zh [data-seg]:focus')).not.toHaveAttribute('data-seg', 'c1-1');
		await expect(keys).toBeVisible();
		// Leaving the text hides them; a click on the text does not bring them back.
		await page.getByRole('link', { name: 'Glossary', exact: true }).focus();
		await expect(keys).toBeHidden();
		await page.locator('.zh [data-seg="p2-1"]').click({ position: { x: 2, y: 2 } });
		await expect(keys).toBeHidden();
	});

	test('Traditional characters, with the same pinyin, terms and popovers, and after a reload', async ({
		page
	}) => {
		await page.goto(READER);
		const title = page.locator('#article-title .zh');
		expect(await characters(title)).toContain('北仑');
		await openReaderTool(page, 'Settings');
		await page.getByLabel('Characters').selectOption('traditional-tw');
		await expect.poll(() => characters(title)).toContain('北侖');
		await expect(title).toHaveAttribute('lang', 'zh-Hant-TW');
		await expect(title.locator('rt').first()).toHaveText('běi');
		// The term is still a term, named by the characters it shows, and its popover opens.
		await termLink(page, '六促六優').first().click();
		await expect(page.getByRole('dialog', { name: /六促六優/ })).toBeVisible();
		await page.keyboard.press('Escape');

		await page.reload();
		expect(await characters(title)).toContain('北侖');
		await openReaderTool(page, 'Settings');
		await page.getByLabel('Characters').selectOption('traditional-hk');
		await expect(title).toHaveAttribute('lang', 'zh-Hant-HK');
		await page.getByLabel('Characters').selectOption('simplified');
		await expect.poll(() => characters(title)).toContain('北仑');
	});

	test('tone colours: a scheme colours characters and pinyin, another changes them at once', async ({
		page
	}) => {
		await page.goto(READER);
		const colourOf = (selector: string) =>
			page
				.locator(selector)
				.first()
				.evaluate((el) => getComputedStyle(el).color);
		await openReaderTool(page, 'Settings');
		await page.getByRole('radio', { name: 'Pleco' }).check();
		const first = page.locator('article.reader .t1').first();
		await expect(first).toBeVisible();
		expect(await colourOf('article.reader .t1')).toBe('rgb(227, 0, 0)');
		expect(await colourOf('article.reader .t4 + rt')).toBe('rgb(137, 0, 191)');
		await page.getByRole('radio', { name: 'Hanping' }).check();
		await expect.poll(() => colourOf('article.reader .t1')).toBe('rgb(100, 180, 255)');
		await page.getByRole('radio', { name: /High contrast/ }).check();
		const line = await page
			.locator('article.reader .t1')
			.first()
			.evaluate((el) => getComputedStyle(el).textDecorationLine);
		expect(line).toBe('overline');
		// Loaded at the address of these settings, the page links the colours' stylesheet itself.
		await page.reload();
		await expect.poll(() => colourOf('article.reader .t1')).toBe('rgb(163, 0, 0)');
		await openReaderTool(page, 'Settings');
		await expect(page.getByRole('radio', { name: /High contrast/ })).toBeChecked();

		await page.getByRole('radio', { name: /Numbers/ }).check();
		await expect(page.locator('#article-title .zh rt').first()).toHaveText('bei3');
		await page.getByLabel('Hide pinyin of words I know').selectOption('4');
		const known = word(page, 'p7-1', '发');
		await expect(known).toHaveClass(/\bk\b/);
		await expect(known.locator('rt').first()).toBeHidden();
		await page.reload();
		await expect(page.locator('#article-title .zh rt').first()).toHaveText('bei3');
		expect(await colourOf('article.reader .t1')).toBe('rgb(163, 0, 0)');
	});

	test('the dictionary page finds 港城 by characters, pinyin with and without tones, and English; names read as names', async ({
		page
	}) => {
		for (const q of ['港城', 'gangcheng', 'gǎngchéng']) {
			await page.goto(`/dictionary?q=${encodeURIComponent(q)}`);
			await expect(page.getByRole('heading', { level: 2 }).first()).toContainText('港城');
			await expect(page.getByRole('status')).toContainText(q);
		}
		// A place name is written as a name (CC-CEDICT spaces it by syllable: Níng bō).
		await page.goto(`/dictionary?q=${encodeURIComponent('宁波')}`);
		await expect(page.locator('.g-pinyin').first()).toHaveText('Níngbō');
		// So is a person's name in the popover: the byline's 周松华.
		await page.goto(`/articles/${SLUG}`);
		await page.locator('#byline .zh ruby').first().click();
		await expect(page.getByRole('dialog').locator('[data-slot="pinyin"]')).toHaveText('Zhōu Sōnghuá');

		await page.goto('/dictionary');
		await page.getByLabel('Word, pinyin or English').fill('port');
		await page.getByRole('button', { name: 'Look up' }).click();
		await expect(page).toHaveURL(/\?q=port$/);
		await expect(page.getByRole('heading', { level: 2, name: /^港/ }).first()).toBeVisible();
		await expect(page.getByRole('link', { name: 'CC BY-SA 4.0' })).toHaveAttribute('href', /by-sa\/4\.0/);

		await page.goto(`/dictionary?q=${'x'.repeat(80)}`);
		await expect(page.getByRole('alert')).toContainText('too long');
		await page.goto('/dictionary?q=qqqqzzzz');
		await expect(page.getByRole('status')).toContainText('Nothing found');

		// A policy term CC-CEDICT lacks leads to its glossary entry.
		await page.goto(`/dictionary?q=${encodeURIComponent('乡村振兴')}`);
		await expect(page.getByRole('status')).toContainText('the glossary of policy terms has it');
		const glossary = page.getByRole('region', { name: 'In the glossary of policy terms' });
		await expect(glossary).toContainText('rural revitalisation');
		await glossary.getByRole('link', { name: '乡村振兴' }).click();
		await expect(page).toHaveURL('/glossary/xiang-cun-zhen-xing');
	});

	test('reading pages credit CC-CEDICT and its licence', async ({ page }) => {
		await page.goto(READER);
		await expect(page.locator('.dictionary-credit')).toContainText('CC-CEDICT');
		await expect(page.getByRole('link', { name: 'CC BY-SA 4.0' })).toBeVisible();
	});
});

test.describe('learner features without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the settings form switches to Traditional and tone numbers; the dictionary searches', async ({
		page
	}) => {
		await page.goto(READER);
		await openSettingsPage(page);
		await page.getByLabel('Characters').selectOption('traditional-hk');
		await page.getByRole('radio', { name: /Numbers/ }).check();
		await page.getByRole('button', { name: 'Apply' }).click();
		// The settings' own address: a page a shared cache may keep for every reader with them.
		await expect(page).toHaveURL(`${READER}?toneStyle=numbers&script=traditional-hk&lang=en`);
		expect(await characters(page.locator('#article-title .zh'))).toContain('北侖');
		await expect(page.locator('#article-title .zh rt').first()).toHaveText('bei3');

		await page.goto('/dictionary');
		await page.getByLabel('Word, pinyin or English').fill('gang3cheng2');
		await page.getByRole('button', { name: 'Look up' }).click();
		await expect(page.getByRole('heading', { level: 2 }).first()).toContainText('港城');
	});
});
