/**
 * Add an account (or, with --reset-password, give an existing one a new password and sign them out everywhere).
 *
 *   npm run reviewer:add -- <username> [--role translator|reviewer|editor] [--reset-password]
 *   npm run reviewer:add -- <username> --set-role translator|reviewer|editor
 *
 * --role gives a new account its role (default reviewer; see src/lib/review/roles.ts); --set-role changes an
 * existing account's role (no password asked; it applies from the account's next request).
 *
 * The password comes from REVIEWER_PASSWORD if set, otherwise from stdin: typed at a terminal (not echoed, asked
 * twice) or piped (`printf '%s' "$PW" | npm run reviewer:add -- alice`; one trailing newline is dropped).
 * The database is DATABASE_URL (PostgreSQL) when set, otherwise DATA_DIR/app.sqlite (DATA_DIR defaults to ./data),
 * created and migrated if missing.
 * Exit codes: 0 done, 1 refused (bad input, username taken, unknown reviewer), 2 usage.
 */
import { parseArgs } from 'node:util';
import { addReviewer, setReviewerPassword, setReviewerRole } from '../src/lib/server/auth/reviewers';
import { getDb, InputError } from '../src/lib/server/db/index';
import { withDatabase } from '../src/lib/server/db/script';
import { DEFAULT_ROLE, isRole, ROLES, type Role } from '../src/lib/review/roles';

const roles = ROLES.join('|');
const USAGE = [
	`usage: npm run reviewer:add -- <username> [--role ${roles}] [--reset-password]`,
	`       npm run reviewer:add -- <username> --set-role ${roles}`,
	`(password from REVIEWER_PASSWORD or stdin; the role defaults to ${DEFAULT_ROLE})`
].join('\n');

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

function parse(argv: string[]) {
	try {
		const { values, positionals } = parseArgs({
			args: argv,
			allowPositionals: true,
			options: {
				'reset-password': { type: 'boolean' },
				role: { type: 'string' },
				'set-role': { type: 'string' }
			}
		});
		if (positionals.length !== 1) return undefined;
		if (values['set-role'] !== undefined && (values.role !== undefined || values['reset-password']))
			return undefined;
		return { username: positionals[0] ?? '', ...values };
	} catch {
		return undefined;
	}
}

async function main(argv: string[]): Promise<number> {
	const args = parse(argv);
	if (!args) {
		console.error(USAGE);
		return 2;
	}
	const { username } = args;
	const role = args['set-role'] ?? args.role;
	if (role !== undefined && !isRole(role)) {
		console.error(`reviewer:add: role must be one of ${ROLES.join(', ')} (not "${role}")`);
		return 1;
	}
	return withDatabase('reviewer:add', async () => {
		if (args['set-role'] !== undefined) {
			const db = await getDb();
			const account = await setReviewerRole(username, args['set-role'] as Role, db);
			console.log(`"${account.username}" (id ${account.id}) is now a ${account.role} in ${db.location}`);
			return 0;
		}
		const password = await readPassword();
		const db = await getDb();
		const reset = args['reset-password'] === true;
		let account = reset
			? await setReviewerPassword(username, password, db)
			: await addReviewer(username, password, db, (args.role ?? DEFAULT_ROLE) as Role);
		if (reset && args.role !== undefined) account = await setReviewerRole(username, args.role as Role, db);
		console.log(
			`${reset ? 'Reset the password of' : 'Added'} ${account.role} "${account.username}" (id ${account.id}) in ${db.location}`
		);
		return 0;
	});
}

process.exitCode = await main(process.argv.slice(2));
