import { describe, expect, it } from 'vitest';
import { enSegmentHtml, escapeHtml, rubyHtml, segmentsHtml, zhSegmentHtml } from './markup';

describe('segment markup', () => {
	it('escapes text and attributes', () => {
		expect(escapeHtml(`<script>"x" & 'y'</script>`)).toBe(
			'&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;'
		);
		expect(enSegmentHtml([{ term: null, text: '<img src=x onerror=alert(1)>' }])).toBe(
			'&lt;img src=x onerror=alert(1)&gt;'
		);
	});

	it('groups consecutive characters into one <ruby> and leaves punctuation outside', () => {
		expect(
			rubyHtml([
				{ c: '北', p: 'běi' },
				{ c: '仑', p: 'lún' },
				{ c: '，', p: null },
				{ c: '好', p: 'hǎo' }
			])
		).toBe('<ruby>北<rt>běi</rt>仑<rt>lún</rt></ruby>，<ruby>好<rt>hǎo</rt></ruby>');
	});

	it('marks terms as links named by the term without pinyin or quotation marks', () => {
		const html = zhSegmentHtml([
			{
				term: 'kuo-zhong-ti-di',
				chars: [...'扩中”“提低'].map((c) => ({ c, p: /[”“]/.test(c) ? null : 'x' }))
			}
		]);
		expect(html).toContain(
			'<a class="term" href="/glossary/kuo-zhong-ti-di" aria-label="扩中提低">'
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
		expect(segmentsHtml(segs, 'en', notes, (n) => `Note ${n}`)).toBe(
			'<span class="seg" data-seg="p1-1">Good.</span><sup class="note-ref"><a href="#note-p1-1" id="ref-p1-1" aria-label="Note 3">3</a></sup>'
		);
		expect(segmentsHtml(segs, 'zh', notes, (n) => `Note ${n}`)).not.toContain('note-ref');
	});
});
