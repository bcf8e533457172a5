/**
 * /read on the server: any Chinese text through the one pipeline ($lib/import) and the curated articles'
 * annotation (pinyin, glossary terms) and word data (the dictionary's segmentation and per-text extract), ready
 * for the reader's components. Nothing is stored: the result lives for one response.
 */
import { buildArticle, detectBlocks, textProblem, type SourceScript, type TextProblem } from '$lib/import';
import { createAnnotator, type AnnotatedArticle } from '$lib/content/annotate';
import { readerChineseTexts } from '$lib/content/walk';
import { getDictionary, articleDictionary } from '$lib/server/dictionary';
import { hasWord } from '$lib/dictionary';
import { getGlossary, glossaryRevision, importedPinyin, termLinksOf } from '$lib/server/content/store';
import { toScript, toSimplified } from '$lib/server/chinese-script';
import {
	READER_EXTRACT_LIMITS,
	articleWords,
	hskByKey,
	type PopoverData,
	type WordMarkupData
} from '$lib/reader/word-data';
import type { ReaderSettings } from '$lib/reader/settings';

/** The slug of a text read at /read (never stored; saved words link back to /read). */
export const READ_SLUG = 'read';

export interface ReadResult {
	article: AnnotatedArticle;
	/** Markup data in the reader's settings. */
	words: WordMarkupData;
	/** Everything the word popover needs, embedded in the page. */
	popover: PopoverData;
	script: SourceScript;
	characters: number;
}

let annotate: { revision: number; annotate: ReturnType<typeof createAnnotator> } | undefined;

/**
 * Read a text: blocks, sentences, words, pinyin (with the editors' corrections for imported text) and terms, with
 * the word data for the reader's settings.
 */
export async function readText(text: string, settings: ReaderSettings): Promise<ReadResult | TextProblem> {
	const problem = textProblem(text);
	if (problem) return problem;
	const dictionary = await getDictionary();
	const glossary = getGlossary();
	if (annotate?.revision !== glossaryRevision())
		annotate = { revision: glossaryRevision(), annotate: createAnnotator(glossary, importedPinyin()) };
	const built = buildArticle(detectBlocks(text, { isWord: (w) => hasWord(dictionary, w) }), {
		slug: READ_SLUG,
		toSimplified
	});
	const article = annotate.annotate(built.article);
	const data = await articleDictionary(built.article, glossary, READER_EXTRACT_LIMITS);
	const terms = termLinksOf(article);
	const words: WordMarkupData = { tokens: data.tokens, hsk: hskByKey(data.entries), termHrefs: terms.hrefs };
	// What was written is shown in its own script family; the other family is converted (switchable like the reader).
	const shownAsWritten = (settings.script === 'simplified') === (built.script === 'simplified');
	if (built.script === 'traditional' || settings.script !== 'simplified') {
		const texts = new Set(readerChineseTexts(article).map((t) => t.zh));
		words.converted = Object.fromEntries(
			[...texts].map((zh) => [zh, shownAsWritten ? (built.written[zh] ?? zh) : toScript(zh, settings.script)])
		);
	}
	return {
		article,
		words,
		popover: { ...articleWords(article, data.tokens, data.entries), terms: terms.popover },
		script: built.script,
		characters: built.characters
	};
}
