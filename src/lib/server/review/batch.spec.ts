import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDataDir } from '../db/testing';
import { InputError, type Db } from '../db/index';
import { addReviewer, type Reviewer } from '../auth/index';
import { approvedEnglish, getSegmentState, saveSegment, saveSegments, segmentHistory } from './index';

const slug = 'beilun-liucu-liuyou';

let temp: ReturnType<typeof tempDataDir>;
let db: Db;
let ann: Reviewer;
beforeEach(async () => {
	temp = tempDataDir('review-batch-');
	db = await temp.open();
	ann = await addReviewer('ann', 'ann passphrase 1', db);
});
afterEach(async () => {
	await temp.cleanup();
});

const count = async (table: 'segment_history' | 'segment_states') =>
	(await db.all(db.kysely.selectFrom(table).select(({ fn }) => fn.countAll<number>().as('n'))))[0]?.n;

describe('saveSegments (an import: all or nothing)', () => {
	it('applies every save in one go, each with its history and version', async () => {
		const result = await saveSegments(
			[
				{ slug, segmentId: 'p1-1', en: 'One.', status: 'reviewed', baseVersion: 0, reviewerId: ann.id },
				{ slug, segmentId: 'p3-2', en: 'Two.', status: 'approved', baseVersion: 0, reviewerId: ann.id }
			],
			db
		);
		expect(result.ok).toBe(true);
		expect((await getSegmentState({ slug, segmentId: 'p1-1' }, db)).en).toBe('One.');
		expect(await approvedEnglish(slug, db)).toEqual({ 'p3-2': 'Two.' });
		const history = await segmentHistory({ slug, segmentId: 'p3-2' }, db);
		expect(history).toHaveLength(1);
		expect(history[0]).toMatchObject({ version: 1, by: { username: 'ann' }, newStatus: 'approved' });
	});

	it('one stale base version refuses the whole batch and writes nothing', async () => {
		await saveSegment(
			{ slug, segmentId: 'p3-2', en: 'Earlier.', status: 'translated', baseVersion: 0, reviewerId: ann.id },
			db
		);
		const before = { history: await count('segment_history'), states: await count('segment_states') };
		const result = await saveSegments(
			[
				{ slug, segmentId: 'p1-1', en: 'One.', status: 'reviewed', baseVersion: 0, reviewerId: ann.id },
				{ slug, segmentId: 'p3-2', en: 'Two.', status: 'approved', baseVersion: 0, reviewerId: ann.id }
			],
			db
		);
		expect(result.ok).toBe(false);
		if (!result.ok) {
			expect(result.conflicts.map((c) => [c.yours.segmentId, c.theirs.version])).toEqual([['p3-2', 1]]);
		}
		expect({ history: await count('segment_history'), states: await count('segment_states') }).toEqual(
			before
		);
		expect((await getSegmentState({ slug, segmentId: 'p1-1' }, db)).version).toBe(0);
	});

	it('refuses invalid input and duplicate segments before writing', async () => {
		await expect(
			saveSegments(
				[{ slug, segmentId: 'p1-1', en: ' ', status: 'reviewed', baseVersion: 0, reviewerId: ann.id }],
				db
			)
		).rejects.toBeInstanceOf(InputError);
		const twice = {
			slug,
			segmentId: 'p1-1',
			en: 'x',
			status: 'reviewed' as const,
			baseVersion: 0,
			reviewerId: ann.id
		};
		await expect(saveSegments([twice, twice], db)).rejects.toBeInstanceOf(InputError);
		expect(await count('segment_history')).toBe(0);
	});
});
