/**
 * The editable glossary on the server. Curated entries (content/glossary.yaml) stay as they are and cannot be
 * edited in the app; editors add entries of their own, which live in the database (./store.ts), come after the
 * curated ones, and can be changed and deleted with their history kept. `syncGlossary` (called by the server
 * hooks on every request; one indexed query) puts the database's entries into the content store whenever they
 * changed, so every article, popover, search and the TBX export see them without a restart, whichever process
 * wrote them.
 */
import type { Article, GlossaryEntry } from '$lib/content/schema';
import { createChineseMatcher } from '$lib/glossary/matcher';
import { proposeTerms, type ProposedTerm } from '$lib/glossary/proposed';
import {
	entryConflicts,
	entryFromForm,
	suggestFromTerm,
	type EntryFormValues,
	type FieldProblem
} from '$lib/glossary/edit';
import { annotatePinyin } from '$lib/pinyin/annotate';
import { hasWord } from '$lib/dictionary';
import { getDb, type Db } from '../db/index';
import { getDictionary } from '../dictionary/index';
import { getJieba } from '../pinyin/index';
import { getCuratedGlossary, getGlossary, glossaryRevision, setGlossaryEdits } from '../content/store';
import {
	createGlossaryEdit,
	deleteGlossaryEdit,
	GlossaryConflict,
	getGlossaryEdit,
	glossaryHistory,
	glossaryRevision as storedRevision,
	listGlossaryEdits,
	updateGlossaryEdit,
	type GlossaryChange,
	type StoredGlossaryEntry
} from './store';

export { GlossaryConflict, type GlossaryChange, type StoredGlossaryEntry };

/** The database revision last put into the content store, per database (tests open several). */
const synced = new WeakMap<Db, number>();

/** Bring the content store's glossary up to date with the database's entries (no work when nothing changed). */
export async function syncGlossary(db?: Db): Promise<void> {
	const d = db ?? (await getDb());
	const revision = await storedRevision(d);
	if (synced.get(d) === revision) return;
	setGlossaryEdits((await listGlossaryEdits(d)).map((s) => s.entry));
	synced.set(d, revision);
}

/** Whether an entry was made in the app (and so may be edited there). */
export function isCurated(id: string): boolean {
	return getCuratedGlossary().some((e) => e.id === id);
}

/** An entry made in the app, with its version and who made it, or undefined. */
export async function appEntry(id: string, db?: Db): Promise<StoredGlossaryEntry | undefined> {
	return getGlossaryEdit(db ?? (await getDb()), id);
}

/** The changes of an entry made in the app, newest first (also after it was deleted). */
export async function entryHistory(id: string, db?: Db): Promise<GlossaryChange[]> {
	return glossaryHistory(db ?? (await getDb()), id);
}

/** What an edit gives: the saved entry, or the problems to show beside the form's fields. */
export type EditResult =
	| { ok: true; entry: GlossaryEntry }
	| { ok: false; problems: FieldProblem[]; conflict?: StoredGlossaryEntry | null };

/** Validate a form and check it against the whole glossary (curated and the app's). */
function checkForm(values: EntryFormValues, editing?: string): EditResult {
	const read = entryFromForm(values);
	if (!read.ok) return read;
	if (editing !== undefined && read.entry.id !== editing)
		return { ok: false, problems: [{ field: 'id', key: 'idFixed' }] };
	const problems = entryConflicts(read.entry, getGlossary(), editing);
	return problems.length ? { ok: false, problems } : read;
}

/** Add an entry from the new-entry form. */
export async function addEntry(values: EntryFormValues, reviewerId: number, db?: Db): Promise<EditResult> {
	const d = db ?? (await getDb());
	await syncGlossary(d);
	const checked = checkForm(values);
	if (!checked.ok) return checked;
	await createGlossaryEdit(d, { entry: checked.entry, reviewerId });
	await syncGlossary(d);
	return checked;
}

/** Change an entry made in the app, if nobody saved it since `version`. */
export async function editEntry(
	id: string,
	values: EntryFormValues,
	version: number,
	reviewerId: number,
	db?: Db
): Promise<EditResult> {
	const d = db ?? (await getDb());
	await syncGlossary(d);
	if (isCurated(id)) return { ok: false, problems: [{ field: 'form', key: 'curated' }] };
	const checked = checkForm(values, id);
	if (!checked.ok) return checked;
	try {
		await updateGlossaryEdit(d, { entry: checked.entry, version, reviewerId });
	} catch (e) {
		if (e instanceof GlossaryConflict)
			return { ok: false, problems: [{ field: 'form', key: 'conflict' }], conflict: e.current ?? null };
		throw e;
	}
	await syncGlossary(d);
	return checked;
}

/** Delete an entry made in the app, if nobody saved it since `version`; refused while other entries name it. */
export async function removeEntry(
	id: string,
	version: number,
	reviewerId: number,
	db?: Db
): Promise<{ ok: true } | { ok: false; problem: FieldProblem; conflict?: StoredGlossaryEntry | null }> {
	const d = db ?? (await getDb());
	await syncGlossary(d);
	if (isCurated(id)) return { ok: false, problem: { field: 'form', key: 'curated' } };
	const naming = getGlossary().find((e) => e.id !== id && e.related.includes(id));
	if (naming)
		return { ok: false, problem: { field: 'form', key: 'stillRelated', params: { id: naming.id } } };
	try {
		await deleteGlossaryEdit(d, { id, version, reviewerId });
	} catch (e) {
		if (e instanceof GlossaryConflict)
			return { ok: false, problem: { field: 'form', key: 'conflict' }, conflict: e.current ?? null };
		throw e;
	}
	await syncGlossary(d);
	return { ok: true };
}

const proposals = new WeakMap<Article, { revision: number; list: ProposedTerm[] }>();

/** The likely policy terms of an article that the glossary lacks (see $lib/glossary/proposed), kept per glossary. */
export async function proposedTerms(article: Article): Promise<ProposedTerm[]> {
	const hit = proposals.get(article);
	if (hit?.revision === glossaryRevision()) return hit.list;
	const dictionary = await getDictionary();
	const jieba = getJieba();
	const list = proposeTerms(article, {
		findTerms: createChineseMatcher(getGlossary()),
		inDictionary: (w) => hasWord(dictionary, w),
		cut: (run) => jieba.cut(run, false)
	});
	proposals.set(article, { revision: glossaryRevision(), list });
	return list;
}

/** A first identifier and pinyin for a new term (see suggestFromTerm), from the reader's pinyin engine. */
export function suggestForTerm(term: string): Pick<EntryFormValues, 'id' | 'pinyin'> {
	getGlossary(); // the content store installs the pinyin engine
	return suggestFromTerm(annotatePinyin(term), getJieba().cut(term, false));
}
