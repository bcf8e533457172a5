/**
 * The reader's words on the real article and the real dictionary: the markup has exactly the word elements the
 * payload lists, every word has its entry, the payload stays small, HSK levels and Traditional characters come
 * out right, and no setting moves a reading or a term.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import type { AnnotatedArticle } from '$lib/content/annotate';
import { getArticle } from '$lib/server/content/store';
import { segmentsHtml, type ZhDisplay } from '$lib/reader/markup';
import { DEFAULT_READER_SETTINGS } from '$lib/reader/settings';
import type { ArticleWords, WordMarkupData } from '$lib/reader/word-data';
import { toScript } from '$lib/server/chinese-script';
import { articleWordData, articleWordsJson, wordMarkupData } from './word-data';
import { articleSegments } from '$lib/content/walk';

const SLUG = 'beilun-liucu-liuyou';
let article: AnnotatedArticle;
let payload: ArticleWords;
let json: string;
let simplified: WordMarkupData;

beforeAll(async () => {
	article = (await getArticle(SLUG))!;
	json = await articleWordsJson(article);
	payload = JSON.parse(json) as ArticleWords;
	simplified = await wordMarkupData(article, DEFAULT_READER_SETTINGS);
}, 60_000);

/** The Chinese markup of every segment, as ArticleView renders it with these options. */
function html(data: WordMarkupData, options: Partial<ZhDisplay> = {}): Map<string, string> {
	const display = (id: string): ZhDisplay => ({
		tokens: data.tokens[id],
		hskOf: (k) => data.hsk[k],
		convert: data.converted ? (t) => data.converted![t] ?? t : undefined,
		...options
	});
	return new Map(articleSegments(article).map((s) => [s.id, segmentsHtml([s], 'zh', { display })]));
}

/** Word elements of a segment's markup: term links, and rubies outside them (what the script counts). */
function wordCount(markup: string): number {
	const outside = markup.replace(/<a href="\/g[^>]*>.*?<\/a>/g, '<a>');
	return (outside.match(/<a>/g)?.length ?? 0) + (outside.match(/<ruby[ >]/g)?.length ?? 0);
}

const rts = (markup: string) =>
	[...markup.matchAll(/<rt[^>]*>([^<]*)(?:<\/rt>|(?=<\/ruby>))/g)].map((m) => m[1]);
const terms = (markup: string) => [...markup.matchAll(/href="([^"]+)"/g)].map((m) => m[1]);
const text = (markup: string) =>
	markup.replace(/<rt[^>]*>[^<]*(?:<\/rt>|(?=<\/ruby>))/g, '').replace(/<[^>]+>/g, '');

describe('the reader’s words, on the real article', () => {
	it('lists, for every segment, one key per word element of its markup, and every key has an entry', () => {
		const markup = html(simplified);
		let words = 0;
		for (const s of articleSegments(article)) {
			const keys = payload.words[s.id]!;
			expect(keys, s.id).toHaveLength(wordCount(markup.get(s.id)!));
			for (const key of keys) expect(payload.entries[key], `${s.id}: ${key}`).toBeDefined();
			words += keys.length;
		}
		expect(words).toBeGreaterThan(1000);
	});

	it('comes out in whole words: 港城, 高质量发展, 城中村, 专精特新 and the article’s names', () => {
		const keys = new Set(Object.values(payload.words).flat());
		for (const word of ['港城', '高质量发展', '城中村', '北仑', '宁波']) expect(keys, word).toContain(word);
		expect([...keys].some((k) => k.startsWith('专精特新'))).toBe(true);
	});

	it('gives 港城 (not a glossary term) its entry (the reviewed supplement), with each character', () => {
		const entry = payload.entries['港城']!;
		expect(entry.readings[0]!.pinyin).toBe('gǎng chéng');
		expect(entry.readings[0]!.definitions.join(' ')).toMatch(/port city/i);
		expect(payload.entries['发展']!.readings[0]!.definitions).toContain('development');
		expect(payload.entries['港']!.readings[0]!.definitions).toContain('harbor');
		expect(payload.entries['城']!.readings[0]!.pinyin).toBe('chéng');
	});

	it('knows HSK levels and Traditional forms', () => {
		expect(simplified.hsk['发展']).toBe(4);
		expect(simplified.hsk['经济']).toBe(4);
		expect(simplified.hsk['我们']).toBeUndefined(); // not in this article
		expect(payload.entries['发展']!.readings[0]!.traditional).toBe('發展');
	});

	it('ships under 50 KB gzipped, and is computed once per article', async () => {
		const gzip = gzipSync(Buffer.from(json), { level: 6 }).length;
		expect(gzip).toBeLessThanOrEqual(50 * 1024);
		expect(await articleWordsJson(article)).toBe(json);
		expect(await articleWordData(article)).toBe(await articleWordData(article));
	});

	it('switches to Traditional one character per ruby base, leaving pinyin and term marks alone', async () => {
		for (const script of ['traditional-tw', 'traditional-hk'] as const) {
			const data = await wordMarkupData(article, { ...DEFAULT_READER_SETTINGS, script });
			const before = html(simplified);
			const after = html(data);
			for (const s of articleSegments(article)) {
				const a = after.get(s.id)!;
				const b = before.get(s.id)!;
				expect(text(a), s.id).toBe(toScript(s.zh, script));
				expect(rts(a), s.id).toEqual(rts(b));
				expect(terms(a), s.id).toEqual(terms(b));
				expect(wordCount(a), s.id).toBe(wordCount(b));
				// Each reading sits on exactly one character.
				for (const [, ruby] of a.matchAll(/<ruby[^>]*>(.*?)<\/ruby>/g))
					for (const base of ruby!.split(/<rt[^>]*>[^<]*(?:<\/rt>|$)/).slice(0, -1))
						expect([...base.replace(/<[^>]+>/g, '')], `${s.id}: ${ruby}`).toHaveLength(1);
			}
			expect([...after.values()].join('')).toContain('北<rt>běi</rt>侖<rt>lún</ruby>');
		}
		const tw = await wordMarkupData(article, { ...DEFAULT_READER_SETTINGS, script: 'traditional-tw' });
		expect(tw.converted?.[article.title.zh]).not.toBe(article.title.zh);
	});

	it('writes tone numbers, tone classes and dictionary tones without moving a word or a term', () => {
		const before = html(simplified);
		const after = html(simplified, { tones: true, numbers: true, dictionaryTones: true });
		for (const s of articleSegments(article)) {
			const a = after.get(s.id)!;
			expect(
				rts(a).every((p) => /^[a-zü]+[1-5]$/i.test(p!)),
				s.id
			).toBe(true);
			expect(terms(a)).toEqual(terms(before.get(s.id)!));
			expect(wordCount(a)).toBe(wordCount(before.get(s.id)!));
			expect(a.match(/<i class="t[1-5]">/g)?.length ?? 0).toBe(rts(a).length);
		}
	});
});
