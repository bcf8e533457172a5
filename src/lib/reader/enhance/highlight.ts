/**
 * Hovering or focusing a sentence (or a term) marks its counterpart in the other language. Chinese sentences
 * become keyboard-reachable as one tab stop: arrow keys move between them (a roving tabindex) and their words.
 */
import type { OpenWord } from './popover';
import { baseText, pinyinOf, wordsOf } from './words';
import { withoutQuotationMarks } from '$lib/chinese';
import { TERM_LINK } from '../term-link';

/**
 * Mark every element of `selector` that shares the hovered or focused one's `attribute` (within `scope`).
 * Sentences pair by data-seg across the article; terms by href within their block.
 */
function linkHighlight(
	article: HTMLElement,
	selector: string,
	attribute: 'data-seg' | 'href',
	scopeOf: (el: Element) => ParentNode,
	className: string
) {
	let current: Element[] = [];
	const clear = () => {
		current.forEach((el) => el.classList.remove(className));
		current = [];
	};
	const mark = (event: Event) => {
		const target = (event.target as Element | null)?.closest(selector);
		if (!target) return clear();
		const value = target.getAttribute(attribute)!;
		const matches = [...scopeOf(target).querySelectorAll(`${selector}[${attribute}="${CSS.escape(value)}"]`)];
		if (matches.length === current.length && matches.every((m, i) => m === current[i])) return;
		clear();
		current = matches;
		current.forEach((el) => el.classList.add(className));
	};
	article.addEventListener('mouseover', mark);
	article.addEventListener('focusin', mark);
	article.addEventListener('mouseleave', clear);
	article.addEventListener('focusout', (e) => {
		if (!article.contains(e.relatedTarget as Node | null)) clear();
	});
}

/**
 * The keys for reading by keyboard (#keyboard-hint, put in by ./script-ui.ts): shown while `focused` is a Chinese
 * sentence with keyboard focus (not after a tap or a click), and read as its description.
 */
export function showKeyboardHint(focused: Element | null): void {
	const keys = document.getElementById('keyboard-hint');
	if (keys) keys.hidden = !focused?.matches?.('.zh [data-seg]:focus-visible');
}

/**
 * Chinese sentences are one tab stop: Up/Down (Home/End) move between sentences, Left/Right between the words of
 * the focused sentence (highlighted, and announced with their pinyin), Enter opens the word's popover.
 */
function rovingSentences(article: HTMLElement, openWord?: OpenWord) {
	// Queried on use: changing the script or tones re-renders the article's text.
	const sentences = () => [...article.querySelectorAll<HTMLElement>('.zh [data-seg]')];
	const live = article.querySelector<HTMLElement>('[data-word-live]');
	let word: HTMLElement | undefined;
	const setWord = (next: HTMLElement | undefined) => {
		word?.classList.remove('is-current');
		word = next;
		if (!next) return;
		next.classList.add('is-current');
		if (live) live.textContent = `${withoutQuotationMarks(baseText(next))} ${pinyinOf(next)}`;
	};
	const init = () => sentences().forEach((s, i) => (s.tabIndex = i === 0 ? 0 : -1));
	init();
	article.addEventListener('reader:rendered', () => {
		word = undefined;
		init();
	});
	article.addEventListener('focusin', (e) => {
		const sentence = e.target as HTMLElement;
		showKeyboardHint(sentence);
		if (!sentence.matches?.('.zh [data-seg]')) return;
		sentence.setAttribute('aria-describedby', 'keyboard-hint');
		// The sentence that last had focus is the one Tab returns to.
		sentences().forEach((s) => (s.tabIndex = s === sentence ? 0 : -1));
		if (word && !sentence.contains(word)) setWord(undefined);
	});
	article.addEventListener('focusout', (e) => {
		if (!(e.relatedTarget as Element | null)?.matches?.('.zh [data-seg]')) showKeyboardHint(null);
	});
	article.addEventListener('keydown', (e) => {
		const sentence = e.target as HTMLElement;
		if (!sentence.matches?.('.zh [data-seg]')) return;
		if (e.key === 'ArrowLeft' || e.key === 'ArrowRight' || e.key === 'Enter') {
			const words = wordsOf(sentence);
			if (!words.length) return;
			e.preventDefault();
			const at = word ? words.indexOf(word) : -1;
			if (e.key === 'Enter') {
				const target = word && at >= 0 ? word : words[0]!;
				if (target !== word) setWord(target);
				void openWord?.(target, sentence);
				return;
			}
			const step = e.key === 'ArrowRight' ? 1 : -1;
			setWord(
				words[at < 0 ? (step > 0 ? 0 : words.length - 1) : Math.min(Math.max(at + step, 0), words.length - 1)]
			);
			return;
		}
		const all = sentences();
		const at = all.indexOf(sentence);
		const step = { ArrowDown: 1, ArrowUp: -1 }[e.key];
		const to = e.key === 'Home' ? 0 : e.key === 'End' ? all.length - 1 : step ? at + step : -1;
		const next = all[to];
		if (!next) return;
		e.preventDefault();
		setWord(undefined);
		next.focus();
	});
}

export function enhanceHighlights(article: HTMLElement, openWord?: OpenWord) {
	linkHighlight(article, '[data-seg]', 'data-seg', () => article, 'is-linked');
	linkHighlight(
		article,
		TERM_LINK,
		'href',
		(el) => el.closest('.block, .article-header') ?? article,
		'is-term-linked'
	);
	rovingSentences(article, openWord);
}
