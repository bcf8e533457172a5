/**
 * `npm run --silent pinyin -- [--tones num|marks] [--dictionary-tones]`: the pinyin engine from outside. Reads
 * lines from standard input and writes, per line, one JSON array with one element per code point of the line: a
 * Chinese character's reading (numbered tones by default, 5 for the neutral tone, ü as ü; or tone marks), any
 * other code point as itself. `--dictionary-tones` gives 一 and 不 their dictionary tone instead of the spoken one.
 * Streams: lines are read and written one at a time, so input of any length works.
 */
import { readFileSync } from 'node:fs';
import { parseGlossary, parsePinyinOverrides } from '$lib/content/validate';
import { numberedToMarks } from '$lib/dictionary/pinyin';
import { applyPinyinOverrides } from '$lib/pinyin/annotate';
import { citationTone } from '$lib/pinyin/tones';
import { addGlossaryWords, loadPinyinEngine } from '$lib/server/pinyin';

const args = process.argv.slice(2);
const toneArg = args.includes('--tones') ? args[args.indexOf('--tones') + 1] : 'num';
if (toneArg !== 'num' && toneArg !== 'marks') {
	console.error('usage: npm run --silent pinyin -- [--tones num|marks] [--dictionary-tones] < lines.txt');
	process.exit(2);
}
const dictionaryTones = args.includes('--dictionary-tones');

const OVERRIDES = 'content/pinyin-overrides.yaml';
const GLOSSARY = 'content/glossary.yaml';
const overrides = parsePinyinOverrides(OVERRIDES, readFileSync(OVERRIDES, 'utf8'));
// The reader registers the overrides with pinyin-pro too (they shape its segmentation); do the same here.
applyPinyinOverrides(overrides);
// Glossary terms are whole words for the segmenter, as in the reader.
addGlossaryWords(parseGlossary(GLOSSARY, readFileSync(GLOSSARY, 'utf8')));
const engine = loadPinyinEngine(overrides);

/** The output element for one reading. */
function element(c: string, p: string | null): string {
	if (p === null) return c;
	const spoken = dictionaryTones ? citationNumbered(c, p) : p;
	return toneArg === 'marks' ? numberedToMarks(spoken) : spoken;
}

/** 一 yi2/yi4 → yi1, 不 bu2 → bu4 (citationTone works on tone marks). */
function citationNumbered(c: string, p: string): string {
	const marked = numberedToMarks(p);
	const cited = citationTone(c, marked);
	return cited === marked ? p : `${p.slice(0, -1)}${c === '一' ? 1 : 4}`;
}

/** Lines of standard input, split on \n only (a CR before it is dropped; a lone CR stays in its line). */
async function* lines(): AsyncGenerator<string> {
	process.stdin.setEncoding('utf8');
	let pending = '';
	for await (const chunk of process.stdin as AsyncIterable<string>) {
		pending += chunk;
		let from = 0;
		let at: number;
		while ((at = pending.indexOf('\n', from)) >= 0) {
			yield pending.slice(from, at).replace(/\r$/, '');
			from = at + 1;
		}
		pending = pending.slice(from);
	}
	if (pending) yield pending.replace(/\r$/, '');
}

let buffer = '';
for await (const line of lines()) {
	buffer += JSON.stringify(engine.read(line).map((r) => element(r.c, r.p))) + '\n';
	if (buffer.length > 1 << 16) {
		if (!process.stdout.write(buffer)) await new Promise((resolve) => process.stdout.once('drain', resolve));
		buffer = '';
	}
}
process.stdout.write(buffer);
