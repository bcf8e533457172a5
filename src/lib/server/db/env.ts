/**
 * The environment the storage layer reads, validated with valibot. Read from process.env (not $env/dynamic) so the
 * same code serves the SvelteKit server, the CLI scripts and the tests.
 */
import { resolve } from 'node:path';
import * as v from 'valibot';

const EnvSchema = v.object({
	/** Directory holding the database file; created if missing. Relative paths are from the working directory. */
	DATA_DIR: v.optional(
		v.pipe(
			v.string(),
			v.trim(),
			v.nonEmpty('DATA_DIR is set but empty; unset it to use ./data'),
			v.check((s) => !s.includes('\0'), 'DATA_DIR contains a NUL character')
		),
		'./data'
	),
	/**
	 * A PostgreSQL database for every store (`postgres://user:password@host:port/database`); unset = the SQLite
	 * file in DATA_DIR. With it set, no SQLite file is created.
	 */
	DATABASE_URL: v.optional(
		v.pipe(
			v.string(),
			v.trim(),
			v.check(
				(s) => s === '' || /^postgres(ql)?:\/\//.test(s),
				'DATABASE_URL must start with postgres:// or postgresql:// (unset it to use SQLite in DATA_DIR)'
			),
			v.transform((s) => (s === '' ? undefined : s))
		)
	)
});

/** The validated storage environment. */
export type StorageEnv = v.InferOutput<typeof EnvSchema>;

/** The database file's name inside DATA_DIR. */
export const DATABASE_FILE = 'app.sqlite';

/** Validate the environment; throws an Error naming the bad variable. */
export function readStorageEnv(env: Record<string, string | undefined> = process.env): StorageEnv {
	const result = v.safeParse(EnvSchema, env);
	if (!result.success) {
		const messages = result.issues.map((i) => `${v.getDotPath(i) ?? 'env'}: ${i.message}`);
		throw new Error(`Invalid environment: ${messages.join('; ')}`);
	}
	return result.output;
}

/** Where the stores live: a PostgreSQL URL, or the SQLite file in DATA_DIR. */
export type DatabaseTarget = { dialect: 'postgres'; url: string } | { dialect: 'sqlite'; file: string };

/** The database an environment names. */
export function databaseTarget(env: StorageEnv = readStorageEnv()): DatabaseTarget {
	return env.DATABASE_URL
		? { dialect: 'postgres', url: env.DATABASE_URL }
		: { dialect: 'sqlite', file: databasePath(env) };
}

/** Absolute path of the database file for an environment. */
export function databasePath(env: StorageEnv = readStorageEnv()): string {
	return resolve(env.DATA_DIR, DATABASE_FILE);
}
