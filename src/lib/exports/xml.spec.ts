import { describe, expect, it } from 'vitest';
import { attr, buildXml, checkWellFormed, children, createParser, textOf } from './xml';

describe('XML writing and reading', () => {
	it('escapes text and attribute values and reads them back unchanged', () => {
		const nasty = `<b>&"' ]]> &amp; 中文`;
		const xml = buildXml({ root: { '@_a': nasty, child: { '@_xml:lang': 'zh-CN', '#text': nasty } } });
		expect(xml).toBe(
			'<?xml version="1.0" encoding="UTF-8"?>\n' +
				'<root a="&lt;b&gt;&amp;&quot;&apos; ]]&gt; &amp;amp; 中文">\n' +
				'  <child xml:lang="zh-CN">&lt;b&gt;&amp;&quot;&apos; ]]&gt; &amp;amp; 中文</child>\n' +
				'</root>\n'
		);
		const checked = checkWellFormed(xml);
		expect(checked.ok).toBe(true);
		const root = (createParser([]).parse(xml) as { root: Record<string, unknown> }).root;
		expect(attr(root, 'a')).toBe(nasty);
		expect(textOf(children(root, 'child')[0])).toEqual({ text: nasty });
		expect(attr(children(root, 'child')[0], 'xml:lang')).toBe('zh-CN');
	});

	it('reports where a document is not well-formed', () => {
		expect(checkWellFormed('<a>\n  <b>\n</a>')).toEqual({
			ok: false,
			error:
				"Not well-formed XML (line 3, column 1): Expected closing tag 'b' (opened in line 2, col 3) instead of closing tag 'a'."
		});
		expect(checkWellFormed('  \n')).toEqual({ ok: false, error: 'The file is empty.' });
		for (const twoRoots of ['<a/><b/>', '<a></a>\n<b/>']) {
			expect(checkWellFormed(twoRoots)).toEqual({
				ok: false,
				error: 'Not well-formed XML: a document has one root element, this one has 2.'
			});
		}
		expect(checkWellFormed('<a>\n\u0001</a>')).toEqual({
			ok: false,
			error: 'Not well-formed XML (line 2): character U+0001 is not allowed.'
		});
		expect(checkWellFormed('<a>&#0;</a>')).toEqual({
			ok: false,
			error: 'Not well-formed XML (line 1): &#0; is not a valid character.'
		});
		expect(checkWellFormed('<a>&#xD800;&#x110000;</a>')).toMatchObject({ ok: false });
		expect(checkWellFormed('<a>&#x1F600;&#9;</a>')).toMatchObject({ ok: true });
	});

	it('strips a byte-order mark and allows entity-like text in comments and CDATA', () => {
		expect(checkWellFormed('\uFEFF<a><!-- &nbsp; --><![CDATA[&copy;]]>&#x4E2D;&amp;</a>')).toEqual({
			ok: true,
			xml: '<a><!-- &nbsp; --><![CDATA[&copy;]]>&#x4E2D;&amp;</a>'
		});
		expect(checkWellFormed('<a>\n&copy;</a>')).toEqual({
			ok: false,
			error: 'Not well-formed XML (line 2): undefined entity &copy;'
		});
	});

	it('writes characters XML forbids as U+FFFD instead of breaking the file', () => {
		const xml = buildXml({ a: { '@_b': 'x\u0007y', '#text': 'bell\u0007 and tab\t' } });
		expect(xml).toContain('<a b="x\uFFFDy">bell\uFFFD and tab\t</a>');
		expect(checkWellFormed(xml).ok).toBe(true);
	});

	it('decodes character references', () => {
		const parsed = createParser([]).parse('<a t="&#x4E2D;">&#20013;&amp;#20013;</a>') as {
			a: Record<string, unknown>;
		};
		expect(attr(parsed.a, 't')).toBe('中');
		expect(textOf(parsed.a)).toEqual({ text: '中&#20013;' });
	});

	it('reports inline elements instead of flattening them', () => {
		const parsed = createParser([]).parse('<t>a<ph id="1"/>b</t>') as { t: Record<string, unknown> };
		expect(textOf(parsed.t)).toEqual({ markup: 'ph' });
	});
});
