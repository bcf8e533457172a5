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

/** Absolute path of the database file for an environment. */
export function databasePath(env: StorageEnv = readStorageEnv()): string {
	return resolve(env.DATA_DIR, DATABASE_FILE);
}
