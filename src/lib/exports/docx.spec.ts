import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { CHINESE_FONT, toDocx } from './docx';
import { type ExportState } from './model';
import { checkWellFormed, createParser } from './xml';
import { article, segmentIds } from './test-fixtures';
import { walkSegments } from '$lib/content/walk';

const parser = createParser([]);

/** Unzip a DOCX and return one of its parts (word/document.xml by default). */
async function documentXml(bytes: Uint8Array, part = 'word/document.xml'): Promise<string> {
	const zip = await JSZip.loadAsync(bytes);
	const file = zip.file(part);
	if (!file) throw new Error(`no ${part}`);
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
		// Comments are Word comments, not text in the table.
		expect(text).not.toContain('Check the tense.');
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
		const comments = await documentXml(await toDocx(article, dirty), 'word/comments.xml');
		const inComments = checkWellFormed(comments);
		expect(inComments.ok ? 'well-formed' : inComments.error).toBe('well-formed');
		expect(texts(comments).map(unescape).join('|')).toContain('bad\uFFFD \uFFFD comment');
		expect(comments).toContain('w:author="Li\uFFFD Wei"');
	});

	it('puts review comments in word/comments.xml as Word comments anchored on their segment’s English', async () => {
		const two = new Map<string, ExportState>([
			...states,
			[
				'c1-1',
				{
					status: 'reviewed',
					en: 'The Wind Ring Nest at night',
					comments: [
						{ author: 'Zhang San', date: '2024-05-02T08:30:00.000Z', body: 'Is “Nest” the official name?' },
						{ author: 'Li Wei', date: '2024-05-03T09:00:00.000Z', body: 'Yes: see the\ndistrict’s site.' }
					]
				}
			]
		]);
		const bytes = await toDocx(article, two);
		const comments = parser.parse(await documentXml(bytes, 'word/comments.xml'));
		const list = [comments['w:comments']['w:comment']].flat() as Record<string, unknown>[];
		expect(list.map((c) => [c['@_w:id'], c['@_w:author'], c['@_w:initials']])).toEqual([
			['0', 'Li Wei', 'LW'],
			['1', 'Zhang San', 'ZS'],
			['2', 'Li Wei', 'LW']
		]);
		expect(list[1]?.['@_w:date']).toBe('2024-05-02T08:30:00.000Z');
		const commentXml = await documentXml(bytes, 'word/comments.xml');
		expect(texts(commentXml).map(unescape)).toEqual([
			'Check the tense.',
			'Is “Nest” the official name?',
			'Yes: see the',
			'district’s site.'
		]);
		// In document.xml each comment's range holds exactly its segment's English, in the same paragraph.
		const xml = await documentXml(bytes);
		const anchored = (id: number) => {
			const start = xml.indexOf(`<w:commentRangeStart w:id="${id}"/>`);
			const end = xml.indexOf(`<w:commentRangeEnd w:id="${id}"/>`);
			expect(start, `comment ${id}`).toBeGreaterThan(0);
			expect(end).toBeGreaterThan(start);
			expect(xml.slice(start, end)).not.toContain('</w:p>');
			expect(xml.indexOf(`<w:commentReference w:id="${id}"/>`)).toBeGreaterThan(end);
			return texts(xml.slice(start, end)).map(unescape).join('');
		};
		expect(anchored(0)).toBe('Reviewed English');
		expect(anchored(1)).toBe('The Wind Ring Nest at night');
		expect(anchored(2)).toBe('The Wind Ring Nest at night');
		// Word finds the part: a relationship and a content type.
		const zip = await JSZip.loadAsync(bytes);
		expect(await zip.file('word/_rels/document.xml.rels')?.async('string')).toContain('comments.xml');
		expect(await zip.file('[Content_Types].xml')?.async('string')).toContain('comments+xml');
	});
});
