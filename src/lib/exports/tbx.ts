/**
 * TBX (ISO 30042:2019), dialect TBX-Basic in DCA style, for the glossary. One <conceptEntry> per entry:
 *
 * - concept level: id (see conceptId); subjectField = category; a "Confidence: …" note; crossReference <ref>s
 *   to related entries.
 * - <langSec xml:lang="zh">: the term (preferredTerm-admn-sts; termType abbreviation when it has an expansion)
 *   with its pinyin as a note tagged xml:lang="zh-Latn-pinyin" and the literal gloss as an English note; each
 *   alias (admittedTerm-admn-sts, termType abbreviation when shorter than the term, else variant); the expansion
 *   (termType fullForm).
 * - <langSec xml:lang="en">: definition = the explanation; the preferred rendering (preferredTerm-admn-sts, its
 *   source as admin type="source"); each other rendering (admittedTerm-admn-sts); each rendering to avoid
 *   (deprecatedTerm-admn-sts); the English expansion (termType fullForm).
 *
 * Element order follows the TBX-Basic schema: termNotes before notes and admins in a termSec, and concept- and
 * language-level information before the sections it contains. Only data categories TBX-Basic allows are used.
 */
import type { GlossaryEntry } from '$lib/content/schema';
import { buildXml, compact, type XmlNode } from './xml';

export const TBX_NAMESPACE = 'urn:iso:std:iso:30042:ed-2';
/** BCP 47 tag of the pinyin notes: Chinese in Latin script, Hanyu Pinyin romanisation. */
export const PINYIN_LANG = 'zh-Latn-pinyin';
export const LITERAL_PREFIX = 'Literal translation: ';
export const CONFIDENCE_PREFIX = 'Confidence: ';

/**
 * conceptEntry ids are XML IDs, which must start with a letter or underscore. Glossary ids may start with a
 * digit; those get a leading "_", which glossary ids never contain, so the mapping is reversible. Cross-references
 * use the same mapping.
 */
export function conceptId(entryId: string): string {
	return /^[A-Za-z]/.test(entryId) ? entryId : `_${entryId}`;
}

/** The glossary id of a conceptEntry id written by conceptId. */
export function entryIdOf(conceptEntryId: string): string {
	return conceptEntryId.replace(/^_/, '');
}

const termNote = (type: string, text: string): XmlNode => ({ '@_type': type, '#text': text });

function termSec(term: string, notes: XmlNode[], extra: Record<string, XmlNode[] | undefined> = {}): XmlNode {
	return compact({ term, termNote: notes.length ? notes : undefined, ...extra });
}

function conceptEntry(e: GlossaryEntry, known: ReadonlySet<string>): XmlNode {
	const termLength = [...e.term].length;
	const zhTerms: XmlNode[] = [
		termSec(
			e.term,
			[
				termNote('administrativeStatus', 'preferredTerm-admn-sts'),
				...(e.expansion ? [termNote('termType', 'abbreviation')] : [])
			],
			{
				note: [
					{ '@_xml:lang': PINYIN_LANG, '#text': e.pinyin },
					{ '@_xml:lang': 'en', '#text': `${LITERAL_PREFIX}${e.literal}` }
				]
			}
		),
		...e.aliases.map((alias) =>
			termSec(alias, [
				termNote('administrativeStatus', 'admittedTerm-admn-sts'),
				termNote('termType', [...alias].length < termLength ? 'abbreviation' : 'variant')
			])
		),
		...(e.expansion ? [termSec(e.expansion.zh, [termNote('termType', 'fullForm')])] : [])
	];
	const enTerms: XmlNode[] = [
		termSec(e.rendering.en, [termNote('administrativeStatus', 'preferredTerm-admn-sts')], {
			admin: [{ '@_type': 'source', '#text': e.rendering.source }]
		}),
		...e.alsoRendered.map((r) => termSec(r, [termNote('administrativeStatus', 'admittedTerm-admn-sts')])),
		...e.avoid.map((r) => termSec(r, [termNote('administrativeStatus', 'deprecatedTerm-admn-sts')])),
		...(e.expansion ? [termSec(e.expansion.en, [termNote('termType', 'fullForm')])] : [])
	];
	const related = e.related.filter((id) => known.has(id));
	const { level, note } = e.confidence;
	const confidence = `${CONFIDENCE_PREFIX}${level}${note ? ` — ${note}` : ''}`;
	return compact({
		'@_id': conceptId(e.id),
		descrip: { '@_type': 'subjectField', '#text': e.category },
		note: confidence,
		ref: related.length
			? related.map((id) => ({ '@_type': 'crossReference', '@_target': conceptId(id), '#text': id }))
			: undefined,
		langSec: [
			{ '@_xml:lang': 'zh', termSec: zhTerms },
			{ '@_xml:lang': 'en', descrip: { '@_type': 'definition', '#text': e.explanation }, termSec: enTerms }
		]
	});
}

export interface TbxOptions {
	/** Title of the termbase in the header. */
	title?: string;
	/** Describes where the data came from (header sourceDesc). */
	source?: string;
}

/** TBX-Basic (ISO 30042:2019, DCA style) for the whole glossary, one conceptEntry per entry. */
export function toTbx(glossary: readonly GlossaryEntry[], options: TbxOptions = {}): string {
	const known = new Set(glossary.map((e) => e.id));
	return buildXml({
		tbx: {
			'@_xmlns': TBX_NAMESPACE,
			'@_type': 'TBX-Basic',
			'@_style': 'dca',
			'@_xml:lang': 'en',
			tbxHeader: {
				fileDesc: {
					titleStmt: { title: options.title ?? 'Glossary of Chinese policy and place terms' },
					sourceDesc: { p: options.source ?? 'Exported from the bilingual reader glossary.' }
				}
			},
			text: { body: { conceptEntry: glossary.map((e) => conceptEntry(e, known)) } }
		}
	});
}
