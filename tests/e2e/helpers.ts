/** What several browser-test files do the same way: sign a reviewer in, and watch a page for CSP violations. */
import { expect, type Locator, type Page } from '@playwright/test';
import { SLUG } from './content';
import { REVIEWER_ACCOUNT, type TestAccount } from './reviewer';

/** The review workspace of an article. */
export const reviewOf = (slug: string) => `/articles/${slug}/review`;

/** The review workspace of the seed article. */
export const REVIEW = reviewOf(SLUG);

/**
 * Sign in through the login form (as the test reviewer unless `account` says otherwise), landing on `next` (the
 * seed article's workspace, ready, by default).
 */
export async function signIn(page: Page, next = REVIEW, account: TestAccount = REVIEWER_ACCOUNT) {
	await page.goto(`/login?next=${encodeURIComponent(next)}`);
	await page.getByLabel('Username').fill(account.name);
	await page.getByLabel('Password').fill(account.password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL(next);
	if (/^\/articles\/[^/]+\/review/.test(next))
		await expect(page.locator('.review-page[data-ready="true"]')).toBeVisible();
}

/** Records CSP violations (console "Refused to …" messages and securitypolicyviolation events) on a page. */
export async function watchCsp(page: Page): Promise<string[]> {
	const violations: string[] = [];
	page.on('console', (m) => {
		if (/Refused to|Content Security Policy/i.test(m.text())) violations.push(m.text());
	});
	await page.exposeFunction('__cspViolation', (text: string) => violations.push(text));
	await page.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (e) =>
			(window as unknown as { __cspViolation(t: string): void }).__cspViolation(
				`${e.violatedDirective} ${e.blockedURI}`
			)
		);
	});
	return violations;
}

/** Open a tool of the reader's toolbar (Settings, Listen, Download): a disclosure above the text. */
export async function openReaderTool(page: Page, name: 'Settings' | 'Listen') {
	const tool = page.locator('.reader-toolbar details').filter({ has: page.getByText(name, { exact: true }) });
	if (!(await tool.evaluate((d: HTMLDetailsElement) => d.open)))
		await tool.getByText(name, { exact: true }).click();
	await expect(tool).toHaveAttribute('open', '');
}

/**
 * Without JavaScript, Settings in the reader's toolbar is a link to the settings page: follow it, to a form that
 * goes back to the text when applied.
 */
export async function openSettingsPage(page: Page) {
	await page.locator('.reader-toolbar').getByRole('link', { name: 'Settings', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Reading settings' })).toBeVisible();
}

/**
 * A glossary term's link in the Chinese text, by its name. Chromium names it by its characters (扩中提低: the
 * reader's test reads Chromium's own tree); Playwright's name computation keeps each <rt>, so a reading may follow
 * each character (扩 kuò 中 zhōng …), and a space stands where the term's hidden quotation marks were.
 */
export const termLink = (scope: Page | Locator, term: string) =>
	scope.getByRole('link', {
		name: new RegExp(`^${[...term].map((c) => `${c}(?:\\s+[^\\s\\u3400-\\u9fff]+)?`).join('\\s*')}$`)
	});

/**
 * A sentence of the reader's Chinese by its id (`p1-2`: the block's id and its place), with or without JavaScript:
 * the server leaves such ids to the boot script ($lib/reader/segment-ids), so the sentence is found by its place.
 */
export const sentence = (page: Page, id: string) => {
	const [, block, place] = /^(.+)-(\d+)$/.exec(id) ?? [];
	if (!block || !place) throw new Error(`not an id by place: ${id}`);
	return page.locator(`[id="${block}"] .zh > [data-seg]`).nth(Number(place) - 1);
};

/** The open segment of the workspace, found by its heading ("Segment 12 · p3-2"). */
export const segment = (page: Page, id: string) => page.getByRole('region', { name: new RegExp(`· ${id}$`) });

/** Open a segment by its address (one is open at a time), as a link to it would; of the seed article by default. */
export async function openSegment(page: Page, id: string, slug = SLUG) {
	await page.goto(`${reviewOf(slug)}?open=${id}`);
	await expect(page.locator('.review-page[data-ready="true"]')).toBeVisible();
	await expect(segment(page, id)).toBeVisible();
}

/**
 * Save a segment's English (and status), opening it first if it is not open in the workspace of `slug` (the seed
 * article by default), and wait for "Saved as version N".
 */
export async function save(page: Page, id: string, en: string, status?: string, slug = SLUG) {
	const here = new URL(page.url(), 'http://localhost').pathname === reviewOf(slug);
	if (!here || !(await segment(page, id).isVisible())) await openSegment(page, id, slug);
	const seg = segment(page, id);
	await seg.getByLabel('English translation').fill(en);
	if (status) await seg.getByLabel('Status').selectOption({ label: status });
	await seg.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(seg.getByRole('status').filter({ hasText: /Saved as version \d+/ })).toBeVisible();
}
