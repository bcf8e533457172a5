/** What several browser-test files do the same way: sign a reviewer in, and watch a page for CSP violations. */
import { expect, type Page } from '@playwright/test';
import { SLUG } from './content';
import { REVIEWER_ACCOUNT, type TestAccount } from './reviewer';

/** The review workspace of the seed article. */
export const REVIEW = `/articles/${SLUG}/review`;

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
