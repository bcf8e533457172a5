/**
 * Editing the glossary in the app: the entry form (field names, limits, messages as interface keys), the form to
 * entry mapping, and the checks against the rest of the glossary. Pure. The entry a form gives is always a valid
 * GlossaryEntrySchema entry (the same fields and rules as content/glossary.yaml); the store checks it again.
 */
import * as v from 'valibot';
import {
	GlossaryCategorySchema,
	GlossaryEntrySchema,
	type GlossaryCategory,
	type GlossaryEntry
} from '$lib/content/schema';
import { hasHan, stripDiacritics, toHalfWidth, withoutQuotationMarks } from '$lib/chinese';
import { nonXmlCharacter } from '$lib/exports/xml-text';

/** The entry form's fields (the `name` attributes), in the order the form shows them. */
export const ENTRY_FIELDS = [
	'id',
	'term',
	'aliases',
	'pinyin',
	'literal',
	'renderingEn',
	'renderingSource',
	'alsoRendered',
	'avoid',
	'expansionZh',
	'expansionEn',
	'explanation',
	'category',
	'related',
	'confidenceLevel',
	'confidenceNote'
] as const;
/** A field of the entry form. */
export type EntryField = (typeof ENTRY_FIELDS)[number];
/** What the form holds: text per field (lists one item a line). */
export type EntryFormValues = Record<EntryField, string>;

/** Longest text per field, in characters (a list's limit is per item). */
export const ENTRY_LIMITS: Record<EntryField, number> = {
	id: 80,
	term: 40,
	aliases: 40,
	pinyin: 200,
	literal: 300,
	renderingEn: 300,
	renderingSource: 300,
	alsoRendered: 300,
	avoid: 300,
	expansionZh: 1000,
	expansionEn: 1000,
	explanation: 3000,
	category: 20,
	related: 80,
	confidenceLevel: 20,
	confidenceNote: 1000
};
/** Most items in a list field (aliases, other renderings, related entries). */
export const MAX_LIST_ITEMS = 20;

/** A problem with a field, as an interface message key under glossaryEdit.errors and its parameters. */
export interface FieldProblem {
	field: EntryField | 'form';
	key: string;
	params?: Record<string, string | number>;
}

const chars = (s: string) => [...s].length;

/** Checks shared by every text: length and characters no XML export can carry. */
const checked = <I>(field: EntryField, schema: v.GenericSchema<I, string>) =>
	v.pipe(
		schema,
		v.check((s) => chars(s) <= ENTRY_LIMITS[field], 'tooLong'),
		v.check((s) => nonXmlCharacter(s) === undefined, 'badCharacter')
	);

const trimmed = v.pipe(v.string('required'), v.trim());
const required = (field: EntryField) => checked(field, v.pipe(trimmed, v.nonEmpty('required')));
const english = (field: EntryField) =>
	v.pipe(
		required(field),
		v.check((s) => !hasHan(s), 'englishOnly')
	);
const optional = (field: EntryField) => checked(field, v.pipe(v.optional(v.string(), ''), v.trim()));
/** One item a line; blank lines dropped. */
const list = (field: EntryField, item: (s: string) => boolean, itemKey: string) =>
	v.pipe(
		v.optional(v.string(), ''),
		v.transform((s) =>
			s
				.split(/\r?\n/)
				.map((line) => line.trim())
				.filter(Boolean)
		),
		v.check((items) => items.length <= MAX_LIST_ITEMS, 'tooMany'),
		v.check((items) => items.every((s) => chars(s) <= ENTRY_LIMITS[field]), 'tooLong'),
		v.check((items) => items.every((s) => nonXmlCharacter(s) === undefined), 'badCharacter'),
		v.check((items) => items.every(item), itemKey)
	);

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The entry form, field by field; messages are keys under glossaryEdit.errors. */
export const EntryFormSchema = v.object({
	id: v.pipe(required('id'), v.toLowerCase(), v.regex(ID, 'badId')),
	// A number code alone (141) is no term: it is written with the word it names (141体系), as GlossaryEntrySchema asks.
	term: v.pipe(
		required('term'),
		v.check((s) => hasHan(s), 'termNeedsChinese'),
		v.transform((s) => s.replace(/^[“"「『]+|[”"」』]+$/gu, ''))
	),
	aliases: list('aliases', hasHan, 'needsChinese'),
	pinyin: v.pipe(
		required('pinyin'),
		v.check((s) => !hasHan(s), 'pinyinLatin')
	),
	literal: english('literal'),
	renderingEn: english('renderingEn'),
	renderingSource: english('renderingSource'),
	alsoRendered: list('alsoRendered', (s) => !hasHan(s), 'englishOnly'),
	avoid: list('avoid', (s) => !hasHan(s), 'englishOnly'),
	expansionZh: optional('expansionZh'),
	expansionEn: optional('expansionEn'),
	explanation: english('explanation'),
	category: v.picklist(GlossaryCategorySchema.options, 'badChoice'),
	related: list('related', (s) => ID.test(s), 'badId'),
	confidenceLevel: v.picklist(['confirmed', 'likely', 'uncertain'], 'badChoice'),
	confidenceNote: optional('confidenceNote')
});

/** The form's values for an entry (to edit it). */
export function entryToForm(e: GlossaryEntry): EntryFormValues {
	return {
		id: e.id,
		term: e.term,
		aliases: e.aliases.join('\n'),
		pinyin: e.pinyin,
		literal: e.literal,
		renderingEn: e.rendering.en,
		renderingSource: e.rendering.source,
		alsoRendered: e.alsoRendered.join('\n'),
		avoid: e.avoid.join('\n'),
		expansionZh: e.expansion?.zh ?? '',
		expansionEn: e.expansion?.en ?? '',
		explanation: e.explanation,
		category: e.category,
		related: e.related.join('\n'),
		confidenceLevel: e.confidence.level,
		confidenceNote: e.confidence.note ?? ''
	};
}

/** The form's values as submitted (missing fields empty; only the form's own fields). */
export function formValues(fields: Record<string, string | undefined>): EntryFormValues {
	return Object.fromEntries(ENTRY_FIELDS.map((f) => [f, fields[f] ?? ''])) as EntryFormValues;
}

/** What reading a form gives: the entry, or the problems by field (the values are kept for the form). */
export type EntryFormResult = { ok: true; entry: GlossaryEntry } | { ok: false; problems: FieldProblem[] };

/** Read an entry form: every field checked, then the whole entry against GlossaryEntrySchema. */
export function entryFromForm(values: EntryFormValues): EntryFormResult {
	const parsed = v.safeParse(EntryFormSchema, values);
	if (!parsed.success) {
		const problems: FieldProblem[] = [];
		for (const issue of parsed.issues) {
			const field = issue.path?.[0]?.key;
			if (typeof field === 'string' && (ENTRY_FIELDS as readonly string[]).includes(field)) {
				const key = issue.message;
				const params: FieldProblem['params'] =
					key === 'tooLong'
						? { max: ENTRY_LIMITS[field as EntryField] }
						: key === 'tooMany'
							? { max: MAX_LIST_ITEMS }
							: key === 'badCharacter'
								? { character: nonXmlCharacter(values[field as EntryField]) ?? '' }
								: undefined;
				if (!problems.some((p) => p.field === field))
					problems.push({ field: field as EntryField, key, ...(params ? { params } : {}) });
			}
		}
		return { ok: false, problems };
	}
	const f = parsed.output;
	const problems: FieldProblem[] = [];
	if (Boolean(f.expansionZh) !== Boolean(f.expansionEn))
		problems.push({ field: f.expansionZh ? 'expansionEn' : 'expansionZh', key: 'expansionPair' });
	if (f.expansionZh && !hasHan(f.expansionZh)) problems.push({ field: 'expansionZh', key: 'needsChinese' });
	if (f.expansionEn && hasHan(f.expansionEn)) problems.push({ field: 'expansionEn', key: 'englishOnly' });
	// A rendering cannot be both preferred (or admitted) and one to avoid: QA would flag the entry's own rendering.
	const admitted = new Set([f.renderingEn, ...f.alsoRendered].map((s) => s.toLowerCase()));
	const both = f.avoid.find((s) => admitted.has(s.toLowerCase()));
	if (both) problems.push({ field: 'avoid', key: 'avoidAdmitted', params: { rendering: both } });
	if (f.confidenceNote && hasHan(f.confidenceNote))
		problems.push({ field: 'confidenceNote', key: 'englishOnly' });
	if (f.confidenceLevel !== 'confirmed' && !f.confidenceNote)
		problems.push({ field: 'confidenceNote', key: 'confidenceNoteNeeded' });
	if (problems.length) return { ok: false, problems };
	const entry = v.safeParse(GlossaryEntrySchema, {
		id: f.id,
		term: f.term,
		aliases: f.aliases,
		pinyin: f.pinyin,
		literal: f.literal,
		rendering: { en: f.renderingEn, source: f.renderingSource },
		alsoRendered: f.alsoRendered,
		avoid: f.avoid,
		...(f.expansionZh ? { expansion: { zh: f.expansionZh, en: f.expansionEn } } : {}),
		explanation: f.explanation,
		category: f.category as GlossaryCategory,
		related: f.related,
		confidence: { level: f.confidenceLevel, ...(f.confidenceNote ? { note: f.confidenceNote } : {}) }
	});
	// The form's checks are at least as strict as the schema's; this is the last guard, not a usual path.
	if (!entry.success) return { ok: false, problems: [{ field: 'form', key: 'invalid' }] };
	return { ok: true, entry: entry.output };
}

/** A term's key as the matcher sees it: quotation marks and spaces ignored. */
const formKey = (s: string) => withoutQuotationMarks(s).replace(/\s/g, '');

/**
 * An entry against the rest of the glossary: its id must be new (or the one being edited), each of its forms
 * (term and aliases) must belong to no other entry, as the glossary's convention has it, and related ids must
 * name entries.
 */
export function entryConflicts(
	entry: GlossaryEntry,
	glossary: readonly GlossaryEntry[],
	editing?: string
): FieldProblem[] {
	const others = glossary.filter((e) => e.id !== editing);
	const problems: FieldProblem[] = [];
	if (editing === undefined && glossary.some((e) => e.id === entry.id))
		problems.push({ field: 'id', key: 'idTaken', params: { id: entry.id } });
	const owner = new Map<string, string>();
	for (const e of others) for (const form of [e.term, ...e.aliases]) owner.set(formKey(form), e.id);
	const clash = (form: string) => owner.get(formKey(form));
	const termOwner = clash(entry.term);
	if (termOwner)
		problems.push({ field: 'term', key: 'formTaken', params: { form: entry.term, id: termOwner } });
	const aliasClash = entry.aliases.find((a) => clash(a) || formKey(a) === formKey(entry.term));
	if (aliasClash)
		problems.push({
			field: 'aliases',
			key: 'formTaken',
			params: { form: aliasClash, id: clash(aliasClash) ?? entry.id }
		});
	const ids = new Set(glossary.map((e) => e.id));
	const unknown = entry.related.find((id) => !ids.has(id) || id === entry.id);
	if (unknown) problems.push({ field: 'related', key: 'unknownRelated', params: { id: unknown } });
	return problems;
}

/**
 * Words for pinyin: a run of single characters (a coinage the segmenter does not know, 招|大|引|强) is read as
 * words of two characters when it has four (招大 引强, like 扩中 提低), else as one word (风环巢).
 */
function joinSingles(words: readonly string[]): string[] {
	const out: string[] = [];
	let run: string[] = [];
	const flush = () => {
		if (run.length === 4) out.push(run.slice(0, 2).join(''), run.slice(2).join(''));
		else if (run.length) out.push(run.join(''));
		run = [];
	};
	for (const w of words) {
		if ([...w].length === 1 && hasHan(w)) run.push(w);
		else {
			flush();
			out.push(w);
		}
	}
	flush();
	return out;
}

/**
 * A first identifier and pinyin for a new term, for the editor to correct: the pinyin joined word by word (the
 * segmenter's words), the identifier the toneless syllables joined by hyphens (风环巢 → feng-huan-chao), as the
 * curated entries have them.
 */
export function suggestFromTerm(
	readings: readonly { c: string; p: string | null }[],
	words: readonly string[]
): Pick<EntryFormValues, 'id' | 'pinyin'> {
	const pinyin: string[] = [];
	let at = 0;
	for (const word of joinSingles(words)) {
		const n = [...word].length;
		const syllables = readings
			.slice(at, at + n)
			.map((r) => r.p ?? r.c)
			.join('')
			.trim();
		at += n;
		if (syllables) pinyin.push(syllables);
	}
	// Digits and letters written together stay one part (415X → 415x).
	const id: string[] = [];
	let plain = '';
	for (const r of readings) {
		if (r.p) {
			if (plain) id.push(plain);
			plain = '';
			id.push(
				stripDiacritics(r.p)
					.toLowerCase()
					.replace(/[^a-z]/g, '')
			);
		} else
			plain += toHalfWidth(r.c)
				.toLowerCase()
				.replace(/[^a-z0-9]/g, '');
	}
	if (plain) id.push(plain);
	const joined = id.filter(Boolean).join('-').slice(0, ENTRY_LIMITS.id).replace(/-+$/, '');
	return { id: joined, pinyin: pinyin.join(' ') };
}
