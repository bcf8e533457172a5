import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArticle, parseGlossary } from './validate';
import { createAnnotator } from './annotate';
import { withEnglish } from './overlay';
import { articleSegments } from './walk';

const read = (path: string) => readFileSync(fileURLToPath(new URL(`../../../${path}`, import.meta.url)), 'utf8');
const annotate = createAnnotator(parseGlossary('glossary', read('content/glossary.yaml')));
const article = annotate(parseArticle('article', read('content/articles/beilun-liucu-liuyou.yaml')));

describe('approved English over the curated article', () => {
	it('replaces only the listed segments, re-annotated; the rest are untouched objects', () => {
		const title = article.title;
		const en = 'Beilun and the “Six Promotions and Six Optimisations”: a reviewed title';
		const out = withEnglish(article, { title: en, 'no-such-id': 'ignored' }, annotate.segment);
		expect(out.title.en).toBe(en);
		expect(out.title.enRuns.map((r) => r.text).join('')).toBe(en);
		expect(out.title.zh).toBe(title.zh);
		expect(out.title.zhRuns).toEqual(title.zhRuns);
		const before = articleSegments(article);
		articleSegments(out)
			.slice(1)
			.forEach((s, i) => expect(s).toBe(before[i + 1]));
	});

	it('replaces an approved byline and photo credit like any other segment', () => {
		const out = withEnglish(
			article,
			{ byline: 'By Zhou Songhua and Gong Wenwen', 'c7-credit': 'Photograph: Shen Yingjun' },
			annotate.segment
		);
		expect(out.byline?.en).toBe('By Zhou Songhua and Gong Wenwen');
		expect(out.byline?.zh).toBe('周松华 龚雯雯');
		const c7 = out.blocks.find((b) => b.id === 'c7');
		expect(c7?.type === 'caption' && c7.credit?.en).toBe('Photograph: Shen Yingjun');
		expect(c7?.type === 'caption' && c7.credit?.zhRuns.flatMap((r) => r.chars.map((c) => c.p))).toEqual([
			'shěn',
			'yǐng',
			'jùn',
			null,
			'shè'
		]);
	});

	it('returns the article itself when nothing is approved or nothing changed', () => {
		expect(withEnglish(article, {}, annotate.segment)).toBe(article);
		expect(withEnglish(article, { title: article.title.en }, annotate.segment).title).toBe(article.title);
	});
});
