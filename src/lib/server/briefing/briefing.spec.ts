import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XMLValidator } from 'fast-xml-parser';
import { extractChineseNumbers } from '$lib/review/qa/numbers';
import { walkSegments } from '$lib/content/walk';
import { figuresCsv } from '$lib/briefing/export';
import { atomFeed } from '$lib/briefing/feed';
import { parseDelimited, restoreFormula } from '$lib/exports/delimited';
import { addReviewer, type Reviewer } from '$lib/server/auth';
import { getArticle } from '$lib/server/content/store';
import { tempDataDir } from '$lib/server/db/testing';
import type { Db } from '$lib/server/db';
import {
	articleBriefing,
	briefingContent,
	correctFigure,
	entitiesOf,
	figuresOf,
	reviewSummary
} from './index';
import { articleDocs, librarySearch } from './search';
import { saveSegment } from '$lib/server/review/store';
import { getGlossary, setGlossaryEdits } from '$lib/server/content/store';
import { createSearchIndex } from '$lib/search';
import { feedEntries } from './feed';

const SLUG = 'beilun-liucu-liuyou';
const article = (await getArticle(SLUG))!;

describe('the seed article’s briefing content', () => {
	it('curates every figure the numbers engine finds: a row with a measure, or a reason it is not one', () => {
		const table = figuresOf(article);
		expect(table.unmatched).toEqual([]);
		expect(table.rows.filter((r) => r.measureFrom !== 'curated').map((r) => r.key)).toEqual([]);
		expect(table.rows.filter((r) => r.kind === 'unnormalised').map((r) => r.key)).toEqual([]);
		const listed = new Set(
			[...table.rows, ...table.omitted].map((r) => r.key.split('/').slice(0, 2).join('/'))
		);
		for (const { segment } of walkSegments(article))
			for (const m of extractChineseNumbers(segment.zh)) {
				if (m.kind === 'month' || m.kind === 'year' || /季$/.test(m.text)) continue;
				if (m.kind === 'ordinal' && /[居列持]全市$|首位/.test(segment.zh.slice(0, m.start))) continue;
				// A percentage after 同比增长 is the change of the row before it.
				const asChange = table.rows.some((r) => r.segmentId === segment.id && r.change?.includes(m.text));
				expect.soft(listed.has(`${segment.id}/${m.text}`) || asChange, `${segment.id} ${m.text}`).toBe(true);
			}
	});

	it('has an editorial summary for the whole article and for every section', () => {
		const summaries = briefingContent()
			.briefings.get(SLUG)!
			.summaries.map((s) => s.section);
		const headings = article.blocks.filter((b) => b.type === 'heading').map((b) => b.id);
		expect(summaries).toEqual(['overview', ...headings]);
	});

	it('states the official 2022 rate with its source and date', () => {
		expect(briefingContent().rates.find((r) => r.year === 2022)).toMatchObject({
			rmbPerUsd: 6.7261,
			published: '2023-02-28',
			source: expect.stringContaining('National Bureau of Statistics')
		});
	});
});

describe('who and what', () => {
	const entities = entitiesOf(article);
	const texts = (id: string) => entities.find((e) => e.id === id)?.texts.map((t) => t.key);

	it('finds glossary entries that are named things, with their sentences', () => {
		expect(texts('glossary-mei-shan-bao-shui-gang-qu')).toEqual(['c4-1']);
		expect(entities.find((e) => e.id === 'glossary-ning-bo-zhou-shan-gang')?.type).toBe('port');
		expect(texts('glossary-ji-li')).toEqual(['c3-1']);
		// Policy terms are not named things.
		expect(entities.some((e) => e.id === 'glossary-gong-tong-fu-yu')).toBe(false);
	});

	it('finds curated names, longest first, not inside a longer glossary term, ordinary words only where listed', () => {
		expect(texts('zhoushan-port')).toEqual(['p11-2']);
		expect(texts('xiaogang-equipment-base')).toEqual(['c6-1']);
		expect(texts('yanhai-village')).toEqual(['p18-1']);
		expect(texts('hetou-village')).toEqual(['p21-3']);
		expect(texts('wang-mengxiong')).toEqual(['c1-credit']);
		expect(texts('zhou-songhua')).toEqual(['byline']);
	});
});

describe('search over the library', () => {
	const index = createSearchIndex(articleDocs(article));
	const sentences = (q: string) =>
		index
			.search(q)
			.hits.filter((h) => h.doc.kind === 'sentence')
			.map((h) => h.doc.href.split('#seg-')[1]);
	const naming = walkSegments(article)
		.filter(({ segment }) => segment.zh.includes('梅山'))
		.map(({ segment }) => segment.id);

	it('finds every sentence naming 梅山 by characters or pinyin, with or without tones', () => {
		expect(naming).toHaveLength(3);
		expect(sentences('梅山').sort()).toEqual([...naming].sort());
		expect(sentences('meishan').sort()).toEqual([...naming].sort());
		expect(sentences('Méishān').sort()).toEqual([...naming].sort());
		expect(sentences('mei2 shan1').sort()).toEqual([...naming].sort());
		expect(sentences('mèishàn')).toEqual([]);
	});

	it('finds English words and figures', () => {
		expect(sentences('GDP')).toContain('p3-2');
		const figures = index.search('unemployment').hits.filter((h) => h.doc.kind === 'figure');
		expect(figures.map((h) => h.doc.en)).toEqual([expect.stringContaining('1.71%')]);
	});

	it('answers an empty or odd query with nothing, not an error', () => {
		expect(index.search('   ').hits).toEqual([]);
		expect(index.search('<script>').hits).toEqual([]);
		expect(index.search('“”').hits).toEqual([]);
	});
});

describe('briefing files', () => {
	it('writes formula-like cells of the CSV as text, and the Atom feed stays well-formed with hostile text', () => {
		const rows = figuresOf(article)
			.rows.slice(0, 2)
			.map((r, i) => (i ? r : { ...r, measure: '=HYPERLINK("x")' }));
		const csv = figuresCsv(rows, null, () => 'http://x/');
		const parsed = parseDelimited(csv, ',');
		expect(parsed.ok && parsed.records[1]!.fields[2]).toBe(`'=HYPERLINK("x")`);
		expect(parsed.ok && restoreFormula(parsed.records[1]!.fields[2]!)).toBe('=HYPERLINK("x")');

		const xml = atomFeed({ origin: 'https://r.example', title: 'R', updated: '2026-01-01T00:00:00Z' }, [
			{ slug: 'a', title: 'A <b>&</b> \u0001 title', summary: ']]> & <x/>', updated: '2026-01-01T00:00:00Z' }
		]);
		expect(XMLValidator.validate(xml)).toBe(true);
		expect(xml).toContain('A &lt;b&gt;&amp;&lt;/b&gt;');
	});
});

describe('editors’ corrections and summary reviews (a real database)', () => {
	const dir = tempDataDir('briefing-');
	let db: Db;
	let ann: Reviewer;
	beforeAll(async () => {
		db = await dir.open();
		ann = await addReviewer('ann', 'ann passphrase 1', db);
	});
	afterAll(() => dir.cleanup());

	it('keeps each correction with its author; the briefing shows the latest', async () => {
		const before = (await articleBriefing(SLUG, db))!;
		const gdp = before.figures.find((f) => f.zh === '1856.6亿元')!;
		await correctFigure(
			{ slug: SLUG, key: gdp.key, reviewerId: ann.id, fields: { measure: 'Gross domestic product' } },
			db
		);
		const after = (await articleBriefing(SLUG, db))!;
		expect(after.figures.find((f) => f.key === gdp.key)).toMatchObject({
			measure: 'Gross domestic product',
			measureFrom: 'correction',
			corrections: [{ field: 'measure', author: 'ann', value: 'Gross domestic product' }]
		});
		await expect(
			correctFigure({ slug: SLUG, key: gdp.key, reviewerId: ann.id, fields: { rank: 'x\u0001' } }, db)
		).rejects.toThrow(/cannot be saved/);
	});

	it('rebuilds the library index when an approval or the glossary changes it, and only then', async () => {
		const index = await librarySearch(db);
		expect(await librarySearch(db)).toBe(index);
		const english = 'The tide rises over the East China Sea, and the quayside race runs on.';
		const saved = await saveSegment(
			{ slug: SLUG, segmentId: 'p1-1', en: english, status: 'approved', baseVersion: 0, reviewerId: ann.id },
			db
		);
		expect(saved.ok).toBe(true);
		const approved = await librarySearch(db);
		expect(approved).not.toBe(index);
		expect(approved.search('quayside').hits.map((h) => h.doc.id)).toEqual([`s:${SLUG}:p1-1`]);
		// A glossary entry made in the app is a term document of the next search.
		const entry = { ...getGlossary()[0]!, id: 'test-only-term', term: '试验术语', aliases: [], related: [] };
		setGlossaryEdits([entry]);
		try {
			const withTerm = await librarySearch(db);
			expect(withTerm).not.toBe(approved);
			expect(withTerm.search('试验术语').hits.map((h) => h.doc.id)).toContain('t:test-only-term');
		} finally {
			setGlossaryEdits([]);
		}
	});

	it('shows a summary edit once approved, with its reviewer; a draft leaves the public text as it was', async () => {
		const original = (await articleBriefing(SLUG, db))!.sections[0]!.summary!;
		expect(original.status).toBeNull();
		await reviewSummary(
			{ slug: SLUG, section: 'h1', en: 'A draft.', status: 'draft', reviewerId: ann.id },
			db
		);
		const drafted = (await articleBriefing(SLUG, db))!.sections[0]!.summary!;
		expect(drafted).toMatchObject({ en: original.en, status: 'draft', reviewer: 'ann' });
		await reviewSummary(
			{ slug: SLUG, section: 'h1', en: 'Approved text.', status: 'approved', reviewerId: ann.id },
			db
		);
		expect((await articleBriefing(SLUG, db))!.sections[0]!.summary).toMatchObject({
			en: 'Approved text.',
			status: 'approved',
			reviewer: 'ann'
		});
		await expect(
			reviewSummary({ slug: SLUG, section: 'h1', en: '  ', status: 'approved', reviewerId: ann.id }, db)
		).rejects.toThrow(/empty/);
	});

	it('puts the published articles in the feed with their English title and summary', async () => {
		const { entries } = await feedEntries(db);
		expect(entries.find((e) => e.slug === SLUG)).toMatchObject({
			title: expect.stringContaining(article.title.en),
			summary: expect.stringContaining('RMB 185.66 billion')
		});
	});
});
