/**
 * Back up the SQLite database while the server runs (SQLite's online backup API; a consistent snapshot).
 *
 *   npm run backup -- <file>
 *
 * The database is DATA_DIR/app.sqlite (DATA_DIR defaults to ./data); on PostgreSQL (DATABASE_URL) it says to use
 * pg_dump. The file must not exist yet.
 * Exit codes: 0 done, 1 refused (file exists, folder missing), 2 usage.
 */
import { backupDatabase } from '../src/lib/server/db/backup';
import { getDb } from '../src/lib/server/db/index';
import { withDatabase } from '../src/lib/server/db/script';

const USAGE = 'usage: npm run backup -- <file>   (a new file; the database is DATA_DIR/app.sqlite)';

async function main(argv: string[]): Promise<number> {
	if (argv.length !== 1 || argv[0]?.startsWith('-')) {
		console.error(USAGE);
		return 2;
	}
	return withDatabase('backup', async () => {
		const db = await getDb();
		const result = await backupDatabase(db, argv[0] ?? '');
		console.log(`Backed up ${db.location} to ${result.file} (${result.pages} pages, ${result.bytes} bytes)`);
		return 0;
	});
}

process.exitCode = await main(process.argv.slice(2));
