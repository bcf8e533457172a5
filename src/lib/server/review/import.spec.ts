import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toXliff } from '$lib/exports';
import { getArticle } from '$lib/server/content/store';
import { tempDataDir } from '../db/testing';
import type { Db } from '../db/index';
import { addReviewer, type Reviewer } from '../auth/index';
import { importXliff } from './import';
import { publishedArticle } from './published';
import { approvedEnglish, getSegmentState, saveSegment, segmentHistory } from './index';
import { loadWorkspace, reviewExport } from './load-workspace';
import { exportStates } from '$lib/review/workspace-model';

const slug = 'beilun-liucu-liuyou';
const article = (await getArticle(slug))!;

let temp: ReturnType<typeof tempDataDir>;
let db: Db;
let ann: Reviewer;
beforeEach(async () => {
	temp = tempDataDir('review-import-');
	db = await temp.open();
	ann = await addReviewer('ann', 'ann passphrase 1', db);
});
afterEach(async () => {
	await temp.cleanup();
});

const retarget = (xml: string, from: string, to: string) => {
	expect(xml).toContain(`<target>${from}</target>`);
	return xml.replace(`<target>${from}</target>`, `<target>${to}</target>`);
};

describe('XLIFF import into review', () => {
	it('applies the changed segments in one go, recorded as the importing reviewer', async () => {
		const p11 = article.blocks.flatMap((b) => (b.type === 'gap' ? [] : b.segments))[0]!;
		const xml = retarget(toXliff(article), p11.en, 'Imported English.');
		const result = await importXliff(article, xml, ann.id, db);
		expect(result).toMatchObject({ ok: true, applied: [p11.id] });
		expect((await getSegmentState({ slug, segmentId: p11.id }, db)).en).toBe('Imported English.');
		const [entry] = await segmentHistory({ slug, segmentId: p11.id }, db);
		expect(entry).toMatchObject({
			version: 1,
			by: { username: 'ann' },
			oldEn: null,
			newEn: 'Imported English.'
		});
	});

	it('a file with one bad unit applies nothing, and says which', async () => {
		const first = article.title;
		const xml = retarget(toXliff(article), first.en, 'Changed title.').replace(
			'<unit id="p3-1"',
			'<unit id="p99-9"'
		);
		const result = await importXliff(article, xml, ann.id, db);
		expect(result).toEqual({ ok: false, errors: ['unknown segment id p99-9'] });
		expect((await getSegmentState({ slug, segmentId: 'title' }, db)).version).toBe(0);
	});

	/** Someone saves the title after a file was exported (version 0 → 1). */
	const saveTitleMeanwhile = () =>
		saveSegment(
			{
				slug,
				segmentId: 'title',
				en: 'Saved meanwhile.',
				status: 'translated',
				baseVersion: 0,
				reviewerId: ann.id
			},
			db
		);

	it('a file exported before a later save is refused for that segment, with both versions named', async () => {
		const p11 = article.blocks.flatMap((b) => (b.type === 'gap' ? [] : b.segments))[0]!;
		// The review download: every unit carries the version it was exported at.
		const exported = await (await reviewExport(article, 'xlf', db)).text();
		expect(exported).toContain(`<unit id="title" review:version="0">`);
		let xml = retarget(exported, article.title.en, 'Imported title.');
		xml = retarget(xml, p11.en, 'Imported p1-1.');
		await saveTitleMeanwhile();
		expect(await importXliff(article, xml, ann.id, db)).toEqual({
			ok: false,
			errors: [
				'segment title was saved again (version 1, by ann) after this file was exported at version 0; importing it would overwrite that save. Nothing was applied: export a fresh file and carry your changes over.'
			]
		});
		expect((await getSegmentState({ slug, segmentId: p11.id }, db)).version).toBe(0);
		expect((await getSegmentState({ slug, segmentId: 'title' }, db)).en).toBe('Saved meanwhile.');

		// A fresh export imports over the new version.
		const fresh = retarget(
			await (await reviewExport(article, 'xlf', db)).text(),
			'Saved meanwhile.',
			'Imported title.'
		);
		expect(fresh).toContain(`<unit id="title" review:version="1">`);
		expect(await importXliff(article, fresh, ann.id, db)).toMatchObject({ ok: true, applied: ['title'] });
	});

	it('a file without versions (another tool’s) applies over the current version; history keeps the save it replaced', async () => {
		// No version in the file: a save made after the export is replaced by the file's text, never lost from history.
		const xml = retarget(toXliff(article), article.title.en, 'Imported title.');
		await saveTitleMeanwhile();
		const result = await importXliff(article, xml, ann.id, db);
		expect(result).toMatchObject({ ok: true, applied: ['title'] });
		const history = await segmentHistory({ slug, segmentId: 'title' }, db);
		expect(history.map((h) => [h.version, h.oldEn, h.newEn])).toEqual([
			[1, null, 'Saved meanwhile.'],
			[2, 'Saved meanwhile.', 'Imported title.']
		]);
	});
});

describe('XLIFF import edges', () => {
	it('an unmodified export imports as no change at all, whitespace and all', async () => {
		for (const [segmentId, en] of [
			['title', ' Title with spaces around '],
			['p1-1', 'Two lines\nand a trailing newline\n']
		] as const) {
			await saveSegment({ slug, segmentId, en, status: 'reviewed', baseVersion: 0, reviewerId: ann.id }, db);
		}
		const xml = toXliff(article, exportStates(await loadWorkspace(article, null, db)));
		const result = await importXliff(article, xml, ann.id, db);
		expect(result).toMatchObject({ ok: true, applied: [] });
		for (const segmentId of ['title', 'p1-1']) {
			expect((await getSegmentState({ slug, segmentId }, db)).version).toBe(1);
			expect(await segmentHistory({ slug, segmentId }, db)).toHaveLength(1);
		}
	});

	it('a target over 20,000 characters is refused with a message, not an error', async () => {
		const xml = toXliff(article).replace(
			/(<unit id="title">[\s\S]*?<target>)[^<]*(<\/target>)/,
			`$1${'a'.repeat(20_001)}$2`
		);
		expect(await importXliff(article, xml, ann.id, db)).toEqual({
			ok: false,
			errors: ['target of title is 20,001 characters long; at most 20,000 are accepted']
		});
	});
});

describe('what the public sees', () => {
	it('the reader shows approved English only, and review workspace shows the latest', async () => {
		await saveSegment(
			{
				slug,
				segmentId: 'title',
				en: 'Approved title.',
				status: 'approved',
				baseVersion: 0,
				reviewerId: ann.id
			},
			db
		);
		await saveSegment(
			{
				slug,
				segmentId: 'title',
				en: 'Later, unapproved.',
				status: 'reviewed',
				baseVersion: 1,
				reviewerId: ann.id
			},
			db
		);
		expect(await approvedEnglish(slug, db)).toEqual({ title: 'Approved title.' });
		const published = await publishedArticle(slug, db);
		expect(published?.title.en).toBe('Approved title.');
		expect(published?.title.enRuns.map((r) => r.text).join('')).toBe('Approved title.');
		const workspace = await loadWorkspace(article, ann.id, db);
		expect(workspace[0]).toMatchObject({
			id: 'title',
			en: 'Later, unapproved.',
			approvedEn: 'Approved title.',
			version: 2
		});
		expect(await publishedArticle('no-such-article', db)).toBeUndefined();
	});
});
