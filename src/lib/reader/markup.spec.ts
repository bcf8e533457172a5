import { describe, expect, it } from 'vitest';
import { enSegmentHtml, escapeHtml, segmentWordKeys, segmentsHtml, zhSegmentHtml } from './markup';
import type { Token } from '$lib/dictionary/types';
import type { ZhRun } from '$lib/content/annotate';

/** Runs for a text, with readings from a small table (characters not in it have none). */
function runs(
	text: string,
	readings: Record<string, string>,
	term?: { id: string; from: number; to: number }
) {
	const chars = [...text].map((c) => ({ c, p: readings[c] ?? null }));
	if (!term) return [{ term: null, chars }] satisfies ZhRun[];
	return [
		{ term: null, chars: chars.slice(0, term.from) },
		{ term: term.id, chars: chars.slice(term.from, term.to) },
		{ term: null, chars: chars.slice(term.to) }
	].filter((r) => r.chars.length) satisfies ZhRun[];
}

/** Tokens for a text cut at the given lengths (in code points), all of kind word unless said otherwise. */
function tokens(parts: [string, Token['kind']?][]): Token[] {
	let at = 0;
	return parts.map(([text, kind = 'word']) => {
		const start = at;
		at += [...text].length;
		return { text, kind, start, end: at };
	});
}

const READINGS: Record<string, string> = {
	北: 'běi',
	仑: 'lún',
	港: 'gǎng',
	城: 'chéng',
	一: 'yí',
	个: 'gè',
	不: 'bú',
	是: 'shì',
	亿: 'yì',
	元: 'yuán',
	发: 'fā',
	展: 'zhǎn',
	头: 'tóu'
};

describe('segment markup', () => {
	it('escapes text and attributes', () => {
		expect(escapeHtml(`<script>"x" & 'y'</script>`)).toBe(
			'&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;'
		);
		expect(enSegmentHtml([{ term: null, text: '<img src=x onerror=alert(1)>' }])).toBe(
			'&lt;img src=x onerror=alert(1)&gt;'
		);
	});

	it('marks terms as links named by their content (quotation marks hidden), no aria-label', () => {
		const html = zhSegmentHtml([
			{
				term: 'kuo-zhong-ti-di',
				chars: [...'扩中”“提低'].map((c) => ({ c, p: /[”“]/.test(c) ? null : 'x' }))
			}
		]);
		expect(html).toBe(
			'<a href="/glossary/kuo-zhong-ti-di"><ruby>扩<rt>x</rt>中<rt>x</ruby>' +
				'<span aria-hidden="true">”</span><span aria-hidden="true">“</span>' +
				'<ruby>提<rt>x</rt>低<rt>x</ruby></a>'
		);
	});

	it('adds a footnote reference on the English side only', () => {
		const segs = [
			{
				id: 'p1-1',
				zhRuns: [{ term: null, chars: [{ c: '好', p: 'hǎo' }] }],
				enRuns: [{ term: null, text: 'Good.' }],
				note: { en: 'n' }
			}
		];
		const notes = new Map([['p1-1', 3]]);
		expect(segmentsHtml(segs, 'en', { notes, noteLabel: (n) => `Note ${n}` })).toBe(
			'<span data-seg="p1-1">Good.</span><sup class="note-ref"><a href="#note-p1-1" id="ref-p1-1" aria-label="Note 3">3</a></sup>'
		);
		expect(segmentsHtml(segs, 'zh', { notes, noteLabel: (n) => `Note ${n}` })).not.toContain('note-ref');
	});

	it('leaves to the page the ids that follow from the block and the place, and writes out the others', () => {
		const seg = (id: string, en = 'x') => ({
			id,
			zhRuns: [{ term: null, chars: [{ c: '好', p: 'hǎo' }] }],
			enRuns: [{ term: null, text: en }]
		});
		const segs = [seg('p2-1'), seg('p2-2', ''), seg('p2-3'), seg('p2-credit')];
		expect(segmentsHtml(segs, 'zh', { block: 'p2' })).toBe(
			'<span data-seg><ruby>好<rt>hǎo</ruby></span>'.repeat(3) +
				'<span data-seg="p2-credit"><ruby>好<rt>hǎo</ruby></span>'
		);
		// An untranslated sentence has no span on the English side: the next one is second there, so written out.
		expect(segmentsHtml(segs, 'en', { block: 'p2' })).toBe(
			'<span data-seg>x</span> <span class="seg-missing" data-missing="p2-2">Not yet translated.</span> ' +
				'<span data-seg="p2-3">x</span> <span data-seg="p2-credit">x</span>'
		);
		// Without a block every id is written out.
		expect(segmentsHtml([seg('p2-1')], 'en')).toBe('<span data-seg="p2-1">x</span>');
	});

	it('links a term on both sides to the address the page gives it', () => {
		const segs = [
			{
				id: 'p1-1',
				zhRuns: [
					{
						term: 'bei-lun',
						chars: [
							{ c: '北', p: 'běi' },
							{ c: '仑', p: 'lún' }
						]
					}
				],
				enRuns: [{ term: 'bei-lun', text: 'Beilun' }]
			}
		];
		const display = () => ({ termHref: (id: string) => (id === 'bei-lun' ? '/g/489' : '/glossary/x') });
		const link = '<a href="/g/489">';
		expect(segmentsHtml(segs, 'zh', { display })).toContain(link);
		expect(segmentsHtml(segs, 'en', { display })).toBe(`<span data-seg="p1-1">${link}Beilun</a></span>`);
	});

	it('makes each word one <ruby>, a term one link, and lists the words in the same order', () => {
		const text = '北仑港城，1856.6亿元。';
		const segRuns = runs(text, READINGS, { id: 'beilun', from: 0, to: 2 });
		const toks = tokens([
			['北仑', 'term'],
			['港城'],
			['，', 'punct'],
			['1856.6亿元', 'number'],
			['。', 'punct']
		]);
		expect(zhSegmentHtml(segRuns, { tokens: toks })).toBe(
			'<a href="/glossary/beilun"><ruby>北<rt>běi</rt>仑<rt>lún</ruby></a>' +
				'<ruby>港<rt>gǎng</rt>城<rt>chéng</ruby>，1856.6<ruby>亿<rt>yì</rt>元<rt>yuán</ruby>。'
		);
		expect(segmentWordKeys(segRuns, toks)).toEqual(['北仑', '港城', '1856.6亿元']);
	});

	it('splits a run of characters at every word boundary', () => {
		const segRuns = runs('一个不是', READINGS);
		const toks = tokens([['一个'], ['不'], ['是']]);
		expect(zhSegmentHtml(segRuns, { tokens: toks })).toBe(
			'<ruby>一<rt>yí</rt>个<rt>gè</ruby><ruby>不<rt>bú</ruby><ruby>是<rt>shì</ruby>'
		);
		// Without a segmentation, a run of characters is one word (the markup before words existed).
		expect(segmentWordKeys(segRuns)).toEqual(['一个不是']);
	});

	it('marks tones on the characters, writes tone numbers, and gives 一 and 不 their dictionary tones', () => {
		const segRuns = runs('一个不是', READINGS);
		const toks = tokens([['一个'], ['不是']]);
		expect(zhSegmentHtml(segRuns, { tokens: toks, tones: true })).toBe(
			'<ruby><i class="t2">一</i><rt>yí</rt><i class="t4">个</i><rt>gè</ruby>' +
				'<ruby><i class="t2">不</i><rt>bú</rt><i class="t4">是</i><rt>shì</ruby>'
		);
		expect(zhSegmentHtml(segRuns, { tokens: toks, numbers: true, dictionaryTones: true })).toBe(
			'<ruby>一<rt>yi1</rt>个<rt>ge4</ruby><ruby>不<rt>bu4</rt>是<rt>shi4</ruby>'
		);
		// The tone colour follows the reading shown.
		expect(zhSegmentHtml(segRuns, { tokens: toks, tones: true, dictionaryTones: true })).toContain(
			'<i class="t1">一</i><rt>yī</rt>'
		);
	});

	it('hides the pinyin of words at or below the HSK level, and only those', () => {
		const segRuns = runs('一个港城', READINGS);
		const toks = tokens([['一个'], ['港城']]);
		const hsk: Record<string, number> = { 一个: 1, 港城: 5 };
		const html = (level: number) =>
			zhSegmentHtml(segRuns, { tokens: toks, hskOf: (k) => hsk[k], hideAtOrBelow: level });
		expect(html(0)).not.toContain('class="k"');
		expect(html(1)).toBe(
			'<ruby class="k">一<rt>yí</rt>个<rt>gè</ruby><ruby>港<rt>gǎng</rt>城<rt>chéng</ruby>'
		);
		expect(html(6).match(/class="k"/g)).toHaveLength(2);
	});

	it('shows converted characters one for one under the same pinyin, in words and in terms', () => {
		const segRuns = runs('北仑头发', READINGS, { id: 'beilun', from: 0, to: 2 });
		const toks = tokens([['北仑', 'term'], ['头发']]);
		const convert = (text: string) => (text === '北仑头发' ? '北侖頭髮' : text);
		expect(zhSegmentHtml(segRuns, { tokens: toks, convert })).toBe(
			'<a href="/glossary/beilun"><ruby>北<rt>běi</rt>侖<rt>lún</ruby></a>' +
				'<ruby>頭<rt>tóu</rt>髮<rt>fā</ruby>'
		);
		// The words keep their Simplified keys: the popover finds the same entries.
		expect(segmentWordKeys(segRuns, toks)).toEqual(['北仑', '头发']);
	});
});
