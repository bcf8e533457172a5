/**
 * The translation memory's stored side: units imported from TMX files (memory_units), and the approved segments
 * of every article (read from segment_states; an approved segment is a memory entry with no copy).
 */
import * as v from 'valibot';
import type { Db } from '../../db/index';
import { nonBlank, parseInput, RowId } from '../../db/input';
import { MAX_TEXT } from './common';

/** A unit stored in the memory. */
export interface MemoryUnit {
	id: number;
	zh: string;
	en: string;
	file: string;
}

/** An approved segment: its key and approved English (the Chinese is the article's). */
export interface ApprovedSegment {
	slug: string;
	segmentId: string;
	en: string;
}

const ImportSchema = v.object({
	file: nonBlank('file name', 255),
	reviewerId: RowId,
	units: v.array(v.object({ zh: nonBlank('zh', MAX_TEXT), en: nonBlank('en', MAX_TEXT) }))
});

/** Add units in one transaction; pairs already in the memory are left as they are. Returns how many were new. */
async function importMemoryUnits(
	db: Db,
	input: { file: string; reviewerId: number; units: readonly { zh: string; en: string }[] }
): Promise<{ added: number; existing: number }> {
	const { file, reviewerId, units } = parseInput(ImportSchema, input);
	return await db.transaction(async () => {
		const at = db.nowIso();
		let added = 0;
		for (const u of units) {
			added += await db.run(
				db.kysely
					.insertInto('memory_units')
					.values({ zh: u.zh, en: u.en, file, imported_by: reviewerId, imported_at: at })
					.onConflict((c) => c.columns(['zh', 'en']).doNothing())
			);
		}
		return { added, existing: units.length - added };
	});
}

/** Every imported unit, oldest first. */
async function listMemoryUnits(db: Db): Promise<MemoryUnit[]> {
	return await db.all(db.kysely.selectFrom('memory_units').select(['id', 'zh', 'en', 'file']).orderBy('id'));
}

/** A stamp that changes whenever units are added (the memory's cache key). */
async function memoryStamp(db: Db): Promise<string> {
	const row = await db.first(
		db.kysely
			.selectFrom('memory_units')
			.select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('id').as('last')])
	);
	return `${row?.n ?? 0}:${row?.last ?? 0}`;
}

/** Every segment of every article whose current status is approved, with its approved English. */
async function listApprovedSegments(db: Db): Promise<ApprovedSegment[]> {
	return (
		await db.all(
			db.kysely
				.selectFrom('segment_states')
				.select(['slug', 'segment_id', 'approved_en'])
				.where('status', '=', 'approved')
				.where('approved_en', 'is not', null)
				.orderBy('updated_at', 'desc')
		)
	).flatMap((r) =>
		r.approved_en === null ? [] : [{ slug: r.slug, segmentId: r.segment_id, en: r.approved_en }]
	);
}

export const memoryOperations = { importMemoryUnits, listMemoryUnits, memoryStamp, listApprovedSegments };
