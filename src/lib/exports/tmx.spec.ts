import { describe, expect, it } from 'vitest';
import { toTmx } from './tmx';
import { article, segmentIds } from './test-fixtures';
import { readTmx } from './test-readers';
import { walkSegments } from '$lib/content/walk';

describe('toTmx', () => {
	const xml = toTmx(article, { tool: { name: 'test-tool', version: '9.9.9' } });
	const tmx = readTmx(xml);

	it('writes a TMX 1.4 header with every required attribute', () => {
		expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">')).toBe(true);
		expect(tmx.version).toBe('1.4');
		expect(tmx.header).toEqual({
			'@_creationtool': 'test-tool',
			'@_creationtoolversion': '9.9.9',
			'@_segtype': 'sentence',
			'@_o-tmf': 'test-tool',
			'@_adminlang': 'en',
			'@_srclang': 'zh-CN',
			'@_datatype': 'plaintext'
		});
	});

	it('writes one <tu> per segment, tuid = segment id, zh-CN then en, texts unchanged', () => {
		expect(tmx.units.map((u) => u.tuid)).toEqual(segmentIds);
		const rows = walkSegments(article);
		tmx.units.forEach((u, i) => {
			const s = rows[i]?.segment;
			expect(u.langs).toEqual(['zh-CN', 'en']);
			expect({ zh: u.zh, en: u.en }).toEqual({ zh: s?.zh, en: s?.en });
		});
	});

	it('labels each unit with its article and block, and carries segment notes in both languages', () => {
		expect(tmx.units.find((u) => u.tuid === 'p1-1')?.props).toEqual({
			'x-article': 'test-article',
			'x-block': 'p1'
		});
		expect(tmx.units.find((u) => u.tuid === 'title')?.props).toEqual({
			'x-article': 'test-article',
			'x-block': 'title'
		});
		expect(tmx.units.find((u) => u.tuid === 'p1-2')?.notes).toEqual([
			{ lang: 'en', text: 'Escaping test: <b>, & and "quotes",\nover two lines.' },
			{ lang: 'zh-CN', text: '转义测试' }
		]);
		expect(tmx.units.find((u) => u.tuid === 'p1-1')?.notes).toEqual([]);
	});

	it('escapes <, >, & and quotes so the text round-trips and no markup leaks', () => {
		expect(xml).toContain('<seg>标记&lt;b&gt;&amp;&quot;&apos;测试</seg>');
		expect(xml).not.toContain('<b>');
		const unit = tmx.units.find((u) => u.tuid === 'p1-2');
		expect(unit?.zh).toBe('标记<b>&"\'测试');
		expect(unit?.en).toBe('Markup <b>&"\' test, with a comma');
	});

	it('puts notes and props before the tuvs, as the spec orders them', () => {
		const tu = xml.slice(
			xml.indexOf('<tu tuid="p1-2">'),
			xml.indexOf('</tu>', xml.indexOf('<tu tuid="p1-2">'))
		);
		expect(tu.indexOf('<note')).toBeLessThan(tu.indexOf('<prop'));
		expect(tu.lastIndexOf('<prop')).toBeLessThan(tu.indexOf('<tuv'));
	});

	it('exports only the given segments (e.g. approved ones, with their reviewed English)', () => {
		const approved = [{ id: 'p1-1', zh: '潮起东海，奔竞不息。', en: 'Reviewed English.' }];
		const units = readTmx(toTmx(article, { segments: approved })).units;
		expect(units).toEqual([
			{
				tuid: 'p1-1',
				langs: ['zh-CN', 'en'],
				zh: '潮起东海，奔竞不息。',
				en: 'Reviewed English.',
				props: { 'x-article': 'test-article', 'x-block': 'p1' },
				notes: []
			}
		]);
	});

	it('writes a valid empty body, the default tool, and creationdate in the TMX form when asked', () => {
		const empty = toTmx(article, { segments: [], createdAt: new Date('2024-03-05T06:07:08.123Z') });
		const parsed = readTmx(empty);
		expect(parsed.units).toEqual([]);
		expect(empty).toContain('<body/>');
		expect(parsed.header).toMatchObject({
			'@_creationtool': 'bilingual-reader',
			'@_creationdate': '20240305T060708Z'
		});
	});
});
