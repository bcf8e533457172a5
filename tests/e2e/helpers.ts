/** What several browser-test files do the same way: sign a reviewer in, and watch a page for CSP violations. */
import { expect, type Page } from '@playwright/test';
import { SLUG } from './content';
import { PASSWORD, REVIEWER } from './reviewer';

/** The review workspace of the seed article. */
export const REVIEW = `/articles/${SLUG}/review`;

/** Sign in as the test reviewer through the login form, landing on `next` (the workspace, ready, by default). */
export async function signIn(page: Page, next = REVIEW) {
	await page.goto(`/login?next=${encodeURIComponent(next)}`);
	await page.getByLabel('Username').fill(REVIEWER);
	await page.getByLabel('Password').fill(PASSWORD);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL(next);
	if (next.startsWith(REVIEW)) await expect(page.locator('.review-page[data-ready="true"]')).toBeVisible();
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
