/**
 * Characters XML 1.0 cannot carry (C0 controls other than TAB, LF and CR; U+FFFE and U+FFFF), in one place for
 * every XML writer (TMX, XLIFF, TBX through fast-xml-parser, and the DOCX) and for the review forms, which refuse
 * them at input with the character named. No dependencies: the forms import it too.
 */

/** One character XML 1.0 does not allow anywhere. */
export const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/; // eslint-disable-line no-control-regex
const NOT_XML_CHARS = new RegExp(NOT_XML_CHAR.source, 'g');

/** Text as XML can carry it: characters XML forbids become U+FFFD (a visible replacement, never a broken file). */
export function xmlSafe(value: string): string {
	return value.replace(NOT_XML_CHARS, '\uFFFD');
}

/** The first character of `text` that XML cannot carry, as `U+000B`, or undefined when there is none. */
export function nonXmlCharacter(text: string): string | undefined {
	const found = NOT_XML_CHAR.exec(text);
	if (!found) return undefined;
	return `U+${(found[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}
