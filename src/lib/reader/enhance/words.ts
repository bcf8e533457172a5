/**
 * The article's words in the page: which element is which word, and the per-article word data
 * (/articles/<slug>/words.json), fetched once on first interest and kept. A text read at /read has no URL of its
 * own: its page names where to post its text for the word data (`<span hidden id="reader-words" data-src>`).
 */
import type { ArticleWords, PopoverData } from '../word-data';
import type { PopoverEntry } from '$lib/glossary/popover';
import { TERM_LINK } from '../term-link';

let data: Promise<PopoverData> | undefined;
let loaded: PopoverData | undefined;

const json = <T>(url: string, init?: RequestInit) =>
	fetch(url, init).then((r) => {
		if (!r.ok) throw new Error(`HTTP ${r.status}`);
		return r.json() as Promise<T>;
	});

/** The id of the element that marks a /read page (its slug, and where its word data comes from). */
export const READ_WORDS_ID = 'reader-words';

/** A /read text's word data: the form's text posted again (without the file), as for a settings change. */
function postedWords(src: string): Promise<PopoverData> {
	const form = document.querySelector<HTMLFormElement>('form[data-read-form]');
	const body = form ? new FormData(form) : new FormData();
	body.delete('file');
	return json<PopoverData>(src, { method: 'POST', body, headers: { accept: 'application/json' } });
}

/** The article's words and glossary entries (once per page; a failure lets the next call retry). */
export function loadWords(slug: string): Promise<PopoverData> {
	const src = document.getElementById(READ_WORDS_ID)?.dataset.src;
	if (!data && src) data = postedWords(src).then((words) => (loaded = words));
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

/** The slug of the article on this page (/articles/<slug>, or `read` for a text read at /read). */
export const pageSlug = () =>
	document.getElementById(READ_WORDS_ID)?.dataset.slug ??
	decodeURIComponent(location.pathname.split('/')[2] ?? '');

/** The Chinese side of a segment: its word elements in order (a glossary term link is one word). */
export function wordsOf(segment: Element): HTMLElement[] {
	return [...segment.querySelectorAll<HTMLElement>(`${TERM_LINK}, ruby`)].filter(
		(el) => el.tagName !== 'RUBY' || !el.parentElement?.closest(TERM_LINK)
	);
}

/** The word element at an event target inside the Chinese text, if any. */
export function wordAt(target: EventTarget | null): HTMLElement | undefined {
	const el = target instanceof Element ? target : null;
	const word = el?.closest<HTMLElement>(TERM_LINK) ?? el?.closest<HTMLElement>('ruby') ?? undefined;
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

/** Where an element's text starts within a container's text without pinyin (`baseText`), in UTF-16 units. */
export function baseOffset(container: Element, el: Element): number {
	let at = 0;
	const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
	for (let n = walker.nextNode(); n && !el.contains(n); n = walker.nextNode())
		if (!n.parentElement?.closest('rt')) at += n.nodeValue!.length;
	return at;
}

/** The pinyin of a word as the page shows it in this sentence, syllables separated by spaces. */
export const pinyinOf = (word: Element) =>
	[...word.querySelectorAll('rt')].map((rt) => rt.textContent ?? '').join(' ');
