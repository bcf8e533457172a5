// Issue 9: /read — any Chinese text, pasted or opened from a file, read at once in the reader (pinyin, word and
// glossary popovers, Traditional), with no translation and nothing stored; hostile files stay inert; the form
// works without JavaScript. Against the production build, in Chromium.
import { expect, test, type Page } from '@playwright/test';
import { openReaderTool, openSettingsPage, sentence, termLink, watchCsp } from './helpers';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';

const seed = readFileSync(new URL('../../src/lib/import/testdata/beilun-seed.txt', import.meta.url), 'utf8');
const gbk = readFileSync(new URL('../../src/lib/import/testdata/gbk.txt', import.meta.url));

/** An unseen government text: a report with numbered headings, then most of the seed's body (its captions and page breaks too). */
const REPORT = [
	'关于二〇二三年国民经济和社会发展计划执行情况的报告',
	'一、二〇二三年经济运行总体情况',
	'过去一年，全区上下坚持稳中求进工作总基调，完整、准确、全面贯彻新发展理念，加快构建新发展格局，着力推动高质量发展。地区生产总值增长百分之六点二，规模以上工业增加值增长百分之八点一，城乡居民人均可支配收入分别增长百分之五点三和百分之六点九。',
	'（一）扩大有效投资',
	'全年实施省市县长项目工程四十二个，完成投资三百一十亿元。坚持“要素跟着项目走”，新增建设用地指标优先保障重大产业项目，推动一批先进制造业项目开工建设。',
	'（二）稳定市场主体',
	'出台助企纾困政策二十条，累计减税降费及退税缓税缓费超过六十亿元。深入开展“万名干部进万企”活动，帮助企业解决用工、融资、物流等问题一千余个。',
	...seed.split('\n').slice(8, 76).filter(Boolean)
].join('\n\n');

const result = (page: Page) => page.getByRole('region', { name: 'Your text' });
const characters = (locator: ReturnType<Page['locator']>) =>
	locator.evaluate((node) => {
		const clone = node.cloneNode(true) as HTMLElement;
		clone.querySelectorAll('rt').forEach((rt) => rt.remove());
		return clone.textContent ?? '';
	});

/** The Chinese of an element of the reader, without its pinyin. */
const zh = (page: Page, selector: string) => () => characters(page.locator(selector));
const title = (page: Page) => zh(page, '#article-title .zh');

async function openFile(page: Page, name: string, mimeType: string, buffer: Buffer) {
	await page.goto('/read');
	await page.getByLabel('Or open a file (.txt, .docx, .html)').setInputFiles({ name, mimeType, buffer });
	await page.getByRole('button', { name: 'Read', exact: true }).click();
}

test.describe('/read', () => {
	test('a pasted report reads at once: pinyin, a word popover, a glossary popover, Traditional', async ({
		page
	}) => {
		expect(REPORT.length).toBeGreaterThan(2000);
		const violations = await watchCsp(page);
		await page.goto('/read');
		await expect(page.getByText('This page shows no translation')).toBeVisible();
		await expect(page.getByText('Up to 50,000 characters of text')).toBeVisible();
		await page.getByLabel('Chinese text').fill(REPORT);
		await page.getByRole('button', { name: 'Read', exact: true }).click();

		const text = result(page);
		await expect(text.getByRole('heading', { level: 1 })).toBeVisible();
		// The text's title is the page's one h1; the page's name stands above it, not as a second h1.
		await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
		await expect(page.getByRole('main').getByText('Read any Chinese text', { exact: true })).toBeVisible();
		await expect.poll(title(page)).toBe('关于二〇二三年国民经济和社会发展计划执行情况的报告');
		await expect(text.getByRole('heading', { level: 2 }).filter({ hasText: '运' })).toHaveAttribute(
			'id',
			'h1'
		);
		expect(await zh(page, '#h1 .zh')()).toBe('一、二〇二三年经济运行总体情况');
		expect(await zh(page, '#h2 .zh')()).toBe('（一）扩大有效投资');
		// Ruby pinyin over the Chinese, and no English side at all.
		const first = page.locator('#p1 .zh');
		await expect(first.locator('rt').first()).toHaveText('guò');
		await expect(page.locator('article.reader .en')).toHaveCount(0);
		// With no English, the settings do not offer a choice between Chinese and English.
		await openReaderTool(page, 'Settings');
		await expect(page.getByRole('group', { name: 'Pinyin', exact: true })).toBeVisible();
		await expect(page.getByRole('group', { name: 'Show', exact: true })).toHaveCount(0);

		// A word popover from the data embedded in the page.
		await page.locator('.zh [data-seg="p1-1"] ruby').filter({ hasText: '坚' }).first().click();
		const word = page.getByRole('dialog', { name: /坚持/ });
		await expect(word).toBeVisible();
		await expect(word).toContainText('jiān chí');
		await expect(word).toContainText('to persevere');
		// Saved like any word; its link goes back to /read (the text itself is kept nowhere).
		await word.getByRole('button', { name: 'Save word' }).click();
		await expect(word).toContainText('Saved to your word list.');
		await page.keyboard.press('Escape');
		// A glossary popover for a known policy term.
		await termLink(page, '扩中提低').first().click();
		const term = page.getByRole('dialog', { name: /扩中/ });
		await expect(term).toBeVisible();
		await expect(term).toContainText('middle-income');
		await page.keyboard.press('Escape');

		// Traditional, rendered again by the server from the text in the form.
		await page.getByLabel('Characters').selectOption('traditional-tw');
		await expect.poll(() => characters(page.locator('#p1 .zh'))).toContain('堅持');
		await expect(page.locator('#p1 .zh rt').first()).toHaveText('guò');
		await page.getByLabel('Characters').selectOption('simplified');
		await expect.poll(() => characters(page.locator('#p1 .zh'))).toContain('坚持');
		expect(violations).toEqual([]);

		await page.goto('/words');
		const saved = page.getByRole('link', { name: '关于二〇二三年国民经济和社会发展计划执行情况的报告' });
		await expect(saved).toHaveAttribute('href', '/read#seg-p1-1');
	});

	test('.txt files in UTF-8 and GBK, with the encoding named', async ({ page }) => {
		await openFile(page, 'utf8.txt', 'text/plain', Buffer.from('北仑港口\n\n潮起东海，奔竞不息。', 'utf8'));
		await expect(result(page)).toContainText('Read from utf8.txt (UTF-8)');
		await expect(page.locator('#p1 .zh rt').first()).toHaveText('cháo');

		await openFile(page, 'gbk.txt', 'text/plain', gbk);
		await expect(result(page)).toContainText('Read from gbk.txt (GB18030)');
		await expect.poll(title(page)).toBe('宁波北仑港口');
	});

	test('a .docx document and an .html page', async ({ page }) => {
		const doc = new Document({
			sections: [
				{
					children: [
						new Paragraph({ text: '宁波舟山港集装箱吞吐量再创新高', heading: HeadingLevel.HEADING_1 }),
						new Paragraph({ text: '今年以来，北仑坚持以数字化改革为引领，推动港口高质量发展。' })
					]
				}
			]
		});
		await openFile(
			page,
			'report.docx',
			'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
			Buffer.from(await Packer.toBuffer(doc))
		);
		await expect.poll(title(page)).toBe('宁波舟山港集装箱吞吐量再创新高');
		await expect(result(page)).toContainText('Read from report.docx');

		await openFile(
			page,
			'page.html',
			'text/html',
			Buffer.from('<h1>北仑新篇章</h1><p>潮起东海，<b>奔竞不息</b>。</p><p>一年来，全区上下全力以赴。</p>')
		);
		await expect.poll(title(page)).toBe('北仑新篇章');
		await expect.poll(zh(page, '#p2 .zh')).toBe('一年来，全区上下全力以赴。');
	});

	test('hostile HTML stays inert: no script, handler or javascript: link survives', async ({ page }) => {
		const violations = await watchCsp(page);
		let dialogs = 0;
		page.on('dialog', (d) => {
			dialogs++;
			void d.dismiss();
		});
		const hostile = `<html><head><script>alert(1)</script></head><body onload="alert(2)">
<h1 onmouseover="alert(3)">北仑新篇章</h1><p>潮起东海，奔竞不息。<img src=x onerror="alert(4)"></p>
<p><a href="javascript:alert(5)">点击这里</a>查看详情。<svg onload="alert(6)"></svg></p>
<script>document.title='hacked'</script><iframe src="javascript:alert(7)"></iframe></body></html>`;
		await openFile(page, 'hostile.html', 'text/html', Buffer.from(hostile));
		await expect.poll(title(page)).toBe('北仑新篇章');
		await expect.poll(zh(page, '#p2 .zh')).toBe('点击这里查看详情。');
		await page.locator('#article-title').hover();
		const article = page.locator('article.reader');
		await expect(article.locator('script, img, iframe, svg, [onload], [onerror], [onmouseover]')).toHaveCount(
			0
		);
		await expect(article.locator('a[href^="javascript"]')).toHaveCount(0);
		await expect(article).not.toContainText('alert');
		expect(await page.title()).not.toBe('hacked');
		expect(dialogs).toBe(0);
		expect(violations).toEqual([]);
	});

	test('bad input gets a clear message, never a server error', async ({ page }) => {
		await page.goto('/read');
		await page.getByRole('button', { name: 'Read', exact: true }).click();
		await expect(page.getByRole('alert')).toHaveText(/There is no text to read/);

		await page.getByLabel('Chinese text').fill('Only English, no Chinese at all.');
		await page.getByRole('button', { name: 'Read', exact: true }).click();
		await expect(page.getByRole('alert')).toHaveText(/holds no Chinese characters/);

		await openFile(
			page,
			'fake.docx',
			'application/octet-stream',
			Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3])
		);
		await expect(page.getByRole('alert')).toHaveText(/could not be opened as a Word document/);

		await openFile(page, 'big.txt', 'text/plain', Buffer.alloc(3 * 1024 * 1024, 0x61));
		await expect(page.getByRole('alert')).toHaveText(/larger than 2 MB/);

		const origin = new URL(page.url()).origin;
		const post = (text: string) =>
			page.request.post('/read', { multipart: { text }, headers: { origin, accept: 'text/html' } });
		const long = await post('中'.repeat(60_000));
		expect(long.status()).toBe(413);
		expect(await long.text()).toContain('This text has 60,000 characters; the limit is 50,000.');
		// 10 MB of text (UTF-8): refused with the same message, and the text is not sent back into the form.
		const huge = await post('北'.repeat(Math.floor((10 * 1024 * 1024) / 3)));
		expect(huge.status()).toBe(413);
		const body = await huge.text();
		expect(body).toContain('the limit is 50,000');
		expect(body.length).toBeLessThan(100_000);
		// More than the server accepts at all: still a message, never a 500.
		const over = await post('a'.repeat(12 * 1024 * 1024));
		expect(over.status()).toBe(413);
		expect(await over.text()).toContain('The text could not be received');
	});

	test('no serious or critical accessibility violations, before and after reading', async ({ page }) => {
		test.setTimeout(240_000);
		const serious = async () =>
			(await new AxeBuilder({ page }).analyze()).violations
				.filter((v) => v.impact === 'serious' || v.impact === 'critical')
				.map((v) => `${v.id}: ${v.nodes.length} nodes`);
		await page.goto('/read');
		expect(await serious()).toEqual([]);
		await page.getByLabel('Chinese text').fill(REPORT.slice(0, 800));
		await page.getByRole('button', { name: 'Read', exact: true }).click();
		await expect(result(page)).toBeVisible();
		expect(await serious()).toEqual([]);
	});

	test('texts read here are kept in this browser to read again, and removed on request', async ({ page }) => {
		test.setTimeout(180_000);
		const recent = page.getByRole('region', { name: 'Texts you read here before' });
		const kept = () => page.evaluate(() => localStorage.getItem('bilingual-reader.recent-texts') ?? '');
		/** Remove all, answering its question (Playwright dismisses a dialog nobody answers: nothing removed). */
		const removeAll = async () => {
			page.once('dialog', (d) => void d.accept());
			await recent.getByRole('button', { name: 'Remove all' }).click();
		};
		const keptTitles = async () =>
			((JSON.parse((await kept()) || '{}') as { texts?: { title: string }[] }).texts ?? []).map(
				(t) => t.title
			);
		/** Read a text, and wait until the page has kept it (the reader's script runs after first paint). */
		async function read(text: string, heading: string) {
			await page.goto('/read');
			await page.getByLabel('Chinese text').fill(text);
			await page.getByRole('button', { name: 'Read', exact: true }).click();
			await expect.poll(title(page)).toBe(heading);
			await expect.poll(keptTitles, { timeout: 30_000 }).toContain(heading);
		}
		await page.goto('/read');
		await expect(recent).toHaveCount(0);
		await read('北仑港口\n\n潮起东海，奔竞不息。', '北仑港口');
		await read(REPORT.slice(0, 600), '关于二〇二三年国民经济和社会发展计划执行情况的报告');

		// Newest first, each with its size; the buttons say which text they act on.
		await page.goto('/read');
		await expect(recent).toBeVisible();
		await expect(recent).toContainText('Kept only in this browser, never on the server');
		const items = recent.getByRole('listitem');
		await expect(items).toHaveCount(2);
		await expect(items.first()).toContainText('关于二〇二三年国民经济和社会发展计划执行情况的报告');
		await expect(items.nth(1)).toContainText('北仑港口');
		await expect(items.nth(1)).toContainText('12 Chinese characters · read');
		const again = recent.getByRole('button', { name: 'Read again', description: '北仑港口' });
		await expect(again).toBeVisible();
		const violations = await new AxeBuilder({ page }).include('#recent-texts').analyze();
		expect(violations.violations.filter((v) => ['serious', 'critical'].includes(v.impact ?? ''))).toEqual([]);

		// Read again: the text is posted as if pasted, and moves to the top.
		await again.click();
		await expect.poll(title(page)).toBe('北仑港口');
		await expect(page.locator('#p1 .zh rt').first()).toHaveText('cháo');
		await expect
			.poll(async () => (await kept()).indexOf('北仑港口'))
			.toBeLessThan((await kept()).indexOf('关于二〇二三年'));

		// A word saved from a text read here links back to /read#seg-…: the page says the text may be among those
		// kept, and Read again opens it at that sentence, focused.
		const linkNote = page
			.getByRole('status')
			.filter({ hasText: 'The link you followed leads to a sentence' });
		await page.goto('/words'); // where such links are: a load of /read, not a jump within the result page
		await page.goto('/read#seg-p1-1');
		await expect(linkNote).toContainText('Read again opens that text at the sentence');
		await recent.getByRole('button', { name: 'Read again', description: '北仑港口' }).click();
		await expect.poll(title(page)).toBe('北仑港口');
		await expect(page).toHaveURL(/\/read#seg-p1-1$/);
		await expect(sentence(page, 'p1-1')).toBeFocused();

		// Remove one, then all; a reload shows what the browser holds.
		await page.goto('/read');
		await recent.getByRole('button', { name: 'Remove', exact: true, description: '北仑港口' }).click();
		await expect(items).toHaveCount(1);
		await expect(recent.getByRole('heading', { name: 'Texts you read here before' })).toBeFocused();
		await page.reload();
		await expect(items).toHaveCount(1);
		// Remove all asks first; a No keeps the texts.
		page.once('dialog', (d) => void d.dismiss());
		await recent.getByRole('button', { name: 'Remove all' }).click();
		await expect(items).toHaveCount(1);
		await removeAll();
		await expect(recent).toHaveCount(0);
		await expect(page.getByLabel('Chinese text')).toBeFocused();
		await page.reload();
		await expect(recent).toHaveCount(0);
		// With nothing kept, a sentence link says the text is gone.
		await page.goto('/words');
		await page.goto('/read#seg-p1-1');
		await expect(linkNote).toContainText('which this browser no longer keeps. Paste the text again');

		// A hostile title is listed as text: nothing in it runs.
		const hostile = '北仑<img src=x onerror="window.pwned=1">港口';
		await read(`${hostile}\n\n潮起东海。`, hostile);
		await page.goto('/read');
		await expect(items.first()).toContainText(hostile);
		expect(await page.evaluate(() => 'pwned' in window)).toBe(false);
		await expect(recent.locator('img')).toHaveCount(0);
		await removeAll();

		// A damaged list is reported, and removed only when asked (src/lib/read/recent-texts.spec.ts: never written over).
		await page.evaluate(() =>
			localStorage.setItem('bilingual-reader.recent-texts', '{"version":1,"texts":[{')
		);
		await page.reload();
		await expect(recent.getByRole('alert')).toContainText('the stored list is damaged');
		expect(await kept()).toBe('{"version":1,"texts":[{');
		await removeAll();
		await expect(recent).toHaveCount(0);
		expect(await kept()).toBe('');
	});

	test.describe('without JavaScript', () => {
		test.use({ javaScriptEnabled: false });
		test('the form posts and the text reads, with pinyin and term links', async ({ page }) => {
			await page.goto('/read');
			await page.getByLabel('Chinese text').fill(REPORT);
			await page.getByRole('button', { name: 'Read', exact: true }).click();
			await expect.poll(title(page)).toBe('关于二〇二三年国民经济和社会发展计划执行情况的报告');
			await expect(page.locator('#p1 .zh rt').first()).toHaveText('guò');
			// The term link leads to the entry (through its short address, $lib/glossary/term-links).
			const href = (await termLink(page, '扩中提低').first().getAttribute('href'))!;
			expect(new URL((await page.request.get(href)).url()).pathname).toBe('/glossary/kuo-zhong-ti-di');
			// The settings, on a page of their own, offer no Chinese/English view and say the text is not kept.
			await openSettingsPage(page);
			await expect(page.getByRole('group', { name: 'Pinyin', exact: true })).toBeVisible();
			await expect(page.getByRole('group', { name: 'Show', exact: true })).toHaveCount(0);
			await expect(page.getByRole('note')).toContainText('paste or open it again');
			// Texts are kept only by the script: the list's template stays inert.
			await page.goto('/read');
			await expect(page.getByRole('region', { name: 'Texts you read here before' })).toHaveCount(0);
		});
	});
});
