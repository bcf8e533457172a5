/** Readers that parse exported files back into plain data, for the export specs. */
import type { GlossaryEntry } from '$lib/content/schema';
import { CONFIDENCE_PREFIX, entryIdOf, LITERAL_PREFIX, PINYIN_LANG } from './tbx';
import { attr, checkWellFormed, children, createParser, textOf, type Parsed } from './xml';

function wellFormed(xml: string): string {
	const checked = checkWellFormed(xml);
	if (!checked.ok) throw new Error(checked.error);
	return checked.xml;
}

function text(n: Parsed): string {
	const t = textOf(n);
	if ('markup' in t) throw new Error(`unexpected markup <${t.markup}>`);
	return t.text;
}

const tmxParser = createParser(['tu', 'tuv', 'prop', 'note']);

/** Parse TMX back into plain data. */
export function readTmx(xml: string) {
	const doc = tmxParser.parse(wellFormed(xml)) as { tmx: Parsed };
	const header = children(doc.tmx, 'header')[0];
	const body = children(doc.tmx, 'body')[0];
	return {
		version: attr(doc.tmx, 'version'),
		header: header && typeof header === 'object' ? header : {},
		units: children(body, 'tu').map((tu) => {
			const tuvs = children(tu, 'tuv');
			const seg = (lang: string) =>
				text(
					children(
						tuvs.find((t) => attr(t, 'xml:lang') === lang),
						'seg'
					)[0]
				);
			return {
				tuid: attr(tu, 'tuid'),
				langs: tuvs.map((t) => attr(t, 'xml:lang')),
				zh: seg('zh-CN'),
				en: seg('en'),
				props: Object.fromEntries(children(tu, 'prop').map((p) => [attr(p, 'type'), text(p)])),
				notes: children(tu, 'note').map((n) => ({ lang: attr(n, 'xml:lang'), text: text(n) }))
			};
		})
	};
}

const tbxParser = createParser([
	'conceptEntry',
	'langSec',
	'termSec',
	'termNote',
	'note',
	'ref',
	'descrip',
	'admin'
]);

/** A TBX termSec as data: the term and its termNotes by type. */
interface TermSec {
	term: string;
	status?: string;
	type?: string;
	notes: { lang?: string; text: string }[];
	source?: string;
}

function termSecOf(node: Parsed): TermSec {
	const notes = Object.fromEntries(children(node, 'termNote').map((n) => [attr(n, 'type'), text(n)]));
	return {
		term: text(children(node, 'term')[0]),
		status: notes.administrativeStatus,
		type: notes.termType,
		notes: children(node, 'note').map((n) => ({ lang: attr(n, 'xml:lang'), text: text(n) })),
		source: children(node, 'admin')
			.filter((a) => attr(a, 'type') === 'source')
			.map(text)[0]
	};
}

/**
 * Parse TBX-Basic as written by toTbx back into glossary entries (ids as written in conceptEntry/@id), plus the
 * root attributes, so a spec can compare with the glossary it came from.
 */
export function readTbx(xml: string) {
	const doc = tbxParser.parse(wellFormed(xml)) as { tbx: Parsed };
	const body = children(children(doc.tbx, 'text')[0], 'body')[0];
	const entries = children(body, 'conceptEntry').map((ce): GlossaryEntry & { conceptId: string } => {
		const langSec = (lang: string) => children(ce, 'langSec').find((l) => attr(l, 'xml:lang') === lang);
		const zh = children(langSec('zh'), 'termSec').map(termSecOf);
		const en = children(langSec('en'), 'termSec').map(termSecOf);
		const descrip = (node: Parsed, type: string) =>
			children(node, 'descrip')
				.filter((d) => attr(d, 'type') === type)
				.map(text)[0] ?? '';
		const head = zh.find((t) => t.status === 'preferredTerm-admn-sts');
		const preferred = en.find((t) => t.status === 'preferredTerm-admn-sts');
		const zhFull = zh.find((t) => t.type === 'fullForm');
		const enFull = en.find((t) => t.type === 'fullForm');
		const confidence = children(ce, 'note')
			.map(text)
			.find((n) => n.startsWith(CONFIDENCE_PREFIX));
		const rest = (confidence ?? '').slice(CONFIDENCE_PREFIX.length);
		const dash = rest.indexOf(' — ');
		const [level, note] = dash < 0 ? [rest, undefined] : [rest.slice(0, dash), rest.slice(dash + 3)];
		const entry: GlossaryEntry & { conceptId: string } = {
			conceptId: attr(ce, 'id') ?? '',
			id: entryIdOf(attr(ce, 'id') ?? ''),
			term: head?.term ?? '',
			aliases: zh.filter((t) => t !== head && t !== zhFull).map((t) => t.term),
			pinyin: head?.notes.find((n) => n.lang === PINYIN_LANG)?.text ?? '',
			literal: (head?.notes.find((n) => n.text.startsWith(LITERAL_PREFIX))?.text ?? '').slice(
				LITERAL_PREFIX.length
			),
			rendering: { en: preferred?.term ?? '', source: preferred?.source ?? '' },
			alsoRendered: en.filter((t) => t.status === 'admittedTerm-admn-sts').map((t) => t.term),
			avoid: en.filter((t) => t.status === 'deprecatedTerm-admn-sts').map((t) => t.term),
			explanation: descrip(langSec('en'), 'definition'),
			category: descrip(ce, 'subjectField') as GlossaryEntry['category'],
			related: children(ce, 'ref').map(text),
			confidence: { level: level as GlossaryEntry['confidence']['level'], ...(note ? { note } : {}) }
		};
		if (zhFull && enFull) entry.expansion = { zh: zhFull.term, en: enFull.term };
		return entry;
	});
	return {
		root: {
			xmlns: attr(doc.tbx, 'xmlns'),
			type: attr(doc.tbx, 'type'),
			style: attr(doc.tbx, 'style'),
			lang: attr(doc.tbx, 'xml:lang')
		},
		entries,
		/** termSec details by concept id, for checking statuses and term types. */
		terms: Object.fromEntries(
			children(body, 'conceptEntry').map((ce) => [
				attr(ce, 'id'),
				Object.fromEntries(
					children(ce, 'langSec').map((l) => [attr(l, 'xml:lang'), children(l, 'termSec').map(termSecOf)])
				) as Record<string, TermSec[] | undefined>
			])
		) as Record<string, Record<string, TermSec[] | undefined> | undefined>
	};
}
