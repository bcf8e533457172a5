/**
 * Validation of the XML exports against the official schemas in ./schemas (for the tests): XLIFF 2.1 against
 * the OASIS core XSD, TMX 1.4b against the LISA DTD, TBX against the TBX v3 core RELAX NG. libxml2 (wasm) does the
 * work, so what passes here passes xmllint.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
	DtdValidator,
	RelaxNGValidator,
	XmlBufferInputProvider,
	XmlDocument,
	XmlDtd,
	XmlValidateError,
	XsdValidator,
	xmlRegisterInputProvider
} from 'libxml2-wasm';

const file = (path: string) => readFileSync(fileURLToPath(new URL(`./schemas/${path}`, import.meta.url)));

/** The schemas' own files under the names they import each other by. */
const XSD_URL = 'schemas/xliff-2.1/xliff_core_2.0.xsd';
const XML_XSD_URL = 'schemas/xliff-2.1/informativeCopiesOf3rdPartySchemas/w3c/xml.xsd';
let registered = false;
function registerSchemaFiles() {
	if (registered) return;
	registered = true;
	xmlRegisterInputProvider(
		new XmlBufferInputProvider({
			[XSD_URL]: file('xliff-2.1/xliff_core_2.0.xsd'),
			[XML_XSD_URL]: file('xliff-2.1/informativeCopiesOf3rdPartySchemas/w3c/xml.xsd')
		})
	);
}

export type SchemaFormat = 'xliff' | 'tmx' | 'tbx';

/** The problems libxml2 finds, as "line N: message" (empty when the document is valid). */
export function schemaErrors(format: SchemaFormat, xml: string): string[] {
	registerSchemaFiles();
	let doc: XmlDocument;
	try {
		doc = XmlDocument.fromString(xml);
	} catch (e) {
		return [`not well-formed: ${(e as Error).message}`];
	}
	// Each step owns what it made: freed in reverse order whatever happens.
	const owned: { dispose(): void }[] = [doc];
	try {
		if (format === 'xliff') {
			const schema = XmlDocument.fromBuffer(file('xliff-2.1/xliff_core_2.0.xsd'), { url: XSD_URL });
			owned.push(schema);
			const validator = XsdValidator.fromDoc(schema);
			owned.push(validator);
			validator.validate(doc);
		} else if (format === 'tbx') {
			const schema = XmlDocument.fromBuffer(file('tbx/TBXcoreStructV03.rng'));
			owned.push(schema);
			const validator = RelaxNGValidator.fromDoc(schema);
			owned.push(validator);
			validator.validate(doc);
		} else {
			const validator = new DtdValidator(XmlDtd.fromBuffer(file('tmx-1.4/tmx14.dtd')));
			owned.push(validator);
			validator.validate(doc);
		}
		return [];
	} catch (e) {
		if (e instanceof XmlValidateError) return e.details.map((d) => `line ${d.line}: ${d.message.trim()}`);
		throw e;
	} finally {
		for (const o of owned.reverse()) o.dispose();
	}
}
