/**
 * How the shell scripts that open the database (`reviewer:add`, `article:import`, `backup`) end: a refusal the
 * user can act on (`InputError`) or a database that cannot be reached is said in one line, prefixed with the
 * script's name, with exit code 1 and no stack trace; anything else is a bug and is thrown. The database is closed
 * either way, so the process can exit.
 */
import { closeDb } from './index';
import { InputError } from './input';
import { describeDatabaseError, isDatabaseUnavailable } from './unavailable';

/** Run a script's database work, returning its exit code (see above for the errors it reports). */
export async function withDatabase(script: string, work: () => Promise<number>): Promise<number> {
	try {
		return await work();
	} catch (error) {
		if (error instanceof InputError) {
			console.error(`${script}: ${error.message}`);
			return 1;
		}
		if (isDatabaseUnavailable(error)) {
			console.error(`${script}: cannot open the database: ${describeDatabaseError(error)}`);
			return 1;
		}
		throw error;
	} finally {
		await closeDb();
	}
}
