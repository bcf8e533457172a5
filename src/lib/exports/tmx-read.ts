/**
 * Reading TMX 1.4 files from other CAT tools into the translation memory: every translation unit with a Chinese
 * and an English variant, as plain text. The whole file is checked first; any problem refuses it all.
 *
 * - Hardened like every XML read here (checkWellFormed: no DOCTYPE, so no entity expansion; only XML's own entities).
 * - Languages: the header's srclang must be Chinese (zh*, or *all*); each unit needs a zh* and an en* variant.
 * - Inline codes (<bpt>, <ept>, <it>, <ph>, <ut>) hold the original format's markup, not text: they are dropped;
 *   <hi> and <sub> text is kept. A unit whose Chinese or English is then empty, or only figures and punctuation,
 *   is skipped (counted, not an error): it teaches a translator nothing. A file of nothing else is refused.
 * - The same Chinese–English pair given twice is kept once.
 */
import { XMLParser } from 'fast-xml-parser';
import { checkWellFormed } from './xml';
import { listed } from './xliff';

/** A unit read from a TMX file. */
export interface TmxUnit {
	zh: string;
	en: string;
}

/** What a TMX file holds for the memory, or why it was refused. */
export type TmxRead =
	{ ok: true; units: TmxUnit[]; duplicates: number; skipped: number } | { ok: false; errors: string[] };

type OrderedNode = { [name: string]: OrderedNode[] | string | Record<string, string> | undefined } & {
	':@'?: Record<string, string>;
};

const parser = new XMLParser({
	preserveOrder: true,
	ignoreAttributes: false,
	attributeNamePrefix: '',
	parseTagValue: false,
	parseAttributeValue: false,
	trimValues: false,
	processEntities: true,
	htmlEntities: true,
	ignoreDeclaration: true,
	ignorePiTags: true
});

/** Inline elements whose content is the original document's markup. */
const CODES = new Set(['bpt', 'ept', 'it', 'ph', 'ut']);

const nameOf = (node: OrderedNode) => Object.keys(node).find((k) => k !== ':@') ?? '';
const kids = (node: OrderedNode): OrderedNode[] => {
	const v = node[nameOf(node)];
	return Array.isArray(v) ? v : [];
};
const attrOf = (node: OrderedNode, name: string) => node[':@']?.[name];
const childrenNamed = (node: OrderedNode, name: string) => kids(node).filter((k) => nameOf(k) === name);

/** The plain text of a <seg>: text and <hi>/<sub> text in order, inline codes left out. */
function segText(node: OrderedNode): string {
	let out = '';
	for (const k of kids(node)) {
		const name = nameOf(k);
		if (name === '#text') out += String(k['#text'] ?? '');
		else if (!CODES.has(name)) out += segText(k);
	}
	return out;
}

const primary = (tag: string | undefined) => tag?.toLowerCase().split(/[-_]/)[0];
const clean = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();
/** Nothing to translate: only figures, punctuation, symbols and spaces. */
const nothingToTranslate = (s: string) => !/[\p{L}]/u.test(s);

/** Read a TMX 1.4 file as Chinese–English units for the memory. */
export function readTmx(xml: string): TmxRead {
	const fail = (...errors: string[]): TmxRead => ({ ok: false, errors: listed(errors) });
	const checked = checkWellFormed(xml);
	if (!checked.ok) return fail(checked.error);
	let doc: OrderedNode[];
	try {
		doc = parser.parse(checked.xml) as OrderedNode[];
	} catch (e) {
		return fail(`The file could not be read as TMX: ${e instanceof Error ? e.message : String(e)}`);
	}
	const root = doc.find((n) => !nameOf(n).startsWith('?') && !nameOf(n).startsWith('#'));
	if (!root || nameOf(root) !== 'tmx')
		return fail(`Not a TMX file: the root element is <${root ? nameOf(root) : '?'}>, expected <tmx>.`);
	const version = attrOf(root, 'version');
	if (version !== '1.4' && version !== '1.4b')
		return fail(`TMX version "${version ?? '(none)'}" is not supported; export the memory as TMX 1.4.`);
	const header = childrenNamed(root, 'header')[0];
	const srclang = header && attrOf(header, 'srclang');
	if (!header) return fail('The file has no <header>.');
	if (srclang !== '*all*' && primary(srclang) !== 'zh')
		return fail(
			`The source language is "${srclang ?? '(none)'}", not Chinese: this memory holds Chinese–English pairs.`
		);
	const body = childrenNamed(root, 'body')[0];
	const tus = body ? childrenNamed(body, 'tu') : [];
	if (!tus.length) return fail('The file contains no translation units.');

	const errors: string[] = [];
	const units: TmxUnit[] = [];
	const seen = new Set<string>();
	let duplicates = 0;
	let skipped = 0;
	tus.forEach((tu, i) => {
		const label = `Unit ${i + 1}${attrOf(tu, 'tuid') ? ` (tuid ${attrOf(tu, 'tuid')})` : ''}`;
		const variants = childrenNamed(tu, 'tuv').map((tuv) => ({
			lang: primary(attrOf(tuv, 'xml:lang') ?? attrOf(tuv, 'lang')),
			seg: childrenNamed(tuv, 'seg')[0]
		}));
		const zh = variants.find((v) => v.lang === 'zh');
		const en = variants.find((v) => v.lang === 'en');
		if (!zh || !en) {
			const langs = variants.map((v) => v.lang ?? '?').join(', ') || 'none';
			errors.push(`${label} has no ${!zh ? 'Chinese (zh)' : 'English (en)'} variant (languages: ${langs}).`);
			return;
		}
		if (!zh.seg || !en.seg) {
			errors.push(`${label}: a variant has no <seg>.`);
			return;
		}
		const pair = { zh: clean(segText(zh.seg)), en: clean(segText(en.seg)) };
		if (nothingToTranslate(pair.zh) || nothingToTranslate(pair.en)) {
			skipped++;
			return;
		}
		const key = `${pair.zh}\u0000${pair.en}`;
		if (seen.has(key)) {
			duplicates++;
			return;
		}
		seen.add(key);
		units.push(pair);
	});
	if (errors.length) return fail(...errors);
	if (!units.length)
		return fail(
			`None of the file's ${tus.length} units has text to translate (each is only tags, figures or punctuation); nothing was added.`
		);
	return { ok: true, units, duplicates, skipped };
}
