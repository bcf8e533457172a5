/**
 * One cheap question per request instead of a handful: "may the database have changed since I last looked?"
 * Everything a public page is built from that can change while the server runs (approvals, glossary entries,
 * pinyin corrections, imported and published articles) is in the database, so while its stamp stays the same the
 * in-memory copies (glossary, corrections) and a reader page's key are still right, and a kept page is served
 * without asking anything else.
 *
 * On SQLite the stamp is two counters of this process's connection, read in one statement of a few microseconds:
 * `PRAGMA data_version` changes when any other connection (another instance, `npm run article:import`, a second
 * connection in this process) commits a change to the file, and `total_changes()` counts the rows this connection
 * changed itself (data_version leaves those out). So a save through either of two instances on one database
 * changes the stamp the other reads on its very next request: nothing is cached by time. A change the stamp
 * notices that does not matter to a page (a sign-in, a draft) only costs the few queries it saves.
 *
 * On PostgreSQL the stamp is the server's current snapshot (`pg_current_snapshot()`: the next transaction id and
 * the ids still in progress). Any transaction that writes, on any instance, takes a transaction id, so the snapshot
 * changes when it starts and again when it ends: a commit that was in progress while a request read the stamp is
 * listed in it and drops out once committed, so the next request sees a new stamp and looks again. (A commit is
 * visible to a snapshot exactly when the snapshot no longer lists it, so no commit can slip between the stamp and
 * the reads it guards.) Changes in other databases of the same server only cost a few extra queries.
 */
import { CompiledQuery } from 'kysely';
import { getDb, type Db } from '$lib/server/db';

const STAMP = {
	sqlite: CompiledQuery.raw(
		"select (select data_version from pragma_data_version) || ':' || total_changes() as stamp"
	),
	postgres: CompiledQuery.raw('select pg_current_snapshot()::text as stamp')
} as const satisfies Record<Db['dialect'], CompiledQuery>;

function readStamp(db: Db): Promise<string> {
	return db.first(STAMP[db.dialect] as CompiledQuery<{ stamp: string }>).then((row) => String(row?.stamp));
}

/** Per database, the stamp read in flight (sent before anyone waiting now asked) and the one queued after it. */
const reads = new WeakMap<Db, { inFlight?: Promise<string>; queued?: Promise<string> }>();

/**
 * The stamp, shared between concurrent requests without ever answering one with a read made before it asked:
 * the read in flight was sent before a newcomer asked, so the newcomer waits for the next read, which is sent as
 * soon as the one in flight is back and answers everyone who asked meanwhile. On PostgreSQL, where the stamp is a
 * round trip, a burst of reader requests costs two queries at a time instead of one each.
 */
function sharedStamp(db: Db): Promise<string> {
	let state = reads.get(db);
	if (!state) reads.set(db, (state = {}));
	const s = state;
	if (!s.inFlight) {
		const read = readStamp(db).finally(() => {
			if (s.inFlight === read) s.inFlight = undefined;
		});
		s.inFlight = read;
		return read;
	}
	if (!s.queued) {
		const queued = s.inFlight
			.catch(() => undefined)
			.then(() => {
				s.queued = undefined;
				const read = readStamp(db).finally(() => {
					if (s.inFlight === read) s.inFlight = undefined;
				});
				s.inFlight = read;
				return read;
			});
		s.queued = queued;
	}
	return s.queued;
}

/** A string that differs from the last one this connection gave whenever the database may have changed since. */
export async function databaseStamp(db?: Db): Promise<string> {
	const d = db ?? (await getDb());
	// Inside a transaction the read belongs to it; SQLite's read is synchronous, with nothing to share.
	return d.dialect === 'postgres' && !d.inTransaction ? sharedStamp(d) : readStamp(d);
}

/** The same stamp read without a promise, where the database allows it now (`Db.firstNow`); otherwise undefined. */
export function databaseStampNow(db: Db): string | undefined {
	const read = db.firstNow(STAMP[db.dialect] as CompiledQuery<{ stamp: string }>);
	return read && String(read.row?.stamp);
}

/** The stamp under which `syncWhenChanged` last ran its work, per database (tests open several). */
const syncedAt = new WeakMap<Db, string>();

/**
 * Run `sync` (which brings in-memory copies up to date with the database) only when the database may have changed
 * since it last ran, and return the stamp the copies are now up to date with. The stamp is read before `sync`
 * reads anything, so a change made while it runs gives the next request a new stamp and runs it again.
 */
export async function syncWhenChanged(sync: (db: Db) => Promise<void>, db?: Db): Promise<string> {
	const d = db ?? (await getDb());
	const stamp = await databaseStamp(d);
	if (syncedAt.get(d) === stamp) return stamp;
	await sync(d);
	syncedAt.set(d, stamp);
	return stamp;
}

/** The stamp `syncWhenChanged` last brought the in-memory copies up to, for `db`. */
export function syncedStamp(db: Db): string | undefined {
	return syncedAt.get(db);
}
