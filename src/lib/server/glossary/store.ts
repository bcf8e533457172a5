/**
 * Glossary entries made in the app (glossary_entries) and their history (glossary_history). Each write is one
 * transaction that checks the version the editor started from, writes the entry and a history row (who, when,
 * the entry before and after). Entries are validated with GlossaryEntrySchema on write and again on read, so a
 * bad row can never reach the reader or the TBX export.
 */
import * as v from 'valibot';
import { GlossaryEntrySchema, type GlossaryEntry } from '$lib/content/schema';
import type { Db, GlossaryAction } from '../db/index';
import { InputError, parseInput, RowId } from '../db/input';

/** An entry made in the app, with who made and last changed it. */
export interface StoredGlossaryEntry {
	entry: GlossaryEntry;
	version: number;
	createdBy: string;
	createdAt: string;
	updatedBy: string;
	updatedAt: string;
}

/** One change of an entry made in the app. */
export interface GlossaryChange {
	id: number;
	entryId: string;
	action: GlossaryAction;
	version: number;
	by: string;
	at: string;
	before: GlossaryEntry | null;
	after: GlossaryEntry | null;
}

/** Someone saved the entry since the editor opened it: their version, who and when. */
export class GlossaryConflict extends Error {
	constructor(
		readonly entryId: string,
		readonly current: StoredGlossaryEntry | undefined
	) {
		super(`glossary entry ${entryId} was changed or deleted since it was opened`);
		this.name = 'GlossaryConflict';
	}
}

const Version = v.pipe(v.number(), v.integer(), v.minValue(1));

/** A stored document, read back through the schema (a row that no longer fits is reported, not served). */
function readEntry(json: string, id: string): GlossaryEntry {
	const parsed = v.safeParse(GlossaryEntrySchema, JSON.parse(json));
	if (!parsed.success)
		throw new Error(`glossary_entries ${id}: stored entry does not fit the glossary model`);
	return parsed.output;
}

const selectEntries = (db: Db) =>
	db.kysely
		.selectFrom('glossary_entries as g')
		.innerJoin('reviewers as c', 'c.id', 'g.created_by')
		.innerJoin('reviewers as u', 'u.id', 'g.updated_by')
		.select([
			'g.id',
			'g.entry',
			'g.version',
			'g.created_at',
			'g.updated_at',
			'c.username as created_by',
			'u.username as updated_by'
		]);

type EntryRow = {
	id: string;
	entry: string;
	version: number;
	created_at: string;
	updated_at: string;
	created_by: string;
	updated_by: string;
};

const toStored = (row: EntryRow): StoredGlossaryEntry => ({
	entry: readEntry(row.entry, row.id),
	version: row.version,
	createdBy: row.created_by,
	createdAt: row.created_at,
	updatedBy: row.updated_by,
	updatedAt: row.updated_at
});

/** Every entry made in the app, oldest first. */
export async function listGlossaryEdits(db: Db): Promise<StoredGlossaryEntry[]> {
	return (await db.all(selectEntries(db).orderBy('g.created_at').orderBy('g.id'))).map(toStored);
}

/** One entry made in the app, or undefined. */
export async function getGlossaryEdit(db: Db, id: string): Promise<StoredGlossaryEntry | undefined> {
	const row = await db.first(selectEntries(db).where('g.id', '=', id));
	return row && toStored(row);
}

/** A number that changes with every write to the app's glossary (the latest history row). */
export async function glossaryRevision(db: Db): Promise<number> {
	const row = await db.first(
		db.kysely.selectFrom('glossary_history').select((eb) => eb.fn.max('id').as('id'))
	);
	return Number(row?.id ?? 0);
}

/** The changes of one entry, newest first. */
export async function glossaryHistory(db: Db, entryId: string): Promise<GlossaryChange[]> {
	return (
		await db.all(
			db.kysely
				.selectFrom('glossary_history as h')
				.innerJoin('reviewers as r', 'r.id', 'h.reviewer_id')
				.select(['h.id', 'h.entry_id', 'h.action', 'h.version', 'h.at', 'h.before', 'h.after', 'r.username'])
				.where('h.entry_id', '=', entryId)
				.orderBy('h.id', 'desc')
		)
	).map((row) => ({
		id: row.id,
		entryId: row.entry_id,
		action: row.action,
		version: row.version,
		by: row.username,
		at: row.at,
		before: row.before === null ? null : readEntry(row.before, row.entry_id),
		after: row.after === null ? null : readEntry(row.after, row.entry_id)
	}));
}

async function record(
	db: Db,
	change: {
		entryId: string;
		action: GlossaryAction;
		version: number;
		reviewerId: number;
		at: string;
		before: string | null;
		after: string | null;
	}
): Promise<void> {
	await db.run(
		db.kysely.insertInto('glossary_history').values({
			entry_id: change.entryId,
			action: change.action,
			version: change.version,
			reviewer_id: change.reviewerId,
			at: change.at,
			before: change.before,
			after: change.after
		})
	);
}

/** Add an entry; InputError if the id is in use (a curated id is the caller's check: it knows the glossary). */
export async function createGlossaryEdit(
	db: Db,
	input: { entry: GlossaryEntry; reviewerId: number }
): Promise<StoredGlossaryEntry> {
	const entry = parseInput(GlossaryEntrySchema, input.entry);
	const reviewerId = parseInput(RowId, input.reviewerId);
	const json = JSON.stringify(entry);
	await db.transaction(async () => {
		if (await db.first(db.kysely.selectFrom('glossary_entries').select('id').where('id', '=', entry.id)))
			throw new InputError([`a glossary entry with the id ${entry.id} exists`]);
		const at = db.nowIso();
		await db.run(
			db.kysely.insertInto('glossary_entries').values({
				id: entry.id,
				entry: json,
				version: 1,
				created_by: reviewerId,
				created_at: at,
				updated_by: reviewerId,
				updated_at: at
			})
		);
		await record(db, {
			entryId: entry.id,
			action: 'create',
			version: 1,
			reviewerId,
			at,
			before: null,
			after: json
		});
	});
	return (await getGlossaryEdit(db, entry.id))!;
}

/** Change an entry (its id stays) if it is still at `version`; GlossaryConflict if not. */
export async function updateGlossaryEdit(
	db: Db,
	input: { entry: GlossaryEntry; version: number; reviewerId: number }
): Promise<StoredGlossaryEntry> {
	const entry = parseInput(GlossaryEntrySchema, input.entry);
	const version = parseInput(Version, input.version);
	const reviewerId = parseInput(RowId, input.reviewerId);
	const json = JSON.stringify(entry);
	await db.transaction(async () => {
		const row = await db.first(
			db.kysely.selectFrom('glossary_entries').select(['entry', 'version']).where('id', '=', entry.id)
		);
		if (!row || row.version !== version)
			throw new GlossaryConflict(entry.id, await getGlossaryEdit(db, entry.id));
		const at = db.nowIso();
		await db.run(
			db.kysely
				.updateTable('glossary_entries')
				.set({ entry: json, version: version + 1, updated_by: reviewerId, updated_at: at })
				.where('id', '=', entry.id)
		);
		await record(db, {
			entryId: entry.id,
			action: 'update',
			version: version + 1,
			reviewerId,
			at,
			before: row.entry,
			after: json
		});
	});
	return (await getGlossaryEdit(db, entry.id))!;
}

/** Delete an entry if it is still at `version` (its history stays); GlossaryConflict if not. */
export async function deleteGlossaryEdit(
	db: Db,
	input: { id: string; version: number; reviewerId: number }
): Promise<void> {
	const version = parseInput(Version, input.version);
	const reviewerId = parseInput(RowId, input.reviewerId);
	await db.transaction(async () => {
		const row = await db.first(
			db.kysely.selectFrom('glossary_entries').select(['entry', 'version']).where('id', '=', input.id)
		);
		if (!row || row.version !== version)
			throw new GlossaryConflict(input.id, await getGlossaryEdit(db, input.id));
		await db.run(db.kysely.deleteFrom('glossary_entries').where('id', '=', input.id));
		await record(db, {
			entryId: input.id,
			action: 'delete',
			version,
			reviewerId,
			at: db.nowIso(),
			before: row.entry,
			after: null
		});
	});
}
