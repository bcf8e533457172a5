/** The reviewer account the browser tests sign in with; start-server.js creates it in the fresh DATA_DIR. */
export const REVIEWER = process.env.E2E_REVIEWER ?? 'e2e-reviewer';
export const PASSWORD = process.env.E2E_PASSWORD ?? 'e2e reviewer passphrase';
