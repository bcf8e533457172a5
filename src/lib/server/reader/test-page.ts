/**
 * The first blocks of a real article as the reader renders them (the Chinese and English of each paragraph and
 * heading, with every word's ruby and term link) and the word data the popover fetches: for the browser tests
 * of the reader's script, which run in Chromium and get this from Node through a Vitest browser command.
 */
import { getArticle, termLinksOf } from '$lib/server/content/store';
import { segmentsHtml } from '$lib/reader/markup';
import { hskByKey, type ArticleWords, type PopoverData } from '$lib/reader/word-data';
import { articleWordData, articleWordsJson } from './word-data';

/** What a browser test of the reader's script starts from. */
export interface ReaderTestPage {
	/** The inner HTML of `article.reader`. */
	html: string;
	/** words.json and glossary.json of the article, as the popover gets them. */
	data: PopoverData;
}

/** The first `blocks` paragraphs and headings of the article `slug`, in the default settings. */
export async function readerTestPage(slug: string, blocks: number): Promise<ReaderTestPage> {
	const article = await getArticle(slug);
	if (!article) throw new Error(`no article ${slug}`);
	const { tokens, entries } = await articleWordData(article);
	const hsk = hskByKey(entries);
	const terms = termLinksOf(article);
	const display = (id: string) => ({
		tokens: tokens[id],
		hskOf: (k: string) => hsk[k],
		termHref: (t: string) => terms.hrefs[t]!
	});
	const side = (segments: Parameters<typeof segmentsHtml>[0], s: 'zh' | 'en') =>
		segmentsHtml(segments, s, { display });
	const html = article.blocks
		.filter((b) => b.type === 'paragraph' || b.type === 'heading')
		.slice(0, blocks)
		.map(
			(b) =>
				`<div class="block pair" id="${b.id}"><p class="zh" lang="zh-Hans">${side(b.segments, 'zh')}</p>` +
				`<p class="en" lang="en">${side(b.segments, 'en')}</p></div>`
		)
		.join('');
	const words = JSON.parse(await articleWordsJson(article)) as ArticleWords;
	return { html: `<p data-word-live></p>${html}`, data: { ...words, terms: terms.popover } };
}
