import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { CHINESE_FONT, toDocx } from './docx';
import { type ExportState } from './model';
import { checkWellFormed, createParser } from './xml';
import { article, segmentIds } from './test-fixtures';
import { walkSegments } from '$lib/content/walk';

const parser = createParser([]);

/** Unzip a DOCX and return word/document.xml. */
async function documentXml(bytes: Uint8Array): Promise<string> {
	const zip = await JSZip.loadAsync(bytes);
	const file = zip.file('word/document.xml');
	if (!file) throw new Error('no word/document.xml');
	return file.async('string');
}

/** The visible text of document.xml: every <w:t>, in order. */
const texts = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1] ?? '');
const unescape = (s: string) =>
	s
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&apos;/g, "'")
		.replace(/&amp;/g, '&');

describe('toDocx', () => {
	const states = new Map<string, ExportState>([
		[
			'p1-1',
			{
				status: 'rejected',
				en: 'Reviewed English',
				comments: [{ author: 'Li Wei', date: '2024-05-01', body: 'Check the tense.' }]
			}
		]
	]);

	it('is a ZIP (OOXML package) with a well-formed document.xml', async () => {
		const bytes = await toDocx(article, states);
		expect(bytes).toBeInstanceOf(Uint8Array);
		expect([...bytes.slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
		const xml = await documentXml(bytes);
		expect(() => parser.parse(xml)).not.toThrow();
		const zip = await JSZip.loadAsync(bytes);
		expect(await zip.file('[Content_Types].xml')?.async('string')).toContain(
			'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml'
		);
	});

	it('has the title, then every segment with its id, Chinese, status and English', async () => {
		const text = texts(await documentXml(await toDocx(article, states))).map(unescape);
		expect(text.slice(0, 2)).toEqual([article.title.zh, article.title.en]);
		for (const { segment } of walkSegments(article)) {
			const at = text.indexOf(segment.id, 2);
			expect(at, segment.id).toBeGreaterThan(1);
			expect(text[at + 1]).toBe(segment.zh);
		}
		const ids = text.filter((t) => segmentIds.includes(t));
		expect(ids).toEqual(segmentIds);
		expect(text).toContain('rejected');
		expect(text).toContain('Reviewed English');
		expect(text).toContain('Check the tense.');
		expect(text.filter((t) => t === 'translated')).toHaveLength(segmentIds.length - 1);
		expect(text).toContain('Source text missing: A passage is missing from the source.');
		const note = text.indexOf('Note: Escaping test: <b>, & and "quotes",');
		expect(text[note + 1]).toBe('over two lines.');
	});

	it('lays the segments out in a two-column table with a repeating header row', async () => {
		const xml = await documentXml(await toDocx(article));
		expect(xml.match(/<w:gridCol /g)).toHaveLength(2);
		expect(xml).toContain('<w:tblHeader/>');
		expect(xml.match(/<w:tr>|<w:tr /g)).toHaveLength(1 + segmentIds.length + 1);
		expect(xml).toContain('<w:gridSpan w:val="2"/>');
		// The two-line note breaks the line instead of carrying a raw newline.
		expect(xml).toMatch(
			/quotes&quot;,<\/w:t>\s*<\/w:r>\s*<w:r>[\s\S]*?<w:br\/>\s*<w:t[^>]*>over two lines\.<\/w:t>/
		);
	});

	it('marks Chinese runs with an East Asian font hint and zh-CN, English runs with en-GB', async () => {
		const xml = await documentXml(await toDocx(article));
		const run = (text: string) => {
			const end = xml.indexOf(`>${text}</w:t>`);
			return xml.slice(xml.lastIndexOf('<w:r>', end), end);
		};
		const zh = run('潮起东海，奔竞不息。');
		expect(zh).toMatch(new RegExp(`<w:rFonts [^>]*w:eastAsia="${CHINESE_FONT}"`));
		expect(zh).toMatch(/<w:rFonts [^>]*w:hint="eastAsia"/);
		expect(zh).toMatch(/<w:lang [^>]*w:val="zh-CN"/);
		expect(zh).toMatch(/<w:lang [^>]*w:eastAsia="zh-CN"/);
		const en = run('The tide rises on the East China Sea, racing on.');
		expect(en).toMatch(/<w:lang [^>]*w:val="en-GB"/);
		expect(en).not.toContain('w:rFonts');
	});

	it('stays well-formed XML with control characters in targets and comments (vertical tab breaks the line)', async () => {
		const dirty = new Map<string, ExportState>([
			[
				'p1-1',
				{
					status: 'translated',
					en: 'one\u000Btwo\u0001three\u000Cfour\uFFFEfive',
					comments: [{ author: 'Li\u0002 Wei', date: '2024-05-01', body: 'bad\u0008 \uFFFF comment' }]
				}
			]
		]);
		const xml = await documentXml(await toDocx(article, dirty));
		// The same strict check the XLIFF import uses: raw or referenced characters XML forbids fail it.
		const checked = checkWellFormed(xml);
		expect(checked.ok ? 'well-formed' : checked.error).toBe('well-formed');
		const visible = texts(xml).map(unescape);
		expect(visible).toEqual(expect.arrayContaining(['one', 'two\uFFFDthree', 'four\uFFFDfive']));
		expect(visible.join('|')).toContain('bad\uFFFD \uFFFD comment');
	});
});
