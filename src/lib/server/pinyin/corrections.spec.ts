/**
 * Editors' pinyin corrections on a real SQLite file: stored, listed, replaced, refused when malformed, and applied
 * by the engine to imported text (not to the curated articles' engine).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError, type Db } from '$lib/server/db';
import { tempDataDir } from '$lib/server/db/testing';
import { addPinyinCorrection, listPinyinCorrections, readWithCorrections } from './corrections';
import { loadPinyinEngine } from './index';

let temp: ReturnType<typeof tempDataDir>;
let db: Db;
let editor: number;

beforeEach(async () => {
	temp = tempDataDir('pinyin-corrections-');
	db = await temp.open();
	await db.run(
		db.kysely.insertInto('reviewers').values({
			username: 'ann',
			password_hash: '-',
			created_at: db.nowIso(),
			password_updated_at: db.nowIso()
		})
	);
	editor = (await db.first(db.kysely.selectFrom('reviewers').select('id')))!.id;
});
afterEach(async () => {
	await temp.cleanup();
});

const readingsOf = async (text: string) =>
	(await readWithCorrections(db, text)).map((r) => r.p ?? r.c).join(' ');

describe('pinyin corrections', () => {
	it('is a migration of the database', async () => {
		expect(await db.appliedMigrations()).toContain('0006_pinyin_corrections');
	});

	it('stores a correction with its example and lists it', async () => {
		const stored = await addPinyinCorrection(
			db,
			{ word: '基调', pinyin: 'jī diào', example: '会议定下了工作基调。', reason: 'keynote' },
			editor
		);
		expect(stored).toMatchObject({
			word: '基调',
			syllables: ['ji1', 'diao4'],
			example: '会议定下了工作基调。',
			reason: 'keynote',
			correctedBy: editor
		});
		expect(await listPinyinCorrections(db)).toEqual([stored]);
	});

	it('takes numbered pinyin too, and a second correction of a word replaces the first', async () => {
		await addPinyinCorrection(db, { word: '行长', pinyin: 'xíng cháng', example: '他是行长。' }, editor);
		await addPinyinCorrection(db, { word: '行长', pinyin: 'hang2 zhang3', example: '银行行长说。' }, editor);
		const list = await listPinyinCorrections(db);
		expect(list).toHaveLength(1);
		expect(list[0]).toMatchObject({ syllables: ['hang2', 'zhang3'], example: '银行行长说。' });
	});

	it('applies corrections to imported text, longest word first, and leaves the curated engine alone', async () => {
		const text = '他在单县工作';
		const before = loadPinyinEngine().read(text)[2]!.p;
		await addPinyinCorrection(db, { word: '单县', pinyin: 'shàn xiàn', example: text }, editor);
		expect(await readingsOf(text)).toBe('ta1 zai4 shan4 xian4 gong1 zuo4');
		expect((await readWithCorrections(db, text))[2]).toMatchObject({ sure: true, source: 'override' });
		// Elsewhere too, and only where the whole word occurs.
		expect(await readingsOf('单县，单位')).toMatch(/^shan4 xian4 ， dan1 wei4$/);
		expect(loadPinyinEngine().read(text)[2]!.p).toBe(before);
	});

	it('refuses malformed corrections with a message, storing nothing', async () => {
		const bad = async (input: unknown) => {
			try {
				await addPinyinCorrection(db, input, editor);
			} catch (e) {
				expect(e).toBeInstanceOf(InputError);
				return (e as InputError).problems.join('; ');
			}
			return 'accepted';
		};
		expect(await bad({ word: '重庆', pinyin: 'chóng', example: '重庆' })).toBe(
			'pinyin: 1 syllables for the 2 characters of “重庆”'
		);
		expect(await bad({ word: '重庆', pinyin: 'chóng qìng', example: '成都' })).toBe(
			'example must contain the word'
		);
		expect(await bad({ word: 'ab', pinyin: 'a b', example: 'ab' })).toBe(
			'word: word must be Chinese characters only'
		);
		expect(await bad({ word: '重庆', pinyin: '重 庆', example: '重庆' })).toMatch(/^pinyin: “重 庆” is not/);
		expect(await bad({ word: '', pinyin: '', example: '' })).toMatch(/word is empty/);
		expect(await listPinyinCorrections(db)).toEqual([]);
	});
});
