import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { article, glossary } from './content';
import { REVIEW, segment, signIn } from './helpers';
import { PASSWORD, REVIEWER } from './reviewer';
// This file writes review data: it runs against a server and data directory of its own (see fixtures.ts).
import { expect, test } from './fixtures';
import { segmentsWithPaths } from '../../src/lib/content/validate';

const long = segmentsWithPaths(article)
	.map(({ segment }) => segment)
	.filter((s) => s.zh.length > 25 && !/[<&]/.test(s.zh));
const hasTerm = (zh: string) => glossary.some((g) => zh.includes(g.term));
/** A segment with a glossary term, and another for the exact match. */
const fuzzy = long.find((s) => hasTerm(s.zh.slice(4)));
const exact = long.find((s) => s !== fuzzy);
/** The fuzzy unit's Chinese: the segment's with its fourth character changed. */
const nearZh = `${fuzzy!.zh.slice(0, 3)}某${fuzzy!.zh.slice(4)}`;

const tmx = (units: [string, string][], srclang = 'zh-CN') => ({
	name: 'from-another-tool.tmx',
	mimeType: 'application/x-tmx+xml',
	buffer: Buffer.from(
		`<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="${srclang}" datatype="plaintext"/>
<body>${units
			.map(
				([zh, en]) =>
					`<tu><tuv xml:lang="zh-CN"><seg>${zh}</seg></tuv><tuv xml:lang="en-US"><seg>${en}</seg></tuv></tu>`
			)
			.join('\n')}</body></tmx>`
	)
});

/** Open a segment from its row in the grid (one segment is open at a time). */
async function openSegment(page: Page, id: string) {
	const row = page.locator(`tr[data-row="${id}"]`);
	if (!(await row.isVisible())) await page.goto(`${REVIEW}?open=${id}`);
	else await row.getByRole('link').click();
	await expect(segment(page, id)).toBeVisible();
}
const memory = (page: Page) => page.getByRole('region', { name: 'Translation memory' });

test('a translator imports a TMX, inserts a fuzzy match and a term by key, pre-translates and undoes it', async ({
	page
}) => {
	await signIn(page);

	// A file in another language pair is refused, and says why.
	await memory(page)
		.getByLabel('TMX file')
		.setInputFiles(tmx([['Hello', 'Bonjour']], 'en-US'));
	await memory(page).getByRole('button', { name: 'Import into memory' }).click();
	await expect(memory(page).getByRole('alert')).toContainText('The source language is "en-US", not Chinese');

	await memory(page)
		.getByLabel('TMX file')
		.setInputFiles(
			tmx([
				[nearZh, 'The fuzzy match’s English.'],
				[exact!.zh, 'The exact match’s English.'],
				[exact!.zh, 'The exact match’s English.'],
				['2022', '2022']
			])
		);
	await memory(page).getByRole('button', { name: 'Import into memory' }).click();
	await expect(memory(page).getByRole('status').first()).toHaveText(
		'Added 2 units to the memory (0 already there, 1 duplicates in the file, 1 skipped as tags or figures only).'
	);

	// The similar segment shows the match, its percentage and what differs.
	await openSegment(page, fuzzy!.id);
	const seg = segment(page, fuzzy!.id);
	const matches = seg.getByRole('region', { name: '1 memory match' });
	const percent = Math.floor((1 - 1 / fuzzy!.zh.length) * 100);
	await expect(matches).toContainText(`${percent}%`);
	await expect(matches).toContainText('from from-another-tool.tmx');
	await expect(matches.getByRole('deletion')).toHaveText('deleted: 某');
	await expect(matches.getByRole('insertion')).toHaveText(`inserted: ${fuzzy!.zh[3]}`);

	// The matches and term lists are accessible (contrast of the marked differences included).
	const axe = await new AxeBuilder({ page }).include(`#seg-${fuzzy!.id}`).analyze();
	const bad = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
	expect(bad.map((v) => `${v.id}: ${v.nodes[0]?.target}`)).toEqual([]);

	// One key puts it into the English.
	const english = seg.getByLabel('English translation');
	await english.focus();
	await page.keyboard.press('Alt+Shift+Digit1');
	await expect(english).toHaveValue('The fuzzy match’s English.');
	await expect(
		seg.getByRole('button', { name: `Insert match 1 (${percent}%) into the English` })
	).toBeVisible();

	// One key puts the first glossary term's rendering at the cursor.
	const terms = seg.getByRole('region', { name: /glossary terms?$/ });
	const rendering = (await terms.getByRole('listitem').first().locator('strong').textContent())!;
	await english.press('End');
	await english.pressSequentially(' — ');
	await page.keyboard.press('Alt+Shift+Digit4');
	await expect(english).toHaveValue(`The fuzzy match’s English. — ${rendering}`);
	await expect(terms.getByRole('button', { name: `Insert “${rendering}” at the cursor` })).toBeVisible();

	await expect(seg.getByRole('status').filter({ hasText: 'Draft saved' })).toBeVisible();

	// Pre-translation fills the exact match as a draft; one undo restores it.
	const target = segment(page, exact!.id);
	await page.getByRole('button', { name: 'Pre-translate from memory' }).click();
	await expect(memory(page).getByText('Pre-translated 1 segment as a draft.')).toBeVisible();
	// The typed-in match is still there, unsaved; the exact match is saved as a draft (the review XLIFF says so).
	await expect(english).toHaveValue(`The fuzzy match’s English. — ${rendering}`);
	const xlf = await (await page.request.get(`${REVIEW}/export.xlf`)).text();
	const unit = new RegExp(`<unit id="${exact!.id}"[\\s\\S]*?</unit>`).exec(xlf)?.[0];
	expect(unit).toContain('<target>The exact match’s English.</target>');
	expect(unit).toContain('state="initial"');
	await page.getByRole('button', { name: 'Undo pre-translation' }).click();
	await expect(memory(page).getByText('Pre-translation undone: 1 segment restored.')).toBeVisible();
	await openSegment(page, exact!.id);
	await expect(target.getByLabel('English translation')).toHaveValue(exact!.en);
	await expect(target.getByLabel('Status')).toHaveValue('translated');
	// Back at the fuzzy segment, the typed-in match comes back as the reviewer's draft.
	await openSegment(page, fuzzy!.id);
	await expect(segment(page, fuzzy!.id).getByLabel('English translation')).toHaveValue(
		`The fuzzy match’s English. — ${rendering}`
	);
});

test('a malformed TMX, one over the limit, one with a bad unit or only tags: each refused whole, saying why', async ({
	page
}) => {
	await signIn(page);
	const importing = async (file: { name: string; mimeType: string; buffer: Buffer }) => {
		await memory(page).getByLabel('TMX file').setInputFiles(file);
		await memory(page).getByRole('button', { name: 'Import into memory' }).click();
		return memory(page).getByRole('alert');
	};
	const good: [string, string] = [
		'港口集装箱吞吐量稳步增长',
		'Container throughput at the port grew steadily'
	];
	const valid = tmx([good]);

	const cut = { ...valid, buffer: Buffer.from(valid.buffer.toString().replace('</seg></tuv></tu>', '')) };
	await expect(await importing(cut)).toContainText('Not well-formed XML (line');
	await expect(await importing({ ...valid, buffer: Buffer.alloc(10 * 1024 * 1024 + 1, 32) })).toContainText(
		'The file is larger than 10 MB; nothing was imported.'
	);
	const oneBad = {
		...valid,
		buffer: Buffer.from(
			valid.buffer
				.toString()
				.replace(
					'</body>',
					'<tu><tuv xml:lang="zh-CN"><seg>扩中提低</seg></tuv><tuv xml:lang="ja"><seg>x</seg></tuv></tu></body>'
				)
		)
	};
	await expect(await importing(oneBad)).toContainText(
		'Unit 2 has no English (en) variant (languages: zh, ja).'
	);
	await expect(await importing(tmx([['<ph x="1">&lt;b&gt;</ph>', '2022']]))).toContainText(
		"None of the file's 1 units has text to translate"
	);

	// Nothing of those files reached the memory: the good unit is not found.
	await memory(page).getByLabel('Search the memory (Chinese or English)').fill(good[0]);
	await memory(page).getByRole('button', { name: 'Search memory' }).click();
	await expect(page.getByRole('heading', { name: `0 entries contain “${good[0]}”` })).toBeVisible();
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('import a TMX and search the memory with plain form posts', async ({ page }) => {
		await page.goto(`/login?next=${encodeURIComponent(REVIEW)}`);
		await page.getByLabel('Username').fill(REVIEWER);
		await page.getByLabel('Password').fill(PASSWORD);
		await page.getByRole('button', { name: 'Sign in' }).click();
		await expect(page).toHaveURL(REVIEW);

		await memory(page)
			.getByLabel('TMX file')
			.setInputFiles(tmx([['港口吞吐量再创新高', 'Port throughput reached a new high']]));
		await memory(page).getByRole('button', { name: 'Import into memory' }).click();
		await expect(memory(page).getByRole('status').first()).toContainText('Added 1 unit to the memory');

		await page.goto(REVIEW);
		await memory(page).getByLabel('Search the memory (Chinese or English)').fill('THROUGHPUT');
		await memory(page).getByRole('button', { name: 'Search memory' }).click();
		await expect(page).toHaveURL(`${REVIEW}?concordance=THROUGHPUT`);
		const results = page.getByRole('region', { name: /entr(y|ies) contains? “THROUGHPUT”/ });
		const row = results.getByRole('row', { name: /港口吞吐量再创新高/ });
		await expect(row.getByRole('cell').nth(1)).toHaveText('Port throughput reached a new high');
		await expect(row.getByRole('cell').nth(2)).toHaveText('from from-another-tool.tmx');
		await expect(row.locator('mark')).toHaveText('throughput');
	});
});
