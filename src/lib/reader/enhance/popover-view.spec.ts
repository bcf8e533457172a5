/**
 * What the word popover shows, on the real article, its real word data (words.json) and its glossary entries
 * (glossary.json): the view is plain data, so this runs in Node; popover.browser.spec.ts checks the DOM writer.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { getArticle, termLinksOf } from '$lib/server/content/store';
import { articleWordsJson } from '$lib/server/reader/word-data';
import type { ArticleWords, PopoverData } from '../word-data';
import { popoverView, type OpenedWord } from './popover-view';

let data: PopoverData;

beforeAll(async () => {
	const article = (await getArticle('beilun-liucu-liuyou'))!;
	const words = JSON.parse(await articleWordsJson(article)) as ArticleWords;
	data = { ...words, terms: termLinksOf(article).popover };
}, 60_000);

/** A word of the article's Chinese as popover.ts reads it from the page. */
const inSentence = (key: string, syllables: string[], text = key): OpenedWord => ({
	inSentence: true,
	key,
	text,
	lang: 'zh-Hans',
	pinyin: syllables.join(' '),
	syllables
});

describe('popoverView', () => {
	it('shows a word with its reading, Traditional form and each character as read in the word', () => {
		const view = popoverView(inSentence('强化', ['qiáng', 'huà']), data);
		expect(view.text.word).toBe('强化');
		expect(view.text.pinyin).toBe('qiáng huà');
		expect(view.lists.readings).toEqual([['qiáng huà', 'to strengthen; to intensify']]);
		expect(view.text.traditional).toBe('強化');
		expect(view.sections).toMatchObject({
			dictionary: true,
			traditional: true,
			simplified: false,
			save: true
		});
		expect(view.sections.glossary).toBe(false);
		// 强 has several readings; in 强化 it is qiáng.
		expect(view.lists.characters.map((c) => c.slice(0, 2))).toEqual([
			['强', 'qiáng'],
			['化', 'huà']
		]);
		expect(view.links.lookup).toBe('/dictionary?q=%E5%BC%BA%E5%8C%96');
		expect(view.shown).toMatchObject({ key: '强化', pinyin: 'qiáng huà', traditional: '強化' });
	});

	it('writes a name as a name (GB/T 16159), as the popover shows it and Save stores it', () => {
		const view = popoverView(inSentence('周松华', ['zhōu', 'sōng', 'huá']), data);
		expect(view.text.pinyin).toBe('Zhōu Sōnghuá');
		expect(view.shown.pinyin).toBe('Zhōu Sōnghuá');
		expect(view.lists.readings[0]).toEqual(['Zhōu Sōnghuá', expect.stringContaining('Zhou Songhua')]);
		// Read otherwise in the sentence, the page's reading stands.
		expect(popoverView(inSentence('周松华', ['zhōu', 'sōng', 'hua']), data).text.pinyin).toBe(
			'zhōu sōng hua'
		);
	});

	it('shows the characters in the page’s script and the Simplified key when the page is Traditional', () => {
		const view = popoverView({ ...inSentence('强化', ['qiáng', 'huà'], '強化'), lang: 'zh-Hant' }, data);
		expect(view.text.word).toBe('強化');
		expect(view.lang).toBe('zh-Hant');
		expect(view.sections).toMatchObject({ simplified: true, traditional: false });
		expect(view.lists.characters.map((c) => c[0])).toEqual(['強', '化']);
	});

	it('shows a glossary term’s entry and its link', () => {
		const view = popoverView(
			{ termHref: '/g/jmh', inSentence: false, text: '', lang: '', pinyin: '', syllables: [] },
			data
		);
		const term = data.terms['/g/jmh']!;
		expect(view.text.word).toBe('六促六优');
		expect(view.text.rendering).toBe(term.rendering);
		expect(view.text.explanation).toBe(term.explanation);
		expect(view.sections.glossary).toBe(true);
		expect(view.sections.save).toBe(false);
		expect(view.links.link).toBe('/glossary/liu-cu-liu-you');
	});

	it('heads a number with its key and lists what it is made of', () => {
		const key = Object.keys(data.entries).find((k) => /\d/.test(k) && data.entries[k]!.parts)!;
		const view = popoverView(inSentence(key, []), data);
		expect(view.text.word).toBe(key);
		expect(view.sections).toMatchObject({ simplified: false, parts: true, characters: false, none: false });
		expect(view.lists.parts.map((p) => p[0])).toEqual(data.entries[key]!.parts);
	});

	it('shows only the word and its pinyin while the data is on its way', () => {
		const view = popoverView({ ...inSentence('强化', ['qiáng', 'huà']), key: undefined }, undefined);
		expect(view.text.word).toBe('强化');
		expect(view.text.pinyin).toBe('qiáng huà');
		expect(Object.entries(view.sections).filter(([, shown]) => shown)).toEqual([]);
		expect(view.lists).toEqual({ readings: [], characters: [], parts: [] });
	});
});
