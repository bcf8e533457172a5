/**
 * Linked highlighting and keyboard reading on the real article's markup, in Chromium: a sentence and its
 * translation light up together, terms pair within their block, and the keys move between sentences and words.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { enhanceHighlights } from './highlight';
import { wordsOf } from './words';
import { mountReader } from './testing';
import { TERM_LINK } from '../term-link';

let article: HTMLElement;
const sentences = () => [...article.querySelectorAll<HTMLElement>('.zh [data-seg]')];
const linked = () => [...article.querySelectorAll<HTMLElement>('.is-linked')];

beforeEach(async () => {
	({ article } = await mountReader(3));
});

describe('linked highlighting', () => {
	it('marks a sentence and its translation, and only them', async () => {
		enhanceHighlights(article);
		const zh = sentences()[1]!;
		const id = zh.dataset.seg!;
		const en = article.querySelector<HTMLElement>(`.en [data-seg="${id}"]`)!;
		await userEvent.hover(en);
		expect(linked()).toEqual([zh, en]);
		await userEvent.hover(sentences()[2]!);
		expect(linked().map((el) => el.dataset.seg)).toEqual([
			sentences()[2]!.dataset.seg,
			sentences()[2]!.dataset.seg
		]);
		expect(en.classList.contains('is-linked')).toBe(false);
	});

	it('marks the term in the other language within its block', async () => {
		enhanceHighlights(article);
		const term = article.querySelector<HTMLElement>(`.zh ${TERM_LINK}`)!;
		const href = term.getAttribute('href')!;
		term.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
		const marked = [...article.querySelectorAll('.is-term-linked')];
		expect(marked).toContain(term);
		expect(marked.every((el) => el.getAttribute('href') === href)).toBe(true);
		expect(marked.every((el) => el.closest('.block') === term.closest('.block'))).toBe(true);
	});
});

describe('keyboard reading', () => {
	it('makes the sentences one tab stop and moves between them with the arrow keys', async () => {
		enhanceHighlights(article);
		const all = sentences();
		expect(all.map((s) => s.tabIndex)).toEqual(all.map((_, i) => (i === 0 ? 0 : -1)));
		all[0]!.focus();
		await userEvent.keyboard('{ArrowDown}');
		expect(document.activeElement).toBe(all[1]);
		expect(all.map((s) => s.tabIndex).filter((t) => t === 0)).toHaveLength(1);
		await userEvent.keyboard('{End}');
		expect(document.activeElement).toBe(all.at(-1));
		await userEvent.keyboard('{Home}');
		expect(document.activeElement).toBe(all[0]);
	});

	it('moves between the words of a sentence, announces each with its pinyin, and opens one with Enter', async () => {
		const openWord = vi.fn(async () => {});
		enhanceHighlights(article, openWord);
		const sentence = sentences()[0]!;
		const words = wordsOf(sentence);
		sentence.focus();
		await userEvent.keyboard('{ArrowRight}{ArrowRight}');
		expect(words[1]!.classList.contains('is-current')).toBe(true);
		expect(article.querySelectorAll('.is-current')).toHaveLength(1);
		const live = article.querySelector('[data-word-live]')!.textContent!;
		expect(live).toContain(words[1]!.querySelector('rt')?.textContent ?? '');
		await userEvent.keyboard('{ArrowLeft}{ArrowLeft}');
		expect(words[0]!.classList.contains('is-current')).toBe(true);
		await userEvent.keyboard('{Enter}');
		expect(openWord).toHaveBeenCalledWith(words[0], sentence);
	});
});
