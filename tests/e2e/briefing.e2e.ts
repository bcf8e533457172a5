// An analyst's briefing of the seed article, tried as a new user would: from the library to the briefing, the
// district's GDP in RMB and US dollars with its rate, its sentence in the reader, a search for 梅山, the
// downloads, the feed and the printed PDF.
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { XMLValidator } from 'fast-xml-parser';
import { walkSegments } from '../../src/lib/content/walk';
import { SLUG, article } from './content';

const BRIEFING = `/articles/${SLUG}/briefing`;

/** The figures table's row whose first cell names `measure`. */
const row = (page: Page, measure: string | RegExp) =>
	page
		.getByRole('table')
		.getByRole('row')
		.filter({ has: page.getByRole('rowheader', { name: measure }) });

test('from the library, the briefing gives the GDP in RMB and US dollars and leads to its sentence', async ({
	page
}) => {
	await page.goto('/');
	await page.getByRole('link', { name: 'Briefing for investors and analysts' }).first().click();
	await expect(page).toHaveURL(BRIEFING);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(article.title.en);
	await expect(page.getByRole('heading', { name: 'Key figures' })).toBeVisible();

	const gdp = row(page, 'District GDP');
	await expect(gdp).toHaveCount(1);
	await expect(gdp).toContainText('RMB 185.66 billion');
	await expect(gdp).toContainText('US$27.60 billion');
	await expect(gdp).toContainText('Q1–Q3 2022');
	await expect(gdp).toContainText('+5.3% year on year');
	await expect(gdp).toContainText('fastest growth in Ningbo');
	await expect(gdp).toContainText('1856.6亿元');
	// The rate is stated with its source and date.
	const rate = page.getByText(/official 2022 annual-average rate of RMB 6\.7261 per US dollar/);
	await expect(rate).toContainText('National Bureau of Statistics of China');
	await expect(rate).toContainText('2023-02-28');

	// Familiar units and approximations.
	await expect(row(page, 'People who found new jobs in the district')).toContainText('37,000 people');
	await expect(row(page, 'Area demolished in urban-village redevelopment')).toContainText('474,600 m²');
	await expect(row(page, /^Land put to use/)).toContainText('5,138 mu (about 342.5 ha)');
	await expect(row(page, 'Total investment of those 31 key projects')).toContainText('over RMB 130 billion');
	await expect(row(page, 'Container truck parking spaces added')).toContainText('nearly 5,000');

	// Summaries are marked as editorial.
	await expect(page.getByText('Editorial summary').first()).toBeVisible();

	// The GDP's sentence link opens the reader at that sentence.
	await gdp.getByRole('link', { name: /^sentence \d+$/ }).click();
	await expect(page).toHaveURL(`/articles/${SLUG}#seg-p3-2`);
	const sentence = page.locator('.zh [data-seg="p3-2"]');
	await expect(sentence).toBeFocused();
	await expect(sentence).toContainText('1856.6');
});

test('on a phone the figures table scrolls in its own box, by keyboard too, and the page does not pan', async ({
	page
}) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await page.goto(BRIEFING);
	const box = page.getByRole('region', {
		name: 'Key figures of the article, with the sentence each comes from'
	});
	await expect(box.getByRole('table')).toBeVisible();
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
	const scroll = () => box.evaluate((el) => el.scrollLeft);
	expect(await box.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
	await box.focus();
	await page.keyboard.press('ArrowRight');
	await expect.poll(scroll).toBeGreaterThan(0);
});

test('a search for 梅山 finds every sentence that names it, each linking to the reader', async ({ page }) => {
	const naming = walkSegments(article).filter(({ segment }) => segment.zh.includes('梅山'));
	expect(naming.length).toBeGreaterThanOrEqual(3);

	await page.goto('/');
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search' }).click();
	await page.getByRole('searchbox', { name: 'Search the library' }).fill('梅山');
	await page.getByRole('button', { name: 'Search' }).click();
	await expect(page).toHaveURL(/\/search\?q=/);
	const results = page.getByRole('list').filter({ has: page.getByText('Sentence') });
	for (const { segment } of naming) {
		const link = results.locator(`a[href="/articles/${SLUG}#seg-${segment.id}"]`);
		await expect(link).toHaveCount(1);
		await expect(link).toContainText(segment.zh);
	}
	// Only sentences that name it: no other sentence of the article is listed.
	await expect(results.locator(`a[href^="/articles/${SLUG}#seg-"]`)).toHaveCount(naming.length);

	// The same sentences by pinyin, with and without tones; a wrong tone finds none of them.
	for (const q of ['meishan', 'Méishān', 'mei shan']) {
		await page.goto(`/search?q=${encodeURIComponent(q)}`);
		for (const { segment } of naming)
			await expect(page.locator(`a[href="/articles/${SLUG}#seg-${segment.id}"]`)).toHaveCount(1);
	}
	await page.goto(`/search?q=${encodeURIComponent('mèishàn')}`);
	await expect(page.getByRole('status')).toHaveText('Nothing found for “mèishàn”.');

	// English finds the figure and the sentence.
	await page.goto('/search?q=GDP');
	await expect(page.locator(`a[href="/articles/${SLUG}#seg-p3-2"]`).first()).toBeVisible();
});

test('the briefing prints on A4 with the figures table intact and no site chrome', async ({ page }) => {
	await page.goto(BRIEFING);
	const measures = await page.getByRole('table').getByRole('rowheader').allTextContents();
	expect(measures.length).toBeGreaterThan(40);

	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('.site-header')).toBeHidden();
	await expect(page.locator('.site-footer')).toBeHidden();
	const rowsAvoidBreaks = await page
		.locator('table tbody tr')
		.evaluateAll((rows) => rows.every((r) => getComputedStyle(r).breakInside === 'avoid'));
	expect(rowsAvoidBreaks).toBe(true);

	const pdf = await page.pdf({ format: 'A4', printBackground: false });
	const doc = await getDocument({ data: new Uint8Array(pdf) }).promise;
	expect(doc.numPages).toBeGreaterThan(1);
	const pages: string[] = [];
	for (let n = 1; n <= doc.numPages; n++) {
		const content = await (await doc.getPage(n)).getTextContent();
		pages.push(content.items.map((i) => ('str' in i ? i.str : '')).join(' '));
	}
	const text = pages.join('\n').replace(/\s+/g, ' ');
	// Every figure is printed: the GDP row whole (on one page), and each row's value.
	const gdpPage = pages.find((p) => p.replace(/\s+/g, ' ').includes('District GDP'));
	expect(gdpPage?.replace(/\s+/g, ' ')).toMatch(
		/District GDP.*RMB 185\.66 billion.*US\$27\.60 billion.*Q1–Q3 2022/
	);
	for (const value of ['RMB 40.59 billion', '37,000 people', '474,600 m²', 'nearly 5,000', '4,469'])
		expect(text).toContain(value);
	// No site chrome in print.
	expect(text).not.toContain('Skip to content');
	await doc.destroy();
});

test('figures download as CSV and JSON; the feed is well-formed Atom', async ({ page, request }) => {
	await page.goto(BRIEFING);
	const csvLink = page.getByRole('link', { name: 'Figures (CSV)' });
	const [csv] = await Promise.all([page.waitForEvent('download'), csvLink.click()]);
	expect(csv.suggestedFilename()).toBe(`${SLUG}-figures.csv`);

	const res = await request.get(`/articles/${SLUG}/figures.csv`);
	expect(res.headers()['content-type']).toBe('text/csv; charset=utf-8');
	const body = await res.text();
	const header = body.split('\r\n')[0]!.split(',');
	expect(header).toEqual(
		expect.arrayContaining(['segment', 'zh', 'en', 'value', 'unit', 'period', 'change', 'kind', 'usd'])
	);
	expect(body).toContain('p3-2,1856.6亿元,District GDP,185660000000,CNY,');

	const json = await (await request.get(`/articles/${SLUG}/figures.json`)).json();
	const gdp = json.figures.find(
		(f: { segment: string; unit: string }) => f.segment === 'p3-2' && f.unit === 'CNY'
	);
	expect(gdp).toMatchObject({ value: 185660000000, usd: 27602919968.48, period: 'Q1–Q3 2022' });
	expect(json.exchangeRate).toMatchObject({ year: 2022, rmbPerUsd: 6.7261, published: '2023-02-28' });

	const feed = await request.get('/feed.xml');
	expect(feed.headers()['content-type']).toBe('application/atom+xml; charset=utf-8');
	const xml = await feed.text();
	expect(XMLValidator.validate(xml)).toBe(true);
	expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
	expect(xml).toContain(`<title>${article.title.en}`);
	expect(xml).toContain('GDP of RMB 185.66 billion');
});

test('who and what lists the named zones, companies and places, across the library at /entities', async ({
	page
}) => {
	await page.goto(BRIEFING);
	const who = page.getByRole('region', { name: 'Who and what' });
	await expect(who.getByRole('link', { name: 'Ningbo Meishan Bonded Port Area' })).toBeVisible();
	await expect(who.getByRole('link', { name: 'Geely', exact: true })).toBeVisible();
	await expect(who.getByRole('link', { name: 'Hetou Village' })).toBeVisible();

	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Who and what' }).click();
	await page.getByLabel('Type').selectOption('company');
	await page.getByRole('button', { name: 'Show' }).click();
	await expect(page).toHaveURL('/entities?type=company');
	const geely = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /^Geely/ }) });
	await expect(geely.locator(`a[href="/articles/${SLUG}#seg-c3-1"]`)).toBeVisible();
	await expect(page.getByRole('heading', { name: /Wang Mengxiong/ })).toHaveCount(0);
});

for (const path of [BRIEFING, '/search?q=%E6%A2%85%E5%B1%B1', '/entities'])
	test(`${path} has no serious accessibility violations`, async ({ page }) => {
		test.slow(); // axe scans every node of a long page
		await page.goto(path);
		const { violations } = await new AxeBuilder({ page }).analyze();
		expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
	});

test('without JavaScript the briefing, a search and the entities read the same', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto(BRIEFING);
	await expect(row(page, 'District GDP')).toContainText('US$27.60 billion');
	await page.goto('/search');
	await page.getByRole('searchbox', { name: 'Search the library' }).fill('Meishan');
	await page.getByRole('button', { name: 'Search' }).click();
	await expect(page.locator(`a[href="/articles/${SLUG}#seg-p22-2"]`)).toBeVisible();
	await page.goto('/entities?type=port');
	await expect(page.getByRole('heading', { name: /Ningbo-Zhoushan Port/ })).toBeVisible();
	await context.close();
});
