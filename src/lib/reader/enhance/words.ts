/**
 * The article's words in the page: which element is which word, and the per-article word data
 * (/articles/<slug>/words.json), fetched once on first interest and kept. A text read at /read has no URL of its
 * own: its word data comes embedded in the page (`<script type="application/json" id="reader-words">`, never run).
 */
import type { ArticleWords, PopoverData } from '../word-data';
import type { PopoverEntry } from '$lib/glossary/popover';

let data: Promise<PopoverData> | undefined;
let loaded: PopoverData | undefined;

const json = <T>(url: string) =>
	fetch(url).then((r) => {
		if (!r.ok) throw new Error(`HTTP ${r.status}`);
		return r.json() as Promise<T>;
	});

/** The id of the word data embedded in a /read page. */
export const EMBEDDED_WORDS_ID = 'reader-words';

/** Word data embedded in the page (a /read text), parsed once. */
function embedded(): PopoverData | undefined {
	const text = document.getElementById(EMBEDDED_WORDS_ID)?.textContent;
	return text ? (JSON.parse(text) as PopoverData) : undefined;
}

/** The article's words and glossary entries (two requests, once per page; a failure lets the next call retry). */
export function loadWords(slug: string): Promise<PopoverData> {
	if (!data && document.getElementById(EMBEDDED_WORDS_ID))
		data = Promise.resolve().then(() => (loaded = embedded()!));
	const base = `/articles/${encodeURIComponent(slug)}`;
	data ??= Promise.all([
		json<ArticleWords>(`${base}/words.json`),
		json<Record<string, PopoverEntry>>(`${base}/glossary.json`)
	]).then(([words, terms]) => (loaded = { ...words, terms }));
	data.catch(() => (data = undefined));
	return data;
}

/** The payload if it has arrived already. */
export const wordsLoaded = () => loaded;

/** The slug of the article on this page (/articles/<slug>, or the embedded data's for /read). */
export const pageSlug = () =>
	document.getElementById(EMBEDDED_WORDS_ID)?.dataset.slug ??
	decodeURIComponent(location.pathname.split('/')[2] ?? '');

/** The Chinese side of a segment: its word elements in order (a glossary term link is one word). */
export function wordsOf(segment: Element): HTMLElement[] {
	return [...segment.querySelectorAll<HTMLElement>('a.term, ruby')].filter(
		(el) => el.tagName !== 'RUBY' || !el.parentElement?.closest('a.term')
	);
}

/** The word element at an event target inside the Chinese text, if any. */
export function wordAt(target: EventTarget | null): HTMLElement | undefined {
	const el = target instanceof Element ? target : null;
	const word = el?.closest<HTMLElement>('a.term') ?? el?.closest<HTMLElement>('ruby') ?? undefined;
	return word?.closest('.zh [data-seg]') ? word : undefined;
}

/** The Chinese sentence (segment) element holding a word. */
export const sentenceOf = (word: Element) => word.closest<HTMLElement>('[data-seg]')!;

/** A word element's key in the extract: its position among the segment's words, looked up in the payload. */
export function keyOf(word: HTMLElement, payload: ArticleWords): string | undefined {
	const sentence = sentenceOf(word);
	return payload.words[sentence.dataset.seg!]?.[wordsOf(sentence).indexOf(word)];
}

/** Text of an element without its pinyin (<rt>). */
export function baseText(el: Element): string {
	let out = '';
	const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
	for (let n = walker.nextNode(); n; n = walker.nextNode())
		if (!n.parentElement?.closest('rt')) out += n.nodeValue;
	return out;
}

/** The pinyin of a word as the page shows it in this sentence, syllables separated by spaces. */
export const pinyinOf = (word: Element) =>
	[...word.querySelectorAll('rt')].map((rt) => rt.textContent ?? '').join(' ');
