/**
 * Test helper (run as a child process): save one segment `count` times as fast as possible against
 * the database of DATABASE_URL or DATA_DIR, re-reading and retrying on version conflicts, and print one JSON line per acknowledged save
 * ({"version":n,"en":"…"}) only after saveSegment has returned, i.e. after the commit. Used by the concurrency and
 * SIGKILL tests; the e2e crash test follows the same pattern over HTTP.
 *
 *   node scripts/run-ts.mjs src/lib/server/review/testing/save-burst.ts <slug> <segmentId> <reviewerId> <count> <tag>
 */
import { databaseTarget, openTarget, readStorageEnv } from '../../db/index';
import { getSegmentState, saveSegment } from '../store';

const [slug = '', segmentId = '', reviewer = '', count = '', tag = 'burst'] = process.argv.slice(2);
const reviewerId = Number(reviewer);
const total = Number(count);
const db = await openTarget(databaseTarget(readStorageEnv()));
let conflicts = 0;
for (let i = 0; i < total; i++) {
	const en = `${tag} ${i}`;
	for (;;) {
		const { version } = await getSegmentState({ slug, segmentId }, db);
		const result = await saveSegment(
			{ slug, segmentId, en, status: 'translated', baseVersion: version, reviewerId },
			db
		);
		if (result.ok) {
			// stdout to a pipe is synchronous on Linux: once this line is out, the parent may treat the save as acknowledged.
			process.stdout.write(`${JSON.stringify({ version: result.state.version, en })}\n`);
			break;
		}
		conflicts++;
	}
}
process.stderr.write(`${JSON.stringify({ done: total, conflicts })}\n`);
await db.close();
