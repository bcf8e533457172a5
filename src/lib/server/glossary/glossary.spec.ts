import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { buildArticle, detectBlocks } from '$lib/import';
import { hasWord } from '$lib/dictionary';
import { entryToForm, type EntryFormValues } from '$lib/glossary/edit';
import { toTbx } from '$lib/exports';
import { readTbx } from '$lib/exports/test-readers';
import { articleSegments } from '$lib/content/walk';
import { curatedArticles } from '$lib/server/content/files';
import { getArticle, getGlossary, getGlossaryEntry, setGlossaryEdits } from '$lib/server/content/store';
import { getDictionary } from '$lib/server/dictionary';
import { addReviewer, type Reviewer } from '$lib/server/auth';
import { tempDataDir } from '$lib/server/db/testing';
import type { Db } from '$lib/server/db';
import {
	addEntry,
	editEntry,
	entryHistory,
	proposedTerms,
	removeEntry,
	suggestForTerm,
	syncGlossary
} from './index';

const SEED = 'beilun-liucu-liuyou';

describe('proposed terms on real text', () => {
	it('the seed article: what the curated glossary still lacks, without the running text', async () => {
		const seed = curatedArticles().find((a) => a.slug === SEED)!;
		const list = await proposedTerms(seed);
		expect(list.map((p) => [p.term, p.kinds.join(','), p.count])).toEqual([
			['风环巢', 'quoted', 1],
			['共富先行', 'listed', 1],
			['治理破难', 'listed', 1],
			['新碶横浦', 'listed', 1],
			['梅山北坝', 'listed', 1],
			['郭巨峙南', 'listed', 1]
		]);
		expect(list[0]!.sentences).toEqual([{ segmentId: 'c2-1', anchor: 'c2', zh: '“风环巢”夜景' }]);
	}, 60_000);

	it('an unseen work report: its slogans, number abbreviations and coinages, and nothing else', async () => {
		const dictionary = await getDictionary();
		const text = readFileSync(new URL('../../glossary/testdata/work-report.txt', import.meta.url), 'utf8');
		const blocks = detectBlocks(text, { isWord: (w) => hasWord(dictionary, w) });
		const { article } = buildArticle(blocks, { slug: 'work-report' });
		const list = await proposedTerms(article);
		expect(list.map((p) => p.term)).toEqual([
			'稳进提质、除险保安',
			'千万工程',
			'一老一小',
			'八八战略',
			'两个确立',
			'两个维护',
			'三服务',
			'315',
			'415X',
			'亩均论英雄',
			'腾笼换鸟',
			'放管服',
			'最多跑一次',
			'一件事',
			'一网通办',
			'12345',
			'三改一拆',
			'四换三名',
			'十四五',
			'招大引强',
			'共富先行'
		]);
		const find = (term: string) => list.find((p) => p.term === term)!;
		expect(find('千万工程')).toMatchObject({ kinds: ['number', 'quoted'], count: 2 });
		expect(find('招大引强').sentences.map((s) => s.zh)).toEqual([
			'坚持招大引强，全年引进超亿元产业项目56个，其中超十亿元项目9个。',
			'聚力招大引强，扩大有效投资。'
		]);
		// Known to the glossary, quoted or not: 扩中提低 (“扩中”“提低”), 专精特新“小巨人”, 规上工业.
		for (const known of ['扩中提低', '扩中', '提低', '小巨人', '规上工业'])
			expect(list.map((p) => p.term)).not.toContain(known);
	});
});

describe('the editable glossary', () => {
	const data = tempDataDir('glossary-');
	let db: Db;
	let ann: Reviewer;
	const curatedCount = getGlossary().length;

	beforeAll(async () => {
		db = await data.open();
		ann = await addReviewer('ann', 'ann passphrase 1', db);
		await syncGlossary(db);
	});
	afterAll(async () => {
		// The content store is the process's: leave it with the curated glossary only.
		setGlossaryEdits([]);
		await data.cleanup();
	});

	const values = (over: Partial<EntryFormValues> = {}): EntryFormValues => ({
		id: 'feng-huan-chao',
		term: '风环巢',
		aliases: '',
		pinyin: 'Fēnghuáncháo',
		literal: 'wind ring nest',
		renderingEn: 'Wind Ring Nest',
		renderingSource: 'Working translation (no official rendering found)',
		alsoRendered: '',
		avoid: '',
		expansionZh: '',
		expansionEn: '',
		explanation:
			'A landmark in Beilun District, Ningbo, shown lit at night in a photograph of the article. The article names it only in the caption.',
		category: 'project',
		related: 'bei-lun',
		confidenceLevel: 'uncertain',
		confidenceNote: 'What the building is could not be confirmed from the article.',
		...over
	});

	it('adds an entry: the server marks it in the seed article at once, and exports it in the TBX', async () => {
		const result = await addEntry(values(), ann.id, db);
		expect(result.ok).toBe(true);
		expect(getGlossary()).toHaveLength(curatedCount + 1);
		expect(getGlossaryEntry('feng-huan-chao')?.rendering.en).toBe('Wind Ring Nest');
		const article = (await getArticle(SEED))!;
		const caption = articleSegments(article).find((s) => s.id === 'c2-1')!;
		expect(caption.terms).toEqual(['feng-huan-chao']);
		expect(
			caption.zhRuns
				.find((r) => r.term === 'feng-huan-chao')
				?.chars.map((c) => c.c)
				.join('')
		).toBe('风环巢');
		const tbx = readTbx(toTbx(getGlossary()));
		expect(tbx.entries).toHaveLength(curatedCount + 1);
		const { conceptId: _, ...exported } = tbx.entries.at(-1)!;
		expect(exported).toEqual(getGlossaryEntry('feng-huan-chao'));
		// No longer proposed.
		expect((await proposedTerms((await getArticle(SEED))!)).map((p) => p.term)).not.toContain('风环巢');
	}, 60_000);

	it('a restarted server (a fresh store) reads the entries from the database', async () => {
		setGlossaryEdits([]);
		expect(getGlossaryEntry('feng-huan-chao')).toBeUndefined();
		const again = await data.open();
		await syncGlossary(again);
		expect(getGlossaryEntry('feng-huan-chao')?.term).toBe('风环巢');
		db = again;
	});

	it('edits keep a history: who, when, before and after; a stale version is refused', async () => {
		await syncGlossary(db);
		const edited = await editEntry(
			'feng-huan-chao',
			values({ confidenceNote: 'Not confirmed.' }),
			1,
			ann.id,
			db
		);
		expect(edited.ok).toBe(true);
		const stale = await editEntry('feng-huan-chao', values({ literal: 'wind-ring nest' }), 1, ann.id, db);
		expect(stale).toMatchObject({ ok: false, problems: [{ field: 'form', key: 'conflict' }] });
		expect(getGlossaryEntry('feng-huan-chao')?.confidence.note).toBe('Not confirmed.');
		const history = await entryHistory('feng-huan-chao', db);
		expect(history.map((h) => [h.action, h.version, h.by])).toEqual([
			['update', 2, 'ann'],
			['create', 1, 'ann']
		]);
		expect(history[0]!.before?.confidence.note).toBe(
			'What the building is could not be confirmed from the article.'
		);
		expect(history[0]!.after?.confidence.note).toBe('Not confirmed.');
	});

	it('refuses what would break the glossary: a taken id or form, an unknown related entry, curated entries', async () => {
		await syncGlossary(db);
		const clash = await addEntry(values({ id: 'liu-cu-liu-you', term: '六促六优' }), ann.id, db);
		expect(clash).toMatchObject({
			ok: false,
			problems: [
				{ field: 'id', key: 'idTaken' },
				{ field: 'term', key: 'formTaken', params: { form: '六促六优', id: 'liu-cu-liu-you' } }
			]
		});
		const related = await addEntry(values({ id: 'x-y', term: '某某', related: 'no-such-entry' }), ann.id, db);
		expect(related).toMatchObject({ ok: false, problems: [{ field: 'related', key: 'unknownRelated' }] });
		const curated = getGlossaryEntry('liu-cu-liu-you')!;
		expect(await editEntry('liu-cu-liu-you', entryToForm(curated), 1, ann.id, db)).toMatchObject({
			ok: false,
			problems: [{ key: 'curated' }]
		});
		expect(await removeEntry('liu-cu-liu-you', 1, ann.id, db)).toMatchObject({
			ok: false,
			problem: { key: 'curated' }
		});
	});

	it('every field is checked, with a message per field; hostile text is stored as text and exported escaped', async () => {
		const bad = await addEntry(
			values({ id: 'Bad Id', term: 'wind', literal: '风', confidenceNote: '', explanation: 'x\u0001y' }),
			ann.id,
			db
		);
		expect(bad).toMatchObject({
			ok: false,
			problems: [
				{ field: 'id', key: 'badId' },
				{ field: 'term', key: 'termNeedsChinese' },
				{ field: 'literal', key: 'englishOnly' },
				{ field: 'explanation', key: 'badCharacter', params: { character: 'U+0001' } }
			]
		});
		const hostile = values({
			id: 'ba-ba-zhan-lue',
			term: '八八战略',
			related: '',
			explanation: '<script>alert(1)</script> & "quotes" — =cmd|calc in a cell.'
		});
		expect((await addEntry(hostile, ann.id, db)).ok).toBe(true);
		const xml = toTbx(getGlossary());
		expect(xml).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;');
		expect(xml).not.toContain('<script>');
	});

	it('deletes an entry (its history stays), refused while another entry names it', async () => {
		await syncGlossary(db);
		expect(
			(await addEntry(values({ id: 'feng-chao', term: '风巢', related: 'feng-huan-chao' }), ann.id, db)).ok
		).toBe(true);
		expect(await removeEntry('feng-huan-chao', 2, ann.id, db)).toMatchObject({
			ok: false,
			problem: { key: 'stillRelated', params: { id: 'feng-chao' } }
		});
		expect(await removeEntry('feng-chao', 1, ann.id, db)).toEqual({ ok: true });
		expect(await removeEntry('feng-huan-chao', 2, ann.id, db)).toEqual({ ok: true });
		expect(getGlossaryEntry('feng-huan-chao')).toBeUndefined();
		expect((await entryHistory('feng-huan-chao', db)).map((h) => h.action)).toEqual([
			'delete',
			'update',
			'create'
		]);
		const caption = articleSegments((await getArticle(SEED))!).find((s) => s.id === 'c2-1')!;
		expect(caption.terms).toEqual([]);
	});

	it('suggests an identifier and word-joined pinyin for a proposed term', () => {
		expect(suggestForTerm('招大引强')).toEqual({ id: 'zhao-da-yin-qiang', pinyin: 'zhāodà yǐnqiáng' });
		expect(suggestForTerm('风环巢')).toEqual({ id: 'feng-huan-chao', pinyin: 'fēnghuáncháo' });
		expect(suggestForTerm('谋划战略')).toEqual({ id: 'mou-hua-zhan-lue', pinyin: 'móuhuà zhànlüè' });
		expect(suggestForTerm('415X')).toEqual({ id: '415x', pinyin: '415X' });
	});
});
