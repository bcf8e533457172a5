/**
 * Add a reviewer (or, with --reset-password, give an existing one a new password and sign them out everywhere).
 *
 *   npm run reviewer:add -- <username> [--reset-password]
 *
 * The password comes from REVIEWER_PASSWORD if set, otherwise from stdin: typed at a terminal (not echoed, asked
 * twice) or piped (`printf '%s' "$PW" | npm run reviewer:add -- alice`; one trailing newline is dropped).
 * The database is DATA_DIR/app.sqlite (DATA_DIR defaults to ./data), created and migrated if missing.
 * Exit codes: 0 done, 1 refused (bad input, username taken, unknown reviewer), 2 usage.
 */
import { addReviewer, setReviewerPassword } from '../src/lib/server/auth/reviewers';
import { closeDb, getDb, InputError } from '../src/lib/server/db/index';

const USAGE =
	'usage: npm run reviewer:add -- <username> [--reset-password]\n(password from REVIEWER_PASSWORD or stdin)';

/** Read one line from the terminal without echoing it. */
function promptHidden(question: string): Promise<string> {
	const stdin = process.stdin;
	return new Promise((resolvePrompt, reject) => {
		process.stderr.write(question);
		let value = '';
		stdin.setRawMode(true);
		stdin.resume();
		stdin.setEncoding('utf8');
		const done = (error?: Error) => {
			stdin.off('data', onData);
			stdin.setRawMode(false);
			stdin.pause();
			process.stderr.write('\n');
			if (error) reject(error);
			else resolvePrompt(value);
		};
		const onData = (chunk: string) => {
			for (const ch of chunk) {
				if (ch === '\r' || ch === '\n') return done();
				if (ch === '\u0003' || ch === '\u0004') return done(new Error('cancelled'));
				if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
				else if (ch >= ' ') value += ch;
			}
		};
		stdin.on('data', onData);
	});
}

async function readPassword(): Promise<string> {
	const fromEnv = process.env.REVIEWER_PASSWORD;
	if (fromEnv) return fromEnv;
	if (process.stdin.isTTY) {
		const first = await promptHidden('Password: ');
		const second = await promptHidden('Repeat password: ');
		if (first !== second) throw new InputError(['the passwords do not match']);
		return first;
	}
	const chunks: Buffer[] = [];
	for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer));
	return Buffer.concat(chunks)
		.toString('utf8')
		.replace(/\r?\n$/, '');
}

async function main(argv: string[]): Promise<number> {
	const flags = argv.filter((a) => a.startsWith('-'));
	const names = argv.filter((a) => !a.startsWith('-'));
	const reset = flags.includes('--reset-password');
	if (names.length !== 1 || flags.some((f) => f !== '--reset-password')) {
		console.error(USAGE);
		return 2;
	}
	const username = names[0] ?? '';
	try {
		const password = await readPassword();
		const db = await getDb();
		const reviewer = reset
			? await setReviewerPassword(username, password, db)
			: await addReviewer(username, password, db);
		console.log(
			`${reset ? 'Reset the password of' : 'Added'} reviewer "${reviewer.username}" (id ${reviewer.id}) in ${db.file}`
		);
		return 0;
	} catch (error) {
		if (error instanceof InputError) {
			console.error(`reviewer:add: ${error.message}`);
			return 1;
		}
		throw error;
	} finally {
		await closeDb();
	}
}

process.exitCode = await main(process.argv.slice(2));
