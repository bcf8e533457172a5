/**
 * XML writing and reading through fast-xml-parser, configured once. Documents are built as plain objects
 * (attributes prefixed with "@_", text under "#text") and serialised by XMLBuilder, which escapes &, <, >, ' and "
 * in text and attribute values; nothing is ever written by string concatenation.
 */
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { NOT_XML_CHAR, nonXmlCharacter, xmlSafe } from './xml-text';

export { xmlSafe };

/** An element in builder form: attributes under "@_name", text under "#text", children by tag name. */
export type XmlNode = { [key: string]: XmlValue };
export type XmlValue = string | XmlNode | XmlNode[] | undefined;

const builder = new XMLBuilder({
	ignoreAttributes: false,
	attributeNamePrefix: '@_',
	textNodeName: '#text',
	format: true,
	indentBy: '  ',
	suppressEmptyNode: true,
	processEntities: true,
	tagValueProcessor: (_name, value) => (typeof value === 'string' ? xmlSafe(value) : value),
	attributeValueProcessor: (_name, value) => (typeof value === 'string' ? xmlSafe(value) : value)
});

/** Serialise a document (one root element) with an XML declaration; UTF-8, two-space indent, trailing newline. */
export function buildXml(root: XmlNode): string {
	const xml = builder.build({ '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' }, ...root });
	return xml.endsWith('\n') ? xml : `${xml}\n`;
}

/** Drop undefined values so optional attributes and elements simply do not appear. */
export function compact(node: Record<string, XmlValue>): XmlNode {
	const out: XmlNode = {};
	for (const [k, v] of Object.entries(node)) if (v !== undefined) out[k] = v;
	return out;
}

const PREDEFINED_ENTITIES = new Set(['lt', 'gt', 'amp', 'apos', 'quot']);

/** Reads only the top level, to count root elements. */
const topLevel = new XMLParser({ preserveOrder: true, ignoreAttributes: true, processEntities: false });

function lineOf(text: string, index: number): number {
	let line = 1;
	for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
	return line;
}

type WellFormed = { ok: true; xml: string } | { ok: false; error: string };

/**
 * Check that text is a well-formed XML document without a DOCTYPE, and return it without a byte-order mark.
 * DOCTYPEs are refused outright: the formats read here do not use DTDs, and refusing them closes the door on
 * entity-expansion attacks. With no DOCTYPE, the only entities that may appear are XML's five predefined ones.
 * Errors name the line (and column where known).
 */
export function checkWellFormed(input: string): WellFormed {
	const xml = input.replace(/^\uFEFF/, '');
	const fail = (at: number, message: string): WellFormed => ({
		ok: false,
		error: `Not well-formed XML (line ${lineOf(xml, at)}): ${message}`
	});
	if (!xml.trim()) return { ok: false, error: 'The file is empty.' };
	const result = XMLValidator.validate(xml);
	if (result !== true) {
		const { msg, line, col } = result.err;
		const where = col ? `line ${line}, column ${col}` : `line ${line}`;
		return { ok: false, error: `Not well-formed XML (${where}): ${msg}` };
	}
	const doctype = /<!DOCTYPE/i.exec(xml);
	if (doctype) {
		const line = lineOf(xml, doctype.index);
		const error = `Not accepted (line ${line}): the file declares a DOCTYPE, which these formats do not use.`;
		return { ok: false, error };
	}

	// What the validator lets through: characters XML forbids (raw or as references), undefined entities and
	// more than one root element.
	const badChar = nonXmlCharacter(xml);
	if (badChar) return fail(xml.search(NOT_XML_CHAR), `character ${badChar} is not allowed.`);
	// References inside comments and CDATA sections are plain text.
	const skipped = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>/g;
	const ranges: [number, number][] = [];
	for (let m = skipped.exec(xml); m; m = skipped.exec(xml)) ranges.push([m.index, m.index + m[0].length]);
	const reference = /&(#x[0-9A-Fa-f]+|#[0-9]+|[A-Za-z_][\w.-]*);/g;
	for (let m = reference.exec(xml); m; m = reference.exec(xml)) {
		const at = m.index;
		const name = m[1] ?? '';
		if (ranges.some(([s, e]) => at >= s && at < e)) continue;
		if (name.startsWith('#')) {
			const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
			const valid = code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
			if (valid && !NOT_XML_CHAR.test(String.fromCodePoint(code))) continue;
			return fail(at, `&${name}; is not a valid character.`);
		}
		if (!PREDEFINED_ENTITIES.has(name)) return fail(at, `undefined entity &${name};`);
	}
	const structure = checkStructure(xml);
	if (structure) return fail(structure.at, structure.message);
	const roots = (topLevel.parse(xml) as Record<string, unknown>[]).filter((node) =>
		Object.keys(node).some((k) => !k.startsWith('?') && !k.startsWith('#') && k !== ':@')
	);
	if (roots.length !== 1) {
		const error = `Not well-formed XML: a document has one root element, this one has ${roots.length}.`;
		return { ok: false, error };
	}
	return { ok: true, xml };
}

/** Deepest element nesting read (real XLIFF, TMX and TBX files nest well under 20 levels). */
export const MAX_XML_DEPTH = 100;

/** Element names that would land on Object.prototype in a parsed object; fast-xml-parser refuses them by throwing. */
const RESERVED_NAMES = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Nesting deeper than MAX_XML_DEPTH, or an element named like a JavaScript prototype property: both make the
 * parser throw, so they are found here first and reported with their line. Comments, CDATA and processing
 * instructions are blanked out (same length) so their text is not read as tags.
 */
function checkStructure(xml: string): { at: number; message: string } | undefined {
	const text = xml.replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>/g, (m) =>
		' '.repeat(m.length)
	);
	const tag = /<(\/?)([^\s/>!?]+)(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>/g;
	let depth = 0;
	for (let m = tag.exec(text); m; m = tag.exec(text)) {
		const name = m[2] ?? '';
		const local = name.slice(name.indexOf(':') + 1);
		if (RESERVED_NAMES.has(local) || RESERVED_NAMES.has(name)) {
			return { at: m.index, message: `an element may not be named <${name}>.` };
		}
		if (m[1]) depth--;
		else if (!m[3] && ++depth > MAX_XML_DEPTH) {
			return { at: m.index, message: `elements are nested more than ${MAX_XML_DEPTH} levels deep.` };
		}
	}
	return undefined;
}

/**
 * A parser that keeps attributes ("@_name"), keeps every value a string, and decodes character references.
 * `arrays` names the elements that are always read as arrays, however many there are. `trimValues: false` keeps
 * text exactly as written (leading and trailing whitespace included), for text that is compared on import.
 */
export function createParser(
	arrays: readonly string[],
	{ trimValues = true }: { trimValues?: boolean } = {}
): XMLParser {
	const always = new Set(arrays);
	return new XMLParser({
		ignoreAttributes: false,
		attributeNamePrefix: '@_',
		textNodeName: '#text',
		parseTagValue: false,
		parseAttributeValue: false,
		trimValues,
		processEntities: true,
		// Decodes numeric character references (&#x4E2D;); named HTML entities never reach the parser because
		// checkWellFormed refuses them.
		htmlEntities: true,
		ignoreDeclaration: true,
		ignorePiTags: true,
		isArray: (name) => always.has(name)
	});
}

/** A parsed element: an object, or a bare string when it had only text and no attributes. */
export type Parsed = Record<string, unknown> | string | undefined;

/** Attribute `name` of a parsed element, if present. */
export function attr(node: Parsed, name: string): string | undefined {
	if (!node || typeof node === 'string') return undefined;
	const v = node[`@_${name}`];
	return typeof v === 'string' ? v : undefined;
}

/** Child elements named `name` of a parsed element, always as an array. */
export function children(node: Parsed, name: string): Parsed[] {
	if (!node || typeof node === 'string') return [];
	const v = node[name];
	if (v === undefined) return [];
	return (Array.isArray(v) ? v : [v]) as Parsed[];
}

/**
 * The text of an element that should hold only text. Returns `markup` with the first child element's name when
 * it holds elements (inline codes), so the caller can report it.
 */
export function textOf(node: Parsed): { text: string } | { markup: string } {
	if (node === undefined) return { text: '' };
	if (typeof node === 'string') return { text: node };
	const element = Object.keys(node).find((k) => !k.startsWith('@_') && k !== '#text');
	if (element) return { markup: element };
	const t = node['#text'];
	return { text: typeof t === 'string' ? t : t === undefined ? '' : String(t) };
}
