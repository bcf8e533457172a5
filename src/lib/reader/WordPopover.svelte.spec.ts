/**
 * The word popover as readers get it: WordPopover.svelte rendered with the real interface catalog, filled by the
 * reader script's DOM writer from a word of the real article and its real word data, in Chromium.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import en from '$messages/en.json';
import zhCN from '$messages/zh-CN.json';
import { renderInLocale } from '$lib/i18n/testing/render';
import type { PopoverData } from './word-data';
import WordPopover from './WordPopover.svelte';
import { readWord, writePopover } from './enhance/popover';
import { popoverView } from './enhance/popover-view';
import { keyOf, wordsOf } from './enhance/words';
import { mountReader } from './enhance/testing';
import { TERM_LINK } from './term-link';

let article: HTMLElement;
let data: PopoverData;

beforeEach(async () => {
	({ article, data } = await mountReader(3));
});

/** The first word of the mounted article whose entry matches `test`. */
function wordWhere(test: (key: string) => boolean): HTMLElement {
	const words = [...article.querySelectorAll<HTMLElement>('.zh [data-seg]')].flatMap(wordsOf);
	const word = words.find((w) => !w.matches(TERM_LINK) && test(keyOf(w, data) ?? ''));
	if (!word) throw new Error('no such word in the first blocks');
	return word;
}

const popover = () => document.getElementById('word-popover')!;
const shown = (section: string) =>
	!popover().querySelector(`[data-section="${section}"]`)!.hasAttribute('hidden');
const slot = (name: string) => popover().querySelector<HTMLElement>(`[data-slot="${name}"]`)!;

describe('WordPopover', () => {
	it('renders its labels from the interface catalog', async () => {
		const screen = await renderInLocale('zh-CN', WordPopover, {});
		// Closed, a popover is out of the accessibility tree; the script opens it.
		popover().showPopover();
		await expect.element(screen.getByRole('button', { name: zhCN.popover.close })).toBeInTheDocument();
		await expect.element(screen.getByRole('button', { name: zhCN.popover.save })).toBeInTheDocument();
		expect(popover().dataset.loading).toBe(zhCN.popover.loading);
	});

	it('shows a word of the article with its readings, Traditional form and characters', async () => {
		const screen = await renderInLocale('en', WordPopover, {});
		const word = wordWhere((k) => [...k].length === 2 && !!data.entries[k]?.readings[0]?.traditional);
		const key = keyOf(word, data)!;
		writePopover(popover(), popoverView(readWord(word, data), data));
		popover().showPopover();

		expect(slot('word').textContent).toBe(key);
		expect(slot('pinyin').textContent).toBe(
			[...word.querySelectorAll('rt')].map((rt) => rt.textContent).join(' ')
		);
		expect(slot('traditional').textContent).toBe(data.entries[key]!.readings[0]!.traditional);
		expect([shown('dictionary'), shown('traditional'), shown('save')]).toEqual([true, true, true]);
		expect([shown('glossary'), shown('simplified'), shown('none')]).toEqual([false, false, false]);
		const readings = [...slot('readings').children].map((li) => li.children[0]!.textContent);
		expect(readings).toEqual(data.entries[key]!.readings.map((r) => r.pinyin));
		const chars = [...slot('characters').children].map((li) => li.children[0]!.textContent);
		expect(chars).toEqual([...key]);
		await expect
			.element(screen.getByRole('link', { name: en.popover.lookUp }))
			.toHaveAttribute('href', `/dictionary?q=${encodeURIComponent(key)}`);
	});

	it('shows a glossary term from its link, and its entry as text, never as markup', async () => {
		await renderInLocale('en', WordPopover, {});
		const term = article.querySelector<HTMLElement>(`.zh ${TERM_LINK}`)!;
		const view = popoverView(readWord(term, data), data);
		writePopover(popover(), {
			...view,
			text: { ...view.text, explanation: '<img src=x onerror="alert(1)">' }
		});
		expect(shown('glossary')).toBe(true);
		// The term's data is found by its link's short address; the popover links to the entry's readable one.
		const entry = data.terms[term.getAttribute('href')!]!;
		expect(term.getAttribute('href')).toMatch(/^\/g\/[0-9a-z]{3}$/);
		expect((slot('link') as HTMLAnchorElement).getAttribute('href')).toBe(entry.href);
		expect(entry.href).toMatch(/^\/glossary\/[a-z0-9-]+$/);
		expect(slot('rendering').textContent).toBe(entry.rendering);
		expect(slot('explanation').textContent).toBe('<img src=x onerror="alert(1)">');
		expect(popover().querySelector('img')).toBeNull();
	});

	it('clears what the last word showed', async () => {
		await renderInLocale('en', WordPopover, {});
		const term = article.querySelector<HTMLElement>(`.zh ${TERM_LINK}`)!;
		writePopover(popover(), popoverView(readWord(term, data), data));
		const word = wordWhere((k) => !!data.entries[k]?.readings.length && !data.entries[k]?.parts);
		writePopover(popover(), popoverView(readWord(word, data), data));
		expect(shown('glossary')).toBe(false);
		expect(slot('rendering').textContent).toBe('');
		expect(slot('readings').children.length).toBe(data.entries[keyOf(word, data)!]!.readings.length);
	});
});
