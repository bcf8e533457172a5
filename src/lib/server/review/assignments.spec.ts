/**
 * Assignments in a real SQLite file: an editor assigns a range of segments to an account, the workspace shows the
 * assignee and "assigned to me" lists exactly those segments; taking a range back, and refused input.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getArticle } from '$lib/server/content/store';
import { walkSegments } from '$lib/content/walk';
import { editorView, parseFilter } from '$lib/review/workspace-model';
import { tempDataDir } from '../db/testing';
import type { Db } from '../db/index';
import { addReviewer, type Reviewer } from '../auth/index';
import { createReviewStore } from './store';
import { loadWorkspace } from './load-workspace';

const slug = 'beilun-liucu-liuyou';
const article = (await getArticle(slug))!;
const ids = walkSegments(article).map((p) => p.segment.id);

let temp: ReturnType<typeof tempDataDir>;
let db: Db;
let eve: Reviewer;
let tim: Reviewer;
let rae: Reviewer;
beforeEach(async () => {
	temp = tempDataDir('review-assign-');
	db = await temp.open();
	eve = await addReviewer('eve', 'eve passphrase 1', db, 'editor');
	tim = await addReviewer('tim', 'tim passphrase 1', db, 'translator');
	rae = await addReviewer('rae', 'rae passphrase 1', db, 'reviewer');
});
afterEach(async () => {
	await temp.cleanup();
});

const mine = async (who: Reviewer) =>
	editorView(await loadWorkspace(article, who.id, db), parseFilter(new URLSearchParams('assigned=me')), {
		me: who.username
	});

describe('assigning segments', () => {
	it('assigns a range to one account; its "assigned to me" lists exactly that range', async () => {
		const store = createReviewStore(db);
		const range = ids.slice(2, 6);
		expect(
			await store.assignSegments({ slug, segmentIds: range, assigneeId: tim.id, assignedBy: eve.id })
		).toEqual({
			added: 4
		});
		// Again: nothing new.
		expect(
			(await store.assignSegments({ slug, segmentIds: range, assigneeId: tim.id, assignedBy: eve.id })).added
		).toBe(0);
		const view = await mine(tim);
		expect(view.rows.map((r) => r.id)).toEqual(range);
		expect(view.shown).toBe(4);
		expect(view.rows.every((r) => r.assignees.join() === 'tim')).toBe(true);
		expect((await mine(rae)).rows).toEqual([]);
	});

	it('a segment can have a translator and a reviewer; taking a range back leaves the others', async () => {
		const store = createReviewStore(db);
		await store.assignSegments({ slug, segmentIds: ids.slice(0, 3), assigneeId: tim.id, assignedBy: eve.id });
		await store.assignSegments({ slug, segmentIds: ids.slice(0, 3), assigneeId: rae.id, assignedBy: eve.id });
		const segments = await loadWorkspace(article, null, db);
		expect(segments[0]!.assignees).toEqual(['rae', 'tim']);
		expect(segments[3]!.assignees).toEqual([]);
		expect(
			await store.unassignSegments({
				slug,
				segmentIds: ids.slice(1, 3),
				assigneeId: tim.id,
				assignedBy: eve.id
			})
		).toEqual({ removed: 2 });
		expect((await mine(tim)).rows.map((r) => r.id)).toEqual([ids[0]]);
		expect((await mine(rae)).rows.map((r) => r.id)).toEqual(ids.slice(0, 3));
	});

	it('refuses an empty range or an unknown account, and stores nothing', async () => {
		const store = createReviewStore(db);
		await expect(
			store.assignSegments({ slug, segmentIds: [], assigneeId: tim.id, assignedBy: eve.id })
		).rejects.toThrow(/no segments to assign/);
		await expect(
			store.assignSegments({ slug, segmentIds: ids.slice(0, 2), assigneeId: 999, assignedBy: eve.id })
		).rejects.toThrow(/foreign key/i);
		expect(await store.listAssignments(slug)).toEqual([]);
	});
});
