/** The reviewer account the browser tests sign in with; tests/e2e/fixtures.ts creates it in each file's DATA_DIR. */
export const REVIEWER = 'e2e-reviewer';
export const PASSWORD = 'e2e reviewer passphrase';
