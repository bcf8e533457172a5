/** The accounts the browser tests sign in with; tests/e2e/fixtures.ts creates them in each file's DATA_DIR. */
export const REVIEWER = 'e2e-reviewer';
export const PASSWORD = 'e2e reviewer passphrase';

/** An account to create before the server starts (with the real CLI, `reviewer:add -- NAME --role ROLE`). */
export interface TestAccount {
	name: string;
	password: string;
	role: 'translator' | 'reviewer' | 'editor';
}

/** The reviewer every server of tests/e2e/fixtures.ts has. */
export const REVIEWER_ACCOUNT: TestAccount = { name: REVIEWER, password: PASSWORD, role: 'reviewer' };
/** A translator and an editor, for files that ask for them (`test.use({ accounts: [TRANSLATOR, EDITOR] })`). */
export const TRANSLATOR: TestAccount = {
	name: 'e2e-translator',
	password: 'e2e translator passphrase',
	role: 'translator'
};
export const EDITOR: TestAccount = { name: 'e2e-editor', password: 'e2e editor passphrase', role: 'editor' };
