/**
 * The editable glossary, as an editor and a reader meet it: the editor opens the seed article's proposed terms
 * (with JavaScript off: every step is a plain link or form), adds two of them to the glossary, and a reader then
 * finds both marked in the article with their popovers, and in the TBX export.
 */
import type { Page } from '@playwright/test';
import { XMLParser } from 'fast-xml-parser';
import { SLUG, glossary } from './content';
import { signIn, termLink } from './helpers';
import { EDITOR, REVIEWER_ACCOUNT } from './reviewer';
// This file writes glossary entries: it runs against a server and data directory of its own (see fixtures.ts).
import { expect, test } from './fixtures';

test.use({ accounts: [EDITOR] });

const TERMS = `/articles/${SLUG}/terms`;

/** The fields of a new entry, by their labels, as an editor types them. */
interface NewEntry {
	term: string;
	id: string;
	pinyin: string;
	literal: string;
	rendering: string;
	explanation: string;
	category: string;
	confidence: string;
	note: string;
	/** Renderings to avoid, one a line. */
	avoid?: string;
}

const FENG_HUAN_CHAO: NewEntry = {
	term: '风环巢',
	id: 'feng-huan-chao',
	pinyin: 'Fēnghuáncháo',
	literal: 'wind ring nest',
	rendering: 'Wind Ring Nest',
	explanation:
		'A landmark in Beilun District, Ningbo, shown lit up at night in one of the article’s photographs. The article names it only in that caption.',
	category: 'Project',
	confidence: 'Uncertain',
	note: 'The article does not say what the structure is; the English follows the characters only.'
};

const ZHI_LI_PO_NAN: NewEntry = {
	term: '治理破难',
	id: 'zhi-li-po-nan',
	pinyin: 'zhìlǐ pònán',
	literal: 'governance break-difficulty',
	rendering: 'breakthroughs on governance problems',
	explanation:
		'One of the six areas of the “Six Promotions and Six Optimisations” campaign in Beilun, between common prosperity and Party-building leadership: solving long-standing problems of local governance.',
	category: 'Governance',
	confidence: 'Likely',
	note: 'A local formula listed without explanation; the English follows the article’s rendering.',
	avoid: 'governance difficulty-breaking'
};

/** From the proposed terms page: open "Add to glossary" for `entry`, fill the form and send it. */
async function addFromProposal(page: Page, entry: NewEntry) {
	await page.goto(TERMS);
	const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: entry.term }) });
	await expect(item).toContainText('1 occurrence');
	await item.getByRole('link', { name: `Add “${entry.term}” to the glossary` }).click();
	await expect(page).toHaveURL(/\/glossary\/new\?/);
	await expect(page.getByRole('heading', { name: 'New glossary entry' })).toBeVisible();
	// Prefilled from the proposal: the term, a first identifier, and the sentence it occurs in.
	await expect(page.getByLabel('Chinese term')).toHaveValue(entry.term);
	await expect(page.getByLabel('Identifier', { exact: true })).toHaveValue(entry.id);
	await expect(page.getByRole('region', { name: 'Where the proposed term occurs' })).toContainText(
		entry.term
	);
	await page.getByLabel('Pinyin').fill(entry.pinyin);
	await page.getByLabel('Literal translation').fill(entry.literal);
	await page.getByLabel('Preferred English rendering').fill(entry.rendering);
	await page.getByLabel('Source of the rendering').fill('Working translation (no official rendering found)');
	await page.getByLabel('Explanation').fill(entry.explanation);
	await page.getByLabel('Category').selectOption({ label: entry.category });
	await page.getByLabel('Related entries').fill('bei-lun');
	await page.getByLabel('Confidence', { exact: true }).selectOption({ label: entry.confidence });
	await page.getByLabel('Confidence note').fill(entry.note);
	if (entry.avoid) await page.getByLabel('Renderings to avoid (one a line)').fill(entry.avoid);
	await page.getByRole('button', { name: 'Add to the glossary' }).click();
	await expect(page).toHaveURL(`/glossary/${entry.id}?added=1`);
	await expect(page.getByRole('status')).toHaveText('Entry added. It is now marked in every article.');
	await expect(page.getByRole('heading', { level: 1 })).toContainText(entry.term);
	if (entry.avoid) await expect(page.getByRole('definition').filter({ hasText: entry.avoid })).toBeVisible();
}

test('an editor adds two proposed terms; a reader sees their popovers in the article and the TBX has them', async ({
	page,
	browser,
	baseURL
}) => {
	const editor = await (await browser.newContext({ javaScriptEnabled: false, baseURL })).newPage();
	await signIn(editor, TERMS, EDITOR);
	await expect(editor.getByRole('heading', { name: 'Proposed terms', level: 1 })).toBeVisible();

	// A form with a missing English field is refused with a message at the field, nothing saved.
	await editor.getByRole('link', { name: `Add “${FENG_HUAN_CHAO.term}” to the glossary` }).click();
	await editor.getByRole('button', { name: 'Add to the glossary' }).click();
	await expect(editor.getByRole('alert')).toHaveText(/fields need attention/);
	await expect(editor.getByLabel('Preferred English rendering')).toHaveAttribute('aria-invalid', 'true');
	await expect(editor.getByLabel('Preferred English rendering')).toHaveAccessibleDescription('Fill this in.');
	await expect(editor.getByLabel('Chinese term')).toHaveValue(FENG_HUAN_CHAO.term);

	await addFromProposal(editor, FENG_HUAN_CHAO);
	await addFromProposal(editor, ZHI_LI_PO_NAN);
	// Added terms are proposed no more.
	await editor.goto(TERMS);
	await expect(editor.getByRole('heading', { name: FENG_HUAN_CHAO.term })).toHaveCount(0);
	await editor.context().close();

	// A reader (not signed in, JavaScript on) finds both terms marked, with their popovers.
	await page.goto(`/articles/${SLUG}`);
	for (const entry of [FENG_HUAN_CHAO, ZHI_LI_PO_NAN]) {
		const term = termLink(page, entry.term).first();
		await term.click();
		const dialog = page.getByRole('dialog', { name: new RegExp(entry.term) });
		await expect(dialog).toBeVisible();
		await expect(dialog).toContainText(entry.rendering);
		await expect(dialog).toContainText(entry.note);
		await page.keyboard.press('Escape');
		await expect(dialog).toBeHidden();
	}

	// The TBX export holds the curated entries and both new ones.
	const response = await page.request.get('/glossary/export.tbx');
	expect(response.ok()).toBe(true);
	const tbx = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(
		await response.text()
	);
	const concepts = tbx.tbx.text.body.conceptEntry as { id: string }[];
	expect(concepts).toHaveLength(glossary.length + 2);
	expect(concepts.slice(-2).map((c) => c.id)).toEqual([FENG_HUAN_CHAO.id, ZHI_LI_PO_NAN.id]);
});

test('an account that is not an editor cannot see proposed terms nor add an entry', async ({ page }) => {
	await signIn(page, '/glossary', REVIEWER_ACCOUNT);
	await expect(page.getByRole('link', { name: 'Add an entry' })).toHaveCount(0);
	const response = await page.goto(TERMS);
	expect(response?.status()).toBe(403);
	await expect(page.getByRole('alert')).toContainText('only editors can');
	const post = await page.request.post('/glossary/new', {
		form: { id: 'x-y', term: '某某' },
		headers: { origin: new URL(page.url()).origin, accept: 'text/html' }
	});
	expect(post.status()).toBe(403);
	expect((await page.request.get('/glossary/x-y')).status()).toBe(404);
});
