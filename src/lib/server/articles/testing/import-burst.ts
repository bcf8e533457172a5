/**
 * Test helper (run as a child process): import the same text as `count` articles (slugs `<tag>-0`, `<tag>-1`, …)
 * the way /articles/new does (a stored preview, then the confirmed save that removes it) against
 * the database of DATABASE_URL or DATA_DIR, and print one JSON line per saved article ({"slug":…,"importId":…}) only after the save has
 * returned, i.e. after the commit. Used by the SIGKILL test of imports.
 *
 *   node scripts/run-ts.mjs src/lib/server/articles/testing/import-burst.ts <file> <editorId> <count> <tag>
 */
import { readFileSync } from 'node:fs';
import { databaseTarget, openTarget, readStorageEnv } from '../../db/index';
import { previewText, savePreview } from '../import';
import { createImport } from '../store';

const [file = '', editor = '', count = '', tag = 'burst'] = process.argv.slice(2);
const editorId = Number(editor);
const db = await openTarget(databaseTarget(readStorageEnv()));
const read = previewText(readFileSync(file, 'utf8'), undefined);
if (!read.ok) throw new Error(`the text cannot be imported: ${read.problem}`);
for (let i = 0; i < Number(count); i++) {
	const slug = `${tag}-${i}`;
	const preview = {
		...read.preview,
		meta: { ...read.preview.meta, slug, sourceZh: '宁波日报', dateZh: '2022年末' }
	};
	const importId = await createImport(editorId, preview, db);
	const result = await savePreview(preview, { createdBy: editorId, importId, taken: () => false }, db);
	if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.problems)}`);
	// stdout to a pipe is synchronous on Linux: once this line is out, the parent may treat the save as acknowledged.
	process.stdout.write(`${JSON.stringify({ slug, importId })}\n`);
}
await db.close();
