/**
 * Bringing an article into the library, as the issue's "done when" tells it for the parts the editors' side
 * owns: an editor imports a .docx, fixes its structure in the preview (which survives a reload) and confirms; a
 * translator translates three sentences; a reviewer approves them; the editor publishes; the library lists the
 * article with its translated share and the reader shows the approved English and says where a sentence is not
 * yet translated. Then bad input, each with its message. Fixtures are generated here (the GBK text ships in
 * src/lib/import/testdata). Real build, real database file.
 */
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { openReaderTool, openSegment, save, segment, signIn } from './helpers';
import { EDITOR, REVIEWER_ACCOUNT, TRANSLATOR } from './reviewer';
// This file writes data: it runs against a server and data directory of its own (see fixtures.ts).
import { expect, test } from './fixtures';

test.use({ accounts: [[TRANSLATOR, EDITOR], { scope: 'worker' }] });

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const gbk = readFileSync(new URL('../../src/lib/import/testdata/gbk.txt', import.meta.url));

/** A short report as Word writes it: a heading, a lead, a sentence broken across two paragraphs, more text. */
async function reportDocx(): Promise<Buffer> {
	const doc = new Document({
		sections: [
			{
				children: [
					new Paragraph({ text: '北仑区今年前三季度经济运行稳中向好', heading: HeadingLevel.HEADING_1 }),
					new Paragraph({ text: '今年以来，北仑区坚持稳中求进工作总基调，全区经济运行总体平稳。' }),
					new Paragraph({ text: '一、港口物流' }),
					new Paragraph({ text: '宁波舟山港北仑港区集装箱吞吐量继续增长，' }),
					new Paragraph({ text: '港口物流企业营业收入同比增长百分之十二。' }),
					new Paragraph({ text: '全区新增市场主体一万余户。今后将继续优化营商环境。' })
				]
			}
		]
	});
	return Buffer.from(await Packer.toBuffer(doc));
}

const block = (page: Page, n: number) => page.getByRole('group', { name: `Block ${n}`, exact: true });

test('an editor imports a .docx, fixes it, a translator and a reviewer work on it, the editor publishes', async ({
	browser,
	page
}) => {
	test.setTimeout(240_000);
	const slug = 'beilun-q3-economy';

	// The editor uploads the file and sees the detected structure.
	await signIn(page, '/articles/new', EDITOR);
	await page
		.getByLabel('Or a file (.txt, .docx, .html)')
		.setInputFiles({ name: 'Q3 report.docx', mimeType: DOCX, buffer: await reportDocx() });
	await page.getByRole('button', { name: 'Check the structure' }).click();
	await expect(page.getByRole('heading', { name: 'Check the structure' })).toBeVisible();
	await expect(page.getByText('From Q3 report.docx')).toBeVisible();
	const previewUrl = page.url();
	await expect(block(page, 1).getByLabel('Kind')).toHaveValue('title');

	// Fix what detection got wrong: the sentence broken across two paragraphs is joined into one.
	const broken = page.getByRole('group').filter({ hasText: '集装箱吞吐量继续增长，' }).first();
	await expect(broken.getByText('may be broken across lines')).toBeVisible();
	await broken.getByRole('button', { name: 'Join with next (broken word)' }).click();
	await expect(page.getByRole('status')).toHaveText('Changes saved.');
	// The page comes back at the block just changed, not at its top.
	expect(new URL(page.url()).hash).toMatch(/^#block-\d+$/);
	await expect(page.locator(new URL(page.url()).hash)).toBeInViewport();
	const joined = page.getByRole('group').filter({ hasText: '集装箱吞吐量继续增长，港口物流企业' }).first();
	await expect(joined.getByLabel('Text (one sentence per line)')).toHaveValue(
		'宁波舟山港北仑港区集装箱吞吐量继续增长，港口物流企业营业收入同比增长百分之十二。'
	);

	// The numbered line is a heading; the last paragraph is split in two (a blank line) and its sentences kept.
	const numbered = page.getByRole('group').filter({ hasText: '一、港口物流' }).first();
	await numbered.getByLabel('Kind').selectOption({ label: 'Heading' });
	const last = page.getByRole('group').filter({ hasText: '全区新增市场主体' }).first();
	await last
		.getByLabel('Text (one sentence per line)')
		.fill('全区新增市场主体一万余户。\n\n今后将继续优化营商环境。');
	// A bad slug first: refused with the reason, nothing saved.
	await page.getByLabel('Slug (the address: /articles/…)').fill('../Q3 Report');
	await page.getByLabel('Source (Chinese)').fill('北仑区人民政府');
	await page.getByLabel('Source (English, optional)').fill('Beilun District People’s Government');
	await page.getByLabel('Date (Chinese, e.g. 2024年3月)').fill('2022年10月');
	await page.getByLabel('Date (English, optional)').fill('October 2022');
	await page.getByRole('button', { name: 'Confirm and save the article' }).click();
	await expect(page.getByRole('alert')).toContainText(
		'The slug may hold only lowercase letters (a–z), digits and single hyphens'
	);
	// A slug another article has: refused too.
	await page.getByLabel('Slug (the address: /articles/…)').fill('beilun-liucu-liuyou');
	await page.getByRole('button', { name: 'Confirm and save the article' }).click();
	await expect(page.getByRole('alert')).toContainText(
		'The slug “beilun-liucu-liuyou” is already taken by another article.'
	);

	// The preview survives a reload, with every change.
	await page.getByLabel('Slug (the address: /articles/…)').fill(slug);
	await page.getByRole('button', { name: 'Save changes', exact: true }).first().click();
	await page.goto(previewUrl);
	await expect(page.getByLabel('Slug (the address: /articles/…)')).toHaveValue(slug);
	await expect(
		page.getByRole('group').filter({ hasText: '一、港口物流' }).first().getByLabel('Kind')
	).toHaveValue('heading');
	await expect(page.getByRole('group').filter({ hasText: '今后将继续优化营商环境。' })).toHaveCount(1);

	await page.getByRole('button', { name: 'Confirm and save the article' }).click();
	await expect(page).toHaveURL(`/articles/${slug}`);
	await expect(page.getByText('This article is a draft: only signed-in accounts can see it.')).toBeVisible();
	await expect(page.getByText('This article is not yet translated into English')).toBeVisible();

	// The public does not see the draft.
	const publicContext = await browser.newContext();
	const visitor = await publicContext.newPage();
	expect((await visitor.goto(`/articles/${slug}`))?.status()).toBe(404);
	await visitor.goto('/');
	await expect(visitor.getByRole('link', { name: /北仑区今年前三季度/ })).toHaveCount(0);

	// A translator translates three sentences; they start untranslated.
	const translatorContext = await browser.newContext();
	const translator = await translatorContext.newPage();
	await signIn(translator, `/articles/${slug}/review`, TRANSLATOR);
	await openSegment(translator, 'p1-1', slug);
	await expect(segment(translator, 'p1-1').locator('.status-badge')).toHaveText('Untranslated');
	// Untranslated is what the status says: QA has nothing to report on a text nobody has translated yet.
	await translator.getByRole('button', { name: 'Run QA over the whole article' }).click();
	await expect(translator.getByRole('status').filter({ hasText: /warnings? in \d+ segments/ })).toHaveText(
		/^0 warnings in \d+ segments: 0 open in 0 segments\.$/
	);
	await save(
		translator,
		'title',
		'Beilun’s economy steady and improving in the first three quarters',
		'Translated',
		slug
	);
	await save(
		translator,
		'p1-1',
		'Since the start of the year Beilun District has kept to the general principle of seeking progress while keeping performance stable, and the district’s economy has run steadily overall.',
		'Translated',
		slug
	);
	await save(translator, 'h1-1', '1. Port logistics', 'Translated', slug);

	// A reviewer approves them.
	const reviewerContext = await browser.newContext();
	const reviewer = await reviewerContext.newPage();
	await signIn(reviewer, `/articles/${slug}/review`, REVIEWER_ACCOUNT);
	for (const id of ['title', 'p1-1', 'h1-1']) {
		await openSegment(reviewer, id, slug);
		const seg = segment(reviewer, id);
		await seg.getByLabel('Status').selectOption({ label: 'Approved' });
		await seg.getByRole('button', { name: 'Save', exact: true }).click();
		await expect(seg.getByRole('status').filter({ hasText: /Saved as version 2/ })).toBeVisible();
	}

	// The editor publishes.
	await page.goto(`/articles/${slug}`);
	await page.getByRole('button', { name: 'Publish' }).click();
	await expect(page.getByText('Published.', { exact: true })).toBeVisible();

	// The library lists it with its translated share; the reader shows approved English and says what is not.
	await visitor.goto('/');
	const card = visitor.getByRole('listitem').filter({ hasText: '北仑区今年前三季度经济运行稳中向好' });
	await expect(card).toContainText('Beilun’s economy steady and improving in the first three quarters');
	await expect(card).toContainText('% translated');
	await expect(card).not.toContainText('Draft');
	await visitor.goto(`/articles/${slug}`);
	await expect(visitor.locator('#p1 .en')).toContainText('Beilun District has kept to the general principle');
	await expect(visitor.locator('#p2 .en')).toHaveText('Not yet translated.');
	await expect(visitor.getByText('3 of 6 sentences are translated')).toBeVisible();

	// Unpublishing hides it again and deletes nothing.
	await page.getByRole('button', { name: 'Unpublish' }).click();
	await expect(page.getByText(/^Unpublished: the article and its translations are kept/)).toBeVisible();
	expect((await visitor.goto(`/articles/${slug}`))?.status()).toBe(404);
	await openSegment(page, 'p1-1', slug);
	await expect(segment(page, 'p1-1').locator('.status-badge')).toHaveText('Approved');
	await Promise.all([publicContext.close(), translatorContext.close(), reviewerContext.close()]);
});

test('bad input gets a clear message and nothing is saved', async ({ page, browser, baseURL }) => {
	test.setTimeout(180_000);
	const start = async (fill: () => Promise<void>) => {
		await page.goto('/articles/new');
		await fill();
		await page.getByRole('button', { name: 'Check the structure' }).click();
	};
	const file = (name: string, mimeType: string, buffer: Buffer) =>
		page.getByLabel('Or a file (.txt, .docx, .html)').setInputFiles({ name, mimeType, buffer });
	await signIn(page, '/articles/new', EDITOR);

	await start(async () => {});
	await expect(page.getByRole('alert')).toHaveText(
		'There is no text to read. Paste some Chinese text or choose a file.'
	);
	await start(() => page.getByLabel('Chinese text').fill('Only English here.'));
	await expect(page.getByRole('alert')).toContainText('holds no Chinese characters');
	await start(() => file('fake.docx', DOCX, Buffer.from('this is not a zip file at all')));
	await expect(page.getByRole('alert')).toContainText('could not be opened as a Word document');
	await start(() => file('binary.txt', 'text/plain', Buffer.from([0, 1, 2, 0xff, 0xfe, 0, 0, 7, 8])));
	await expect(page.getByRole('alert')).toContainText('This file is not text');

	// A GBK .txt: detected and named; hostile HTML: only its text survives.
	await start(() => file('gbk.txt', 'text/plain', gbk));
	await expect(page.getByText('read as GB18030')).toBeVisible();
	await expect(
		page.getByRole('group', { name: 'Block 1', exact: true }).getByLabel('Text (one sentence per line)')
	).toHaveValue('宁波北仑港口');
	let alerted = false;
	page.on('dialog', async (d) => {
		alerted = true;
		await d.dismiss();
	});
	await start(() =>
		file(
			'hostile.html',
			'text/html',
			Buffer.from(
				'<html><body><h1>北仑港口</h1><script>alert(1)</script><p onclick="alert(2)">今年以来，北仑港口稳步发展。<a href="javascript:alert(3)">点击</a></p><img src=x onerror="alert(4)"></body></html>'
			)
		)
	);
	await expect(page.getByRole('heading', { name: 'Check the structure' })).toBeVisible();
	const texts = await page
		.locator('textarea')
		.evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value));
	expect(texts.join('\n')).not.toMatch(/alert|script|javascript|onerror/);
	expect(alerted).toBe(false);

	// 10 MB of text: refused before it is read.
	const huge = await page.request.post('/articles/new', {
		headers: { origin: baseURL!, accept: 'text/html' },
		multipart: { text: '北'.repeat(3_500_000) }
	});
	expect(huge.status()).toBe(413);
	expect(await huge.text()).toContain('larger than the server accepts for an import');

	// A translator may not import.
	const context = await browser.newContext();
	const translator = await context.newPage();
	await signIn(translator, '/', TRANSLATOR);
	const refused = await translator.goto('/articles/new');
	expect(refused?.status()).toBe(403);
	await expect(
		translator.getByText('As a translator you cannot import articles; only editors can.')
	).toBeVisible();
	await context.close();
});

test('a text in Traditional characters is kept as written: annotated through Simplified, shown as written', async ({
	page
}) => {
	test.setTimeout(120_000);
	const slug = 'taiwan-port-report';
	await signIn(page, '/articles/new', EDITOR);
	await page
		.getByLabel('Chinese text')
		.fill('臺灣港口貨運報告\n\n今年以來，港口貨物吞吐量繼續增長，經濟運行總體平穩。');
	await page.getByRole('button', { name: 'Check the structure' }).click();
	await expect(page.getByText('Written in Traditional characters')).toBeVisible();
	await page.getByLabel('Slug (the address: /articles/…)').fill(slug);
	await page.getByLabel('Source (Chinese)').fill('經濟日報');
	await page.getByLabel('Date (Chinese, e.g. 2024年3月)').fill('2022年10月');
	await page.getByRole('button', { name: 'Confirm and save the article' }).click();
	await expect(page).toHaveURL(`/articles/${slug}`);

	// The default (Simplified) reading converts it, with pinyin on every character…
	const zh = page.locator('#p1 .zh');
	const characters = () =>
		zh.evaluate((el) => {
			const copy = el.cloneNode(true) as HTMLElement;
			copy.querySelectorAll('rt').forEach((rt) => rt.remove());
			return copy.textContent ?? '';
		});
	expect(await characters()).toBe('今年以来，港口货物吞吐量继续增长，经济运行总体平稳。');
	await expect(zh.locator('rt').first()).toHaveText('jīn');
	// …and the Traditional setting shows what was written, after a reload too.
	await openReaderTool(page, 'Settings');
	await page.getByLabel('Characters').selectOption('traditional-tw');
	await expect.poll(characters).toBe('今年以來，港口貨物吞吐量繼續增長，經濟運行總體平穩。');
	await expect(zh).toHaveAttribute('lang', 'zh-Hant-TW');
	await page.reload();
	expect(await characters()).toBe('今年以來，港口貨物吞吐量繼續增長，經濟運行總體平穩。');
	await expect(zh.locator('rt').first()).toHaveText('jīn');
});
