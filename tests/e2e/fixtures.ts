/**
 * `test` for files that write data (sign in, save, import): every file that imports it gets a production server
 * of its own with a fresh DATA_DIR and the reviewer REVIEWER/PASSWORD, and `baseURL` (so `page.goto('/…')`,
 * `page.request` and `browser.newContext()`) points at it. The server starts with the file's first test and
 * stops when another such file starts its own, or when the worker ends; a worker restarted after a failure
 * starts a fresh one. Tests within a file share that server, so they use different segments. A file that needs
 * accounts with other roles asks for them: `test.use({ accounts: [TRANSLATOR, EDITOR] })` (./reviewer.ts).
 */
import { test as base } from '@playwright/test';
import { PASSWORD, REVIEWER, type TestAccount } from './reviewer';
import { startServer, stopServer, type TestServer } from './server';

/** The one server of the file now running in this worker. */
class FileServers {
	#current: { file: string; server: Promise<TestServer> } | undefined;
	readonly #accounts: readonly TestAccount[];

	constructor(accounts: readonly TestAccount[]) {
		this.#accounts = accounts;
	}

	async urlFor(file: string): Promise<string> {
		if (this.#current?.file !== file) {
			await this.stop();
			this.#current = {
				file,
				server: startServer({
					reviewer: { name: REVIEWER, password: PASSWORD },
					accounts: this.#accounts
				})
			};
		}
		return (await this.#current.server).url;
	}

	async stop(): Promise<void> {
		const current = this.#current;
		this.#current = undefined;
		if (current) await stopServer(await current.server);
	}
}

export const test = base.extend<object, { fileServers: FileServers; accounts: readonly TestAccount[] }>({
	accounts: [[], { scope: 'worker', option: true }],
	fileServers: [
		async ({ accounts }, use) => {
			const servers = new FileServers(accounts);
			await use(servers);
			await servers.stop();
		},
		{ scope: 'worker', timeout: 120_000 }
	],
	baseURL: [
		async ({ fileServers }, use, testInfo) => {
			await use(await fileServers.urlFor(testInfo.file));
		},
		// Its own timeout: starting the server on a busy machine must not eat into the first test's time.
		{ scope: 'test', timeout: 120_000 }
	]
});

export { expect } from '@playwright/test';
