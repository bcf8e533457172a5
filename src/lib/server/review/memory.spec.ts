import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getArticle } from '$lib/server/content/store';
import { walkSegments } from '$lib/content/walk';
import { tempDataDir } from '../db/testing';
import type { Db } from '../db/index';
import { addReviewer, type Reviewer } from '../auth/index';
import { createReviewStore } from './store';
import { lookupSegment, memoryIndexes, searchMemory } from './memory';
import { loadWorkspace } from './load-workspace';
import { pretranslate, undoPretranslate } from './pretranslate';

const slug = 'beilun-liucu-liuyou';
const article = (await getArticle(slug))!;
const segments = walkSegments(article).map((p) => p.segment);
const [a, b, c] = segments.filter((s) => s.zh.length > 25);

let temp: ReturnType<typeof tempDataDir>;
let db: Db;
let ann: Reviewer;
beforeEach(async () => {
	temp = tempDataDir('review-memory-');
	db = await temp.open();
	ann = await addReviewer('ann', 'ann passphrase 1', db);
});
afterEach(async () => {
	await temp.cleanup();
});

const save = async (
	segmentId: string,
	en: string,
	status: 'approved' | 'translated' | 'reviewed',
	baseVersion = 0
) => createReviewStore(db).saveSegment({ slug, segmentId, en, status, baseVersion, reviewerId: ann.id });
const changed = (zh: string) => `${zh.slice(0, 3)}某${zh.slice(4)}`;

describe('the translation memory', () => {
	it('offers approved segments, never unapproved ones, never the segment itself', async () => {
		await save(a!.id, 'Approved English A.', 'approved');
		await save(b!.id, 'Translated English B.', 'translated');
		const indexes = await memoryIndexes(db);
		const near = (zh: string) => lookupSegment(indexes, { slug, id: 'elsewhere', zh });
		expect(near(changed(a!.zh))[0]?.entry).toMatchObject({
			en: 'Approved English A.',
			origin: { kind: 'segment', slug, segmentId: a!.id, title: article.title.en }
		});
		expect(near(changed(b!.zh))).toEqual([]);
		expect(lookupSegment(indexes, { slug, id: a!.id, zh: a!.zh })).toEqual([]);
	});

	it('a rejected segment leaves the memory although its approved English is still published', async () => {
		await save(a!.id, 'Approved English A.', 'approved');
		expect(lookupSegment(await memoryIndexes(db), { slug, id: 'x', zh: a!.zh })).toHaveLength(1);
		await save(a!.id, 'Approved English A.', 'reviewed', 1);
		expect(lookupSegment(await memoryIndexes(db), { slug, id: 'x', zh: a!.zh })).toEqual([]);
	});

	it('imports TMX units once per pair, and the workspace shows matches with a diff on open segments', async () => {
		const store = createReviewStore(db);
		const units = [{ zh: changed(b!.zh), en: 'From the TMX.' }];
		expect(await store.importMemoryUnits({ file: 'other.tmx', reviewerId: ann.id, units })).toEqual({
			added: 1,
			existing: 0
		});
		expect(await store.importMemoryUnits({ file: 'again.tmx', reviewerId: ann.id, units })).toEqual({
			added: 0,
			existing: 1
		});
		const workspace = await loadWorkspace(article, ann.id, db, { memory: true });
		const seg = workspace.find((s) => s.id === b!.id)!;
		expect(seg.matches).toHaveLength(1);
		expect(seg.matches[0]).toMatchObject({
			en: 'From the TMX.',
			percent: Math.floor((1 - 1 / b!.zh.length) * 100),
			origin: { kind: 'tmx', file: 'other.tmx' }
		});
		expect(seg.matches[0]!.diff.filter((p) => p.kind !== 'same')).toEqual([
			{ kind: 'del', text: '某' },
			{ kind: 'ins', text: b!.zh[3] }
		]);
		// Approved segments are not "open": no matches offered.
		await save(b!.id, 'Done.', 'approved');
		const after = await loadWorkspace(article, ann.id, db, { memory: true });
		expect(after.find((s) => s.id === b!.id)!.matches).toEqual([]);
	});

	it('refuses units it could not store (and stores none of the file)', async () => {
		const store = createReviewStore(db);
		await expect(
			store.importMemoryUnits({
				file: 'x.tmx',
				reviewerId: ann.id,
				units: [
					{ zh: '扩中', en: 'ok' },
					{ zh: '提低', en: ' ' }
				]
			})
		).rejects.toThrow(/en is empty/);
		expect(await store.listMemoryUnits()).toEqual([]);
	});
});

describe('the concordance over the memory', () => {
	it('finds approved segments (with their article) and imported units, never unapproved segments', async () => {
		await save(a!.id, 'Approved English about harbours.', 'approved');
		await save(b!.id, 'Translated English about harbours.', 'translated');
		await createReviewStore(db).importMemoryUnits({
			file: 'm.tmx',
			reviewerId: ann.id,
			units: [{ zh: '港口', en: 'Harbours' }]
		});
		const answer = await searchMemory('harbours', db);
		expect(answer.total).toBe(2);
		expect(answer.results).toEqual([
			{
				zh: a!.zh,
				en: 'Approved English about harbours.',
				origin: { kind: 'segment', slug, segmentId: a!.id, title: article.title.en }
			},
			{ zh: '港口', en: 'Harbours', origin: { kind: 'tmx', file: 'm.tmx' } }
		]);
		expect((await searchMemory(a!.zh.slice(2, 6), db)).results[0]?.en).toBe(
			'Approved English about harbours.'
		);
	});
});

describe('pre-translation', () => {
	it('fills exact matches as drafts (not reviewed or approved segments), and one undo restores them', async () => {
		const store = createReviewStore(db);
		await store.importMemoryUnits({
			file: 'm.tmx',
			reviewerId: ann.id,
			units: [
				{ zh: b!.zh, en: 'Memory B.' },
				{ zh: c!.zh, en: 'Memory C.' },
				{ zh: changed(a!.zh), en: 'Only fuzzy.' }
			]
		});
		await save(c!.id, 'Reviewed C.', 'reviewed');
		const result = await pretranslate(article, ann.id, db);
		expect(result).toEqual({ ok: true, filled: [{ segmentId: b!.id, version: 1 }] });
		expect(await store.getSegmentState({ slug, segmentId: b!.id })).toMatchObject({
			en: 'Memory B.',
			status: 'draft'
		});
		expect((await store.getSegmentState({ slug, segmentId: a!.id })).version).toBe(0);

		const undone = await undoPretranslate(article, [{ segmentId: b!.id, version: 1 }], ann.id, db);
		expect(undone.ok).toBe(true);
		expect(await store.getSegmentState({ slug, segmentId: b!.id })).toMatchObject({
			en: b!.en,
			status: 'translated',
			version: 2
		});
	});

	it('undo refuses, changing nothing, when a filled segment was saved again', async () => {
		await createReviewStore(db).importMemoryUnits({
			file: 'm.tmx',
			reviewerId: ann.id,
			units: [
				{ zh: a!.zh, en: 'Memory A.' },
				{ zh: b!.zh, en: 'Memory B.' }
			]
		});
		const result = await pretranslate(article, ann.id, db);
		if (!result.ok) throw new Error('pre-translation failed');
		await save(b!.id, 'Edited after.', 'translated', 1);
		expect(await undoPretranslate(article, result.filled, ann.id, db)).toEqual({
			ok: false,
			changed: [b!.id]
		});
		expect(await createReviewStore(db).getSegmentState({ slug, segmentId: a!.id })).toMatchObject({
			en: 'Memory A.',
			version: 1
		});
	});
});
