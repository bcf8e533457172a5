/** How hard the real seed article is, on the real dictionary: counts agree with the reader's own words. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnnotatedArticle } from '$lib/content/annotate';
import type { ArticleWords } from '$lib/reader/word-data';
import { getArticle, listArticles } from '$lib/server/content/store';
import { articleWordsJson } from '$lib/server/reader/word-data';
import { HSK_BANDS, hskShares, type TextProfile } from '$lib/study/difficulty';
import { knownShare, wordCounts } from '$lib/study/known-share';
import { hasHan } from '$lib/chinese';
import { articleProfile } from './difficulty';

const SLUG = 'beilun-liucu-liuyou';
let article: AnnotatedArticle;
let profile: TextProfile;
let payload: ArticleWords;

beforeAll(async () => {
	article = (await getArticle(SLUG))!;
	profile = await articleProfile(article);
	payload = JSON.parse(await articleWordsJson(article)) as ArticleWords;
}, 60_000);

describe('an article’s difficulty', () => {
	it('counts characters and sentences as the library does', async () => {
		const summary = (await listArticles()).find((a) => a.slug === SLUG)!;
		expect(profile.characters).toBe(summary.characterCount);
		expect(profile.sentences).toBe(summary.segmentCount);
	});

	it('counts the reader’s own Chinese words (the popover’s keys), each once per occurrence', () => {
		const keys = Object.values(payload.words)
			.flat()
			.filter((k) => hasHan(k));
		expect(profile.tokens).toBe(keys.length);
		expect(Object.values(profile.words).reduce((a, b) => a + b, 0)).toBe(keys.length);
		expect(profile.words['北仑']).toBe(keys.filter((k) => k === '北仑').length);
		expect(profile.words['北仑']).toBeGreaterThan(5);
	});

	it('counts the same words from the word data as the server (a /read text’s known share is counted in the browser)', () => {
		expect(wordCounts(Object.values(payload.words))).toEqual(profile.words);
	});

	it('has an HSK profile over every token, with levels from the dictionary', () => {
		expect(HSK_BANDS.reduce((n, b) => n + profile.hsk[b], 0)).toBe(profile.tokens);
		const level = (key: string) => payload.entries[key]?.hsk;
		expect(profile.hsk['1']).toBe(
			Object.values(payload.words)
				.flat()
				.filter((k) => hasHan(k) && level(k) === 1).length
		);
		// A policy report: plenty of words beyond the HSK lists (names, terms), but common words too.
		const shares = hskShares(profile);
		expect(shares.beyond).toBeGreaterThan(20);
		expect(shares['1'] + shares['2']).toBeGreaterThan(5);
		expect(Object.values(shares).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(98);
	});

	it('gives the known share of a store weighted by occurrence', () => {
		expect(knownShare(profile.words, new Set())).toBe(0);
		expect(knownShare(profile.words, new Set(Object.keys(profile.words)))).toBe(1);
		const share = knownShare(profile.words, new Set(['北仑']));
		expect(share).toBeCloseTo(profile.words['北仑']! / profile.tokens, 10);
		expect(knownShare({}, new Set(['北仑']))).toBe(0);
	});
});
