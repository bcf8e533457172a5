import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeClock, tempDataDir } from '../db/testing';
import { InputError, type Db } from '../db/index';
import { addReviewer, type Reviewer } from '../auth/index';
import {
	acceptQaWarning,
	addComment,
	approvedEnglish,
	discardDraft,
	getSegmentState,
	listComments,
	listDrafts,
	listQaAcceptances,
	listSegmentStates,
	revokeQaWarning,
	saveDraft,
	saveSegment,
	segmentHistory
} from './index';
import { createReviewStore } from './store';

const slug = 'beilun-liucu-liuyou';
const segmentId = 'p3-s1';
const key = { slug, segmentId };

let temp: ReturnType<typeof tempDataDir>;
let clock: FakeClock;
let db: Db;
let ann: Reviewer;
let bo: Reviewer;
beforeEach(async () => {
	temp = tempDataDir('review-store-');
	clock = new FakeClock();
	db = await temp.open({ now: clock.now });
	ann = await addReviewer('ann', 'ann passphrase 1', db);
	bo = await addReviewer('bo', 'bo passphrase 22', db);
});
afterEach(async () => {
	await temp.cleanup();
});

const count = async (table: 'segment_history' | 'segment_states' | 'segment_comments' | 'segment_drafts') =>
	(await db.all(db.kysely.selectFrom(table).select(({ fn }) => fn.countAll<number>().as('n'))))[0]?.n;

describe('segment state and saving', () => {
	it('starts at version 0 with the content-file text (en null) and no row', async () => {
		const state = await getSegmentState(key, db);
		expect(state).toMatchObject({ ...key, version: 0, en: null, status: 'translated' });
		// Nobody has approved or saved it.
		const { approvedEn, approvedBy, approvedAt, approvedVersion, updatedBy, updatedAt } = state;
		expect([approvedEn, approvedBy, approvedAt, approvedVersion, updatedBy, updatedAt]).toEqual(
			Array(6).fill(null)
		);
		expect(await listSegmentStates(slug, db)).toEqual([]);
	});

	it('createReviewStore gives the same operations on one database, without passing it each time', async () => {
		const store = createReviewStore(db);
		const saved = await store.saveSegment({
			...key,
			en: 'Beilun',
			status: 'reviewed',
			baseVersion: 0,
			reviewerId: ann.id
		});
		expect(saved).toMatchObject({ ok: true, state: { version: 1, en: 'Beilun' } });
		expect(await store.getSegmentState(key)).toEqual(await getSegmentState(key, db));
		expect((await store.segmentHistory(key)).map((h) => h.by.username)).toEqual(['ann']);
	});

	it('a save bumps the version, records who and when, and writes history', async () => {
		const first = await saveSegment(
			{ ...key, en: 'Beilun District, Ningbo', status: 'translated', baseVersion: 0, reviewerId: ann.id },
			db
		);
		expect(first).toMatchObject({
			ok: true,
			state: {
				version: 1,
				en: 'Beilun District, Ningbo',
				status: 'translated',
				updatedBy: { id: ann.id, username: 'ann' },
				updatedAt: '2024-03-01T09:00:00.000Z'
			}
		});
		clock.advance(60_000);
		const second = await saveSegment(
			{ ...key, en: 'Beilun District in Ningbo', status: 'reviewed', baseVersion: 1, reviewerId: bo.id },
			db
		);
		expect(second.ok && second.state.version).toBe(2);
		expect(await getSegmentState(key, db)).toMatchObject({
			version: 2,
			en: 'Beilun District in Ningbo',
			status: 'reviewed',
			updatedBy: { username: 'bo' }
		});

		expect(await segmentHistory(key, db)).toEqual([
			{
				...key,
				version: 1,
				by: { id: ann.id, username: 'ann' },
				at: '2024-03-01T09:00:00.000Z',
				oldEn: null,
				newEn: 'Beilun District, Ningbo',
				oldStatus: 'translated',
				newStatus: 'translated'
			},
			{
				...key,
				version: 2,
				by: { id: bo.id, username: 'bo' },
				at: '2024-03-01T09:01:00.000Z',
				oldEn: 'Beilun District, Ningbo',
				newEn: 'Beilun District in Ningbo',
				oldStatus: 'translated',
				newStatus: 'reviewed'
			}
		]);
	});

	it('refuses the second of two saves from the same base, returning both versions and changing nothing', async () => {
		const base = (await getSegmentState(key, db)).version;
		const annSave = {
			...key,
			en: "Ann's English",
			status: 'reviewed' as const,
			baseVersion: base,
			reviewerId: ann.id
		};
		const boSave = {
			...key,
			en: "Bo's English",
			status: 'approved' as const,
			baseVersion: base,
			reviewerId: bo.id
		};
		expect((await saveSegment(annSave, db)).ok).toBe(true);
		clock.advance(5_000);
		const refused = await saveSegment(boSave, db);
		expect(refused).toEqual({
			ok: false,
			conflict: {
				theirs: expect.objectContaining({
					version: 1,
					en: "Ann's English",
					status: 'reviewed',
					updatedBy: { id: ann.id, username: 'ann' },
					updatedAt: '2024-03-01T09:00:00.000Z'
				}),
				yours: boSave
			}
		});
		expect(await getSegmentState(key, db)).toMatchObject({
			version: 1,
			en: "Ann's English",
			approvedEn: null
		});
		expect(await count('segment_history')).toBe(1);

		// Bo merges and saves on top of Ann's version: accepted.
		const merged = await saveSegment({ ...boSave, baseVersion: 1 }, db);
		expect(merged.ok && merged.state.version).toBe(2);
	});

	it('refuses a base version from the future as a conflict too', async () => {
		const result = await saveSegment(
			{ ...key, en: 'x', status: 'draft', baseVersion: 3, reviewerId: ann.id },
			db
		);
		expect(result).toMatchObject({ ok: false, conflict: { theirs: { version: 0, en: null } } });
		expect(await count('segment_states')).toBe(0);
	});

	it('approving sets the approved English, which stays until the next approval', async () => {
		await saveSegment(
			{ ...key, en: 'Approved text', status: 'approved', baseVersion: 0, reviewerId: ann.id },
			db
		);
		expect(await getSegmentState(key, db)).toMatchObject({
			approvedEn: 'Approved text',
			approvedBy: { username: 'ann' },
			approvedVersion: 1
		});
		await saveSegment(
			{ ...key, en: 'Work in progress', status: 'draft', baseVersion: 1, reviewerId: bo.id },
			db
		);
		expect(await getSegmentState(key, db)).toMatchObject({
			en: 'Work in progress',
			status: 'draft',
			approvedEn: 'Approved text',
			approvedVersion: 1
		});
		await saveSegment(
			{ slug, segmentId: 'p3-s2', en: 'Other', status: 'reviewed', baseVersion: 0, reviewerId: bo.id },
			db
		);
		expect(await approvedEnglish(slug, db)).toEqual({ 'p3-s1': 'Approved text' });
		await saveSegment(
			{ ...key, en: 'Final text', status: 'approved', baseVersion: 2, reviewerId: bo.id },
			db
		);
		expect(await approvedEnglish(slug, db)).toEqual({ 'p3-s1': 'Final text' });
	});

	it('validates input and rolls back a save by an unknown reviewer', async () => {
		await expect(
			saveSegment(
				{ ...key, slug: 'Bad Slug', en: 'x', status: 'draft', baseVersion: 0, reviewerId: ann.id },
				db
			)
		).rejects.toThrow(InputError);
		await expect(
			saveSegment({ ...key, en: '   ', status: 'draft', baseVersion: 0, reviewerId: ann.id }, db)
		).rejects.toThrow(/en is empty/);
		await expect(
			saveSegment(
				{ ...key, en: 'x', status: 'published' as 'approved', baseVersion: 0, reviewerId: ann.id },
				db
			)
		).rejects.toThrow(/status must be one of/);
		await expect(
			saveSegment({ ...key, en: 'x', status: 'draft', baseVersion: 0.5, reviewerId: ann.id }, db)
		).rejects.toThrow(/integer/);
		await expect(
			saveSegment({ ...key, en: 'x', status: 'draft', baseVersion: 0, reviewerId: 999 }, db)
		).rejects.toThrow(/foreign key/i);
		// Characters no export can carry are refused by name (the form says so first).
		await expect(
			saveSegment({ ...key, en: 'a\u000Bb', status: 'draft', baseVersion: 0, reviewerId: ann.id }, db)
		).rejects.toThrow('en contains the character U+000B, which cannot be saved');
		await expect(addComment({ ...key, body: 'x\uFFFE', reviewerId: ann.id }, db)).rejects.toThrow(/U\+FFFE/);
		expect([await count('segment_states'), await count('segment_history')]).toEqual([0, 0]);
	});
});

describe('drafts', () => {
	it('keeps one autosaved draft per reviewer, separate from the saved target, cleared by that reviewer’s save', async () => {
		await saveDraft({ ...key, reviewerId: ann.id, en: 'Ann typing…', baseVersion: 0 }, db);
		clock.advance(1_000);
		await saveDraft({ ...key, reviewerId: ann.id, en: 'Ann typing more', baseVersion: 0 }, db);
		await saveDraft({ ...key, reviewerId: bo.id, en: 'Bo typing', baseVersion: 0 }, db);
		expect(await listDrafts(slug, ann.id, db)).toEqual([
			{
				...key,
				reviewerId: ann.id,
				en: 'Ann typing more',
				baseVersion: 0,
				updatedAt: '2024-03-01T09:00:01.000Z'
			}
		]);
		expect((await getSegmentState(key, db)).version).toBe(0);

		await saveSegment(
			{ ...key, en: 'Ann saved', status: 'translated', baseVersion: 0, reviewerId: ann.id },
			db
		);
		expect(await listDrafts(slug, ann.id, db)).toEqual([]);
		// Bo's save conflicts; his draft survives so nothing he typed is lost.
		const refused = await saveSegment(
			{ ...key, en: 'Bo typing', status: 'translated', baseVersion: 0, reviewerId: bo.id },
			db
		);
		expect(refused.ok).toBe(false);
		expect(await listDrafts(slug, bo.id, db)).toMatchObject([{ en: 'Bo typing', baseVersion: 0 }]);
		expect(await discardDraft({ ...key, reviewerId: bo.id }, db)).toBe(true);
		expect(await discardDraft({ ...key, reviewerId: bo.id }, db)).toBe(false);
	});
});

describe('comments', () => {
	it('stores the body as plain text, verbatim: HTML and script are not escaped or stripped', async () => {
		const body = `<script>alert("x")</script> & <b>bold</b> 'quotes' \n  second line  `;
		const comment = await addComment({ ...key, reviewerId: ann.id, body }, db);
		expect(comment).toEqual({
			id: 1,
			...key,
			author: { id: ann.id, username: 'ann' },
			body,
			createdAt: '2024-03-01T09:00:00.000Z'
		});
		const raw = await db.first(
			db.kysely.selectFrom('segment_comments').select('body').where('id', '=', comment.id)
		);
		expect(raw?.body).toBe(body);
		clock.advance(1_000);
		await addComment({ ...key, reviewerId: bo.id, body: 'Agreed.' }, db);
		await addComment({ slug, segmentId: 'p9-s9', reviewerId: bo.id, body: 'Elsewhere' }, db);
		expect((await listComments(key, db)).map((c) => [c.author.username, c.body])).toEqual([
			['ann', body],
			['bo', 'Agreed.']
		]);
		expect(await listComments({ slug }, db)).toHaveLength(3);
		await expect(addComment({ ...key, reviewerId: ann.id, body: ' \n ' }, db)).rejects.toThrow(
			/body is empty/
		);
	});
});

describe('accepted QA warnings', () => {
	it('records slug, segment, warning key, reason, reviewer and time; re-accepting replaces; revoking is recorded', async () => {
		const warning = { ...key, warningKey: 'number-mismatch:1856.6' };
		const first = await acceptQaWarning(
			{ ...warning, reason: 'RMB 185.66 billion is the same figure', reviewerId: ann.id },
			db
		);
		expect(first).toEqual({
			id: 1,
			...warning,
			reason: 'RMB 185.66 billion is the same figure',
			acceptedBy: { id: ann.id, username: 'ann' },
			acceptedAt: '2024-03-01T09:00:00.000Z'
		});
		clock.advance(1_000);
		await acceptQaWarning({ ...warning, reason: 'Checked against the source', reviewerId: bo.id }, db);
		expect((await listQaAcceptances(slug, db)).map((a) => [a.reason, a.acceptedBy.username])).toEqual([
			['Checked against the source', 'bo']
		]);
		expect(await revokeQaWarning({ ...warning, reviewerId: ann.id }, db)).toBe(true);
		expect(await revokeQaWarning({ ...warning, reviewerId: ann.id }, db)).toBe(false);
		expect(await listQaAcceptances(slug, db)).toEqual([]);
		const all = await db.all(
			db.kysely.selectFrom('qa_acceptances').select(['accepted_by', 'revoked_by', 'revoked_at']).orderBy('id')
		);
		expect(all).toEqual([
			{ accepted_by: ann.id, revoked_by: bo.id, revoked_at: '2024-03-01T09:00:01.000Z' },
			{ accepted_by: bo.id, revoked_by: ann.id, revoked_at: '2024-03-01T09:00:01.000Z' }
		]);
	});
});
