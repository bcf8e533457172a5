/**
 * The reader's first screen and its pinyin, measured in the browser at a phone's and a laptop's size: the title
 * and the first sentence of the text are on the first screen (with and without JavaScript), the tools are a tap
 * away, and pinyin syllables stand clear of each other with the characters evenly spaced at every pinyin size,
 * the small print's (byline, captions, notes) close to the text's size.
 */
import { expect, test, type Page } from '@playwright/test';
import { SLUG, article } from './content';
import { openReaderTool, openSettingsPage, sentence, termLink } from './helpers';

const READER = `/articles/${SLUG}`;
const VIEWPORTS = [
	{ name: 'phone', width: 390, height: 844 },
	{ name: 'laptop', width: 1280, height: 800 }
] as const;
const lead = article.blocks.find((b) => b.type === 'paragraph');
if (lead?.type !== 'paragraph') throw new Error('the article has no paragraph');
/** The first sentence of the text (潮起东海，奔竞不息。). */
const first = lead.segments[0]!;

/** The Chinese of a sentence as the reader shows it, without its pinyin. */
const chineseOf = (page: Page, id: string) =>
	sentence(page, id).evaluate((el) => {
		const clone = el.cloneNode(true) as HTMLElement;
		clone.querySelectorAll('rt').forEach((rt) => rt.remove());
		return clone.textContent ?? '';
	});

for (const viewport of VIEWPORTS) {
	for (const javaScriptEnabled of [true, false]) {
		test.describe(`the first screen on a ${viewport.name}, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
			test.use({ viewport, javaScriptEnabled, hasTouch: viewport.name === 'phone' });

			test('shows the title and the first sentence; settings and downloads are a tap away', async ({
				page
			}) => {
				await page.goto(READER);
				const within = async (box: { y: number; height: number } | null) => {
					expect(box).not.toBeNull();
					expect(box!.y).toBeGreaterThanOrEqual(0);
					expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height);
				};
				await within(await page.getByRole('heading', { level: 1 }).boundingBox());
				expect(await chineseOf(page, first.id)).toBe(first.zh);
				await within(await sentence(page, first.id).boundingBox());
				if (viewport.name === 'laptop') await within(await page.getByText(first.en).boundingBox());

				// The settings are closed, one tap away: they open in the page with JavaScript, and on a page of
				// their own without it. The downloads are a link to their own page.
				const pinyin = page.getByRole('group', { name: 'Pinyin', exact: true });
				await expect(pinyin).toBeHidden();
				const download = page.locator('.reader-toolbar').getByRole('link', { name: 'Download', exact: true });
				await within(await download.boundingBox());
				if (javaScriptEnabled) await openReaderTool(page, 'Settings');
				else await openSettingsPage(page);
				await expect(pinyin).toBeVisible();
				await expect(page.getByRole('radio', { name: 'Always' })).toBeChecked();
				await page.goto(READER);
				await download.click();
				await expect(page.getByRole('link', { name: 'Translation memory (TMX)' })).toHaveAttribute(
					'href',
					`/articles/${SLUG}/export.tmx`
				);
				await page.getByRole('link', { name: 'Back to the text' }).click();
				await expect(page).toHaveURL(READER);
			});
		});
	}
}

test.describe('the toolbar with JavaScript', () => {
	test('Listen closes on Escape and on a tap outside; settings stay open while reading', async ({ page }) => {
		await page.goto(READER);
		await openReaderTool(page, 'Listen');
		const controls = page.getByRole('region', { name: 'Listen' });
		await expect(controls).toBeVisible();
		await page.getByText('Listen', { exact: true }).focus();
		await page.keyboard.press('Escape');
		await expect(controls).toBeHidden();
		await expect(page.getByText('Listen', { exact: true })).toBeFocused();

		// A tap on the text below the panel (which covers the first lines of the text under the toolbar).
		await openReaderTool(page, 'Listen');
		await page.locator('[id="p5"] .en').click();
		await expect(controls).toBeHidden();

		// Settings open in the page, so the text stays in view and in reach while a setting is tried.
		await openReaderTool(page, 'Settings');
		await page.getByRole('radio', { name: 'Chinese only' }).check();
		await termLink(page, '扩中提低').first().click();
		await expect(page.getByRole('dialog', { name: /扩中提低/ })).toBeVisible();
		await page.keyboard.press('Escape');
		await expect(page.getByRole('radio', { name: 'Chinese only' })).toBeVisible();
	});
});

/**
 * Neighbouring pinyin syllables on a line (the boxes of neighbouring <rt> elements, left to right): the
 * smallest gap between them; and how evenly the characters of a word sit (the share of neighbouring characters
 * whose distance, centre to centre, is more than a tenth of a character from the usual one).
 */
function pinyinLayout(page: Page, selector = '.block.paragraph .zh rt') {
	return page.evaluate((selector) => {
		const rts = [...document.querySelectorAll(selector)].slice(0, 1200);
		const boxes = rts.map((rt) => rt.getBoundingClientRect());
		const gaps: number[] = [];
		const steps: number[] = [];
		for (let i = 1; i < rts.length; i++) {
			const a = boxes[i - 1]!;
			const b = boxes[i]!;
			if (Math.abs(a.top - b.top) > 2 || b.left < a.left) continue; // a new line
			gaps.push(b.left - a.right);
			const word = rts[i]!.parentElement!;
			if (word !== rts[i - 1]!.parentElement) continue;
			// Each character is the node before its <rt> (text, or <i> with tone colours).
			const centre = (rt: Element) => {
				const range = document.createRange();
				range.selectNode(rt.previousSibling!);
				const r = range.getBoundingClientRect();
				return (r.left + r.right) / 2;
			};
			steps.push((centre(rts[i]!) - centre(rts[i - 1]!)) / parseFloat(getComputedStyle(word).fontSize));
		}
		const usual = [...steps].sort((x, y) => x - y)[steps.length >> 1]!;
		return {
			pairs: gaps.length,
			smallestGap: Math.min(...gaps),
			uneven: steps.filter((s) => Math.abs(s - usual) > 0.1).length / steps.length,
			smallestSize: Math.min(...rts.map((rt) => parseFloat(getComputedStyle(rt).fontSize)))
		};
	}, selector);
}

/** The pinyin of the small print: the byline, captions with their credits, and note blocks. */
const SMALL_PRINT = ':is(.byline, figcaption, .note-block) .zh rt';

for (const viewport of VIEWPORTS) {
	test(`pinyin stands clear, small print's too, and characters sit evenly at every pinyin size (${viewport.name})`, async ({
		browser
	}) => {
		const context = await browser.newContext({ viewport });
		const page = await context.newPage();
		await page.goto(READER);
		await openReaderTool(page, 'Settings');
		for (const size of ['Small', 'Medium', 'Large']) {
			await page.getByRole('radio', { name: size, exact: true }).check();
			await expect(page.locator('article.reader')).toHaveAttribute('data-pinyin-size', size.toLowerCase());
			const layout = await pinyinLayout(page);
			expect(layout.pairs, size).toBeGreaterThan(500);
			expect(layout.smallestGap, `${size}: neighbouring syllables`).toBeGreaterThanOrEqual(2);
			expect(layout.uneven, `${size}: unevenly spaced characters`).toBeLessThan(0.2);
			// The small print's pinyin stands clear too, and is near the text's size: never too small to read.
			const small = await pinyinLayout(page, SMALL_PRINT);
			expect(small.pairs, size).toBeGreaterThan(40);
			expect(small.smallestGap, `${size}: neighbouring syllables in small print`).toBeGreaterThanOrEqual(2);
			expect(
				small.smallestSize / layout.smallestSize,
				`${size}: small print's pinyin`
			).toBeGreaterThanOrEqual(0.85);
			if (size === 'Medium') expect(small.smallestSize, 'small print at Medium').toBeGreaterThanOrEqual(9);
		}
		await context.close();
	});
}
