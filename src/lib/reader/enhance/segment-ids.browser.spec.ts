/**
 * Sentence ids left to their place by the server ($lib/reader/segment-ids), filled in the browser: the markup is
 * segmentsHtml's, inside the reader's block structure (a paragraph with a footnote and an untranslated sentence,
 * a caption with its credit, the title outside any block).
 */
import { describe, expect, it } from 'vitest';
import { segmentsHtml } from '../markup';
import { fillSegmentIds } from '../segment-ids';

const seg = (id: string, en = 'x') => ({
	id,
	zhRuns: [{ term: null, chars: [{ c: '好', p: 'hǎo' }] }],
	enRuns: [{ term: null, text: en }]
});

describe('fillSegmentIds', () => {
	it('gives every sentence the id the server had, on both sides', () => {
		const paragraph = [seg('p2-1'), seg('p2-2', ''), seg('p2-3'), seg('p2-4')];
		const caption = [seg('c1-1')];
		const credit = [seg('c1-credit')];
		const notes = new Map([['p2-1', 1]]);
		const side = (segs: typeof paragraph, s: 'zh' | 'en', block?: string) =>
			segmentsHtml(segs, s, { block, notes });
		const root = document.createElement('article');
		root.innerHTML =
			`<h1><span class="zh">${side([seg('title')], 'zh')}</span><span class="en">${side([seg('title')], 'en')}</span></h1>` +
			`<div class="block" id="p2"><p class="zh">${side(paragraph, 'zh', 'p2')}</p><p class="en">${side(paragraph, 'en', 'p2')}</p></div>` +
			`<figure class="block" id="c1"><figcaption>` +
			`<span class="zh">${side(caption, 'zh', 'c1')}<span class="credit">${side(credit, 'zh', 'c1')}</span></span>` +
			`<span class="en">${side(caption, 'en', 'c1')}<span class="credit">${side(credit, 'en', 'c1')}</span></span>` +
			`</figcaption></figure>`;
		expect(root.querySelectorAll('[data-seg=""]').length).toBeGreaterThan(0);
		fillSegmentIds(root);
		const ids = (side: string) =>
			[...root.querySelectorAll<HTMLElement>(`.${side} [data-seg]`)].map((el) => el.dataset.seg);
		expect(ids('zh')).toEqual(['title', 'p2-1', 'p2-2', 'p2-3', 'p2-4', 'c1-1', 'c1-credit']);
		expect(ids('en')).toEqual(['title', 'p2-1', 'p2-3', 'p2-4', 'c1-1', 'c1-credit']);
	});
});
