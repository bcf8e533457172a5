import { describe, expect, it } from 'vitest';
import { parseXliff, reviewStatus, toXliff, xliffState, XLIFF_NAMESPACE, REVIEW_NAMESPACE } from './xliff';
import type { ExportState } from './model';
import { REVIEW_STATUSES } from '$lib/review/status';
import { attr, children, createParser, textOf, type Parsed } from './xml';
import { article, segmentIds } from './test-fixtures';
import { walkSegments } from '$lib/content/walk';

const parser = createParser(['file', 'unit', 'segment', 'note']);

function readUnits(xml: string) {
	const doc = parser.parse(xml) as { xliff: Parsed };
	const file = children(doc.xliff, 'file')[0];
	return {
		root: doc.xliff,
		file,
		units: children(file, 'unit').map((u) => {
			const seg = children(u, 'segment')[0];
			const source = textOf(children(seg, 'source')[0]);
			const target = children(seg, 'target').length ? textOf(children(seg, 'target')[0]) : undefined;
			return {
				id: attr(u, 'id'),
				state: attr(seg, 'state'),
				subState: attr(seg, 'subState'),
				source: 'text' in source ? source.text : null,
				target: target && 'text' in target ? target.text : null,
				notes: children(children(u, 'notes')[0], 'note').map((n) => ({
					category: attr(n, 'category'),
					author: attr(n, 'review:author'),
					date: attr(n, 'review:date'),
					text: (textOf(n) as { text: string }).text
				}))
			};
		})
	};
}

const identity = walkSegments(article).map(({ segment }) => ({
	segmentId: segment.id,
	en: segment.en,
	status: 'translated'
}));

describe('status ↔ XLIFF state', () => {
	it('maps draft→initial, translated, reviewed, approved→final, rejected→initial + x-review:rejected', () => {
		expect(REVIEW_STATUSES.map(xliffState)).toEqual([
			{ state: 'initial' },
			{ state: 'translated' },
			{ state: 'reviewed' },
			{ state: 'final' },
			{ state: 'initial', subState: 'x-review:rejected' }
		]);
	});

	it('maps every state back, a missing state as initial, and an undefined one to nothing', () => {
		for (const s of REVIEW_STATUSES)
			expect(reviewStatus(xliffState(s).state, xliffState(s).subState)).toBe(s);
		expect(reviewStatus(undefined)).toBe('draft');
		expect(reviewStatus('initial', 'other:thing')).toBe('draft');
		expect(reviewStatus('signed-off')).toBeUndefined();
	});

	it('writes subState as prefix:value, as the spec requires', () => {
		expect(xliffState('rejected').subState).toMatch(/^[^:\s]+:[^:\s]+$/);
	});
});

describe('toXliff', () => {
	const states = new Map<string, ExportState>([
		['title', { status: 'approved', en: 'Approved title', comments: [] }],
		['h1-1', { status: 'draft', en: 'Draft heading', comments: [] }],
		['p1-1', { status: 'reviewed', en: 'Reviewed <text> & "more"', comments: [] }],
		[
			'p1-2',
			{
				status: 'rejected',
				en: 'Rejected attempt',
				comments: [
					{ author: 'Li Wei', date: '2024-05-01T10:00:00Z', body: 'Keep the <b> & "quotes".' },
					{ author: 'Ann', date: '2024-05-02T09:30:00Z', body: 'Agreed.' }
				]
			}
		]
	]);
	const xml = toXliff(article, states);
	const { root, file, units } = readUnits(xml);

	it('declares XLIFF 2.1 in the 2.0 namespace with zh-CN → en, and one <file id="slug">', () => {
		expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<xliff ')).toBe(true);
		expect([
			attr(root, 'xmlns'),
			attr(root, 'version'),
			attr(root, 'srcLang'),
			attr(root, 'trgLang')
		]).toEqual([XLIFF_NAMESPACE, '2.1', 'zh-CN', 'en']);
		expect(attr(root, 'xmlns:review')).toBe(REVIEW_NAMESPACE);
		expect(children(root, 'file')).toHaveLength(1);
		expect([attr(file, 'id'), attr(file, 'canResegment')]).toEqual(['test-article', 'no']);
	});

	it('writes one unit per segment with source and target text unchanged', () => {
		expect(units.map((u) => u.id)).toEqual(segmentIds);
		expect(units.map((u) => u.source)).toEqual(walkSegments(article).map((r) => r.segment.zh));
		expect(units.find((u) => u.id === 'p1-2')?.source).toBe('标记<b>&"\'测试');
		expect(units.find((u) => u.id === 'p1-1')?.target).toBe('Reviewed <text> & "more"');
		expect(units.find((u) => u.id === 'c1-1')?.target).toBe('The Wind Ring Nest by night');
	});

	it('writes each status as state (and subState for rejected)', () => {
		const byId = Object.fromEntries(units.map((u) => [u.id, [u.state, u.subState]]));
		expect(byId).toMatchObject({
			title: ['final', undefined],
			'h1-1': ['initial', undefined],
			'p1-1': ['reviewed', undefined],
			'p1-2': ['initial', 'x-review:rejected'],
			'c1-1': ['translated', undefined]
		});
	});

	it('writes translator notes and comments (with author and date) as notes before the segment', () => {
		expect(units.find((u) => u.id === 'p1-2')?.notes).toEqual([
			{
				category: 'translator-note',
				author: undefined,
				date: undefined,
				text: 'Escaping test: <b>, & and "quotes",\nover two lines.'
			},
			{ category: 'translator-note', author: undefined, date: undefined, text: '转义测试' },
			{
				category: 'comment',
				author: 'Li Wei',
				date: '2024-05-01T10:00:00Z',
				text: 'Keep the <b> & "quotes".'
			},
			{ category: 'comment', author: 'Ann', date: '2024-05-02T09:30:00Z', text: 'Agreed.' }
		]);
		expect(units.find((u) => u.id === 'c1-1')?.notes).toEqual([]);
		const unit = xml.slice(xml.indexOf('<unit id="p1-2">'));
		expect(unit.indexOf('<notes>')).toBeLessThan(unit.indexOf('<segment'));
		expect(unit.indexOf('<source>')).toBeLessThan(unit.indexOf('<target>'));
	});

	it('writes no target, and state initial, for a segment with no English yet', () => {
		const empty = toXliff(article, new Map([['p1-1', { status: 'reviewed', en: '', comments: [] }]]));
		const unit = readUnits(empty).units.find((u) => u.id === 'p1-1');
		expect([unit?.state, unit?.target]).toEqual(['initial', null]);
	});
});

describe('parseXliff', () => {
	const exported = toXliff(article);
	const errorsOf = (xml: string) => {
		const r = parseXliff(xml, article);
		return r.ok ? [] : r.errors;
	};

	it('reads an untouched export back as identity updates', () => {
		expect(parseXliff(exported, article)).toEqual({ ok: true, updates: identity });
	});

	it('round-trips every status and reviewed English, in article order', () => {
		const states = new Map<string, ExportState>(
			segmentIds.map((id, i) => [
				id,
				{
					status: REVIEW_STATUSES[i % REVIEW_STATUSES.length] ?? 'draft',
					en: `English <${i}> & "${id}"`,
					comments: []
				}
			])
		);
		const result = parseXliff(toXliff(article, states), article);
		expect(result).toEqual({
			ok: true,
			updates: segmentIds.map((id) => ({
				segmentId: id,
				en: states.get(id)?.en,
				status: states.get(id)?.status
			}))
		});
	});

	it('accepts a BOM, character references, units in groups, CRLF and reflowed source whitespace', () => {
		const edited = `\uFEFF${exported}`
			.replace('The tide rises on the East China Sea, racing on.', 'Tide &#x26; sea &#8212; on.')
			.replace('<unit id="c1-1">', '<group id="g-c1"><unit id="c1-1">')
			.replace(/(<unit id="c1-1">[\s\S]*?<\/unit>)/, '$1</group>')
			.replace('<source>潮起东海</source>', '<source>\n  潮起东海\n</source>')
			.replace(/\n/g, '\r\n');
		const result = parseXliff(edited, article);
		expect(result.ok).toBe(true);
		if (result.ok) {
			expect(result.updates.map((u) => u.segmentId)).toEqual(segmentIds);
			expect(result.updates.find((u) => u.segmentId === 'p1-1')?.en).toBe('Tide & sea — on.');
		}
	});

	it('reports XML that is not well-formed with its line number', () => {
		const broken = exported.replace('</target>', '</targte>');
		const line = broken.slice(0, broken.indexOf('</targte>')).split('\n').length;
		const errors = errorsOf(broken);
		expect(errors).toHaveLength(1);
		expect(errors[0]).toMatch(new RegExp(`^Not well-formed XML \\(line ${line}, column \\d+\\): `));
		expect(errorsOf('')).toEqual(['The file is empty.']);
	});

	it('refuses DOCTYPEs and undefined entities', () => {
		const doctype = exported.replace('<xliff ', '<!DOCTYPE xliff [<!ENTITY x "boom">]>\n<xliff ');
		expect(errorsOf(doctype)[0]).toMatch(/^Not accepted \(line 2\): the file declares a DOCTYPE/);
		const entity = exported.replace('racing on.', 'racing&nbsp;on.');
		expect(errorsOf(entity)[0]).toMatch(/^Not well-formed XML \(line \d+\): undefined entity &nbsp;$/);
	});

	it('checks the root, version and namespace', () => {
		expect(errorsOf('<tmx version="1.4"><header/><body/></tmx>')).toEqual([
			'Not an XLIFF file: the root element is <tmx>, expected <xliff>.'
		]);
		expect(errorsOf('<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"/>')).toEqual([
			'XLIFF 1.2 is not supported; export the file as XLIFF 2.'
		]);
		expect(errorsOf(exported.replace('version="2.1"', 'version="3.0"'))).toEqual([
			'Unsupported XLIFF version "3.0"; expected 2.0, 2.1 or 2.2.'
		]);
		expect(errorsOf(exported.replace(`xmlns="${XLIFF_NAMESPACE}"`, 'xmlns="urn:example"'))).toEqual([
			`Not an XLIFF 2.1 file: its namespace is "urn:example", expected "${XLIFF_NAMESPACE}".`
		]);
		expect(parseXliff(exported.replace('version="2.1"', 'version="2.0"'), article).ok).toBe(true);
	});

	it('checks the languages', () => {
		const languages = exported
			.replace('srcLang="zh-CN"', 'srcLang="en"')
			.replace('trgLang="en"', 'trgLang="fr"');
		expect(errorsOf(languages)).toEqual([
			'The source language is "en", expected Chinese (zh-CN).',
			'The target language is "fr", expected English (en).'
		]);
	});

	it('refuses a file made for another article', () => {
		expect(errorsOf(exported.replace('<file id="test-article"', '<file id="other-article"'))).toEqual([
			'This file is for article "other-article", not "test-article".'
		]);
	});

	it('names unknown, duplicated, changed, missing, split and marked-up units, and rejects the whole file', () => {
		const tampered = exported
			.replace('<unit id="n1-1">', '<unit id="p99-1">')
			.replace('<source>潮起东海，奔竞不息。</source>', '<source>潮起东海。</source>')
			.replace(/(<unit id="h1-1">[\s\S]*?)<target>The tide rises<\/target>/, '$1')
			.replace(
				'<target>Beilun and the &quot;Six Promotions&quot;</target>',
				'<target>Beilun <pc id="1">and</pc></target>'
			)
			.replace(
				/<segment state="translated">\s*<source>作表率、勇争先<\/source>/,
				'<segment><source>作表率、</source><target>Setting</target></segment><segment><source>勇争先</source>'
			)
			.replace(
				'<unit id="c1-1">',
				'<unit id="c1-1"><segment state="signed-off"><source>“风环巢”夜景</source><target>x</target></segment></unit>' +
					'<unit id="c1-1">'
			);
		const result = parseXliff(tampered, article);
		expect(result).toEqual({
			ok: false,
			errors: [
				'target of title contains inline markup (<pc>); plain text is expected',
				'subtitle was split into 2 segments; keep one segment per unit',
				'target of h1-1 is missing',
				'source of p1-1 was changed',
				'c1-1 has an unknown state "signed-off"',
				'segment c1-1 appears more than once',
				'unknown segment id p99-1'
			]
		});
	});

	it('rejects everything when a single unit is wrong (all or nothing)', () => {
		const result = parseXliff(exported.replace('<unit id="n1-1">', '<unit id="p99-1">'), article);
		expect(result).toEqual({ ok: false, errors: ['unknown segment id p99-1'] });
	});

	it('refuses an empty target and a file with no units', () => {
		expect(errorsOf(exported.replace('<target>The tide rises</target>', '<target></target>'))).toEqual([
			'target of h1-1 is missing'
		]);
		expect(errorsOf(exported.replace(/<unit [\s\S]*<\/unit>/, ''))).toEqual(['The file contains no units.']);
	});

	it('refuses prototype-named elements and very deep nesting with a message, never a throw', () => {
		for (const name of ['__proto__', 'constructor', 'prototype', 'x:constructor']) {
			const xml = exported.replace('</file>', `<${name}><polluted>yes</polluted></${name}></file>`);
			const errors = errorsOf(xml);
			expect(errors).toHaveLength(1);
			expect(errors[0]).toMatch(
				new RegExp(`^Not well-formed XML \\(line \\d+\\): an element may not be named <${name}>\\.$`)
			);
		}
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		const deep = exported.replace('</file>', `${'<x>'.repeat(20_000)}${'</x>'.repeat(20_000)}</file>`);
		expect(errorsOf(deep)).toEqual([
			expect.stringMatching(
				/^Not well-formed XML \(line \d+\): elements are nested more than 100 levels deep\.$/
			)
		]);
		// Attributes of those names are harmless text, and comments or CDATA holding such tags are not tags.
		const harmless = exported
			.replace('<file ', '<file __proto__="x" ')
			.replace('</file>', '<!-- <__proto__> --></file>');
		expect(parseXliff(harmless, article)).toEqual({ ok: true, updates: identity });
	});

	it('refuses a target longer than the limit, naming the unit and the limit', () => {
		const long = exported.replace(
			/(<unit id="title">[\s\S]*?<target>)[^<]*(<\/target>)/,
			`$1${'a'.repeat(20_001)}$2`
		);
		expect(long).not.toBe(exported);
		expect(parseXliff(long, article, { maxTargetLength: 20_000 })).toEqual({
			ok: false,
			errors: ['target of title is 20,001 characters long; at most 20,000 are accepted']
		});
	});

	it('lists the first 50 problems and counts the rest', () => {
		const units = Array.from(
			{ length: 120_000 },
			(_, i) => `<unit id="zz${i}"><segment><source>x</source><target>y</target></segment></unit>`
		).join('');
		const result = parseXliff(exported.replace('</file>', `${units}</file>`), article);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors).toHaveLength(51);
		expect(result.errors[0]).toBe('unknown segment id zz0');
		expect(result.errors[50]).toBe('…and 119,950 more');
		expect(JSON.stringify(result.errors).length).toBeLessThan(5_000);
	}, 30_000);

	it('keeps leading and trailing whitespace of a target, so an unchanged export reads back unchanged', () => {
		const states = new Map<string, ExportState>([
			['p1-1', { status: 'reviewed', en: '  Spaced English, with a line break\n', comments: [] }]
		]);
		const result = parseXliff(toXliff(article, states), article);
		expect(result.ok && result.updates.find((u) => u.segmentId === 'p1-1')).toEqual({
			segmentId: 'p1-1',
			en: '  Spaced English, with a line break\n',
			status: 'reviewed'
		});
	});
});

describe('review versions in XLIFF', () => {
	it('each unit carries its version as review:version (units take attributes of other namespaces), read back on import', () => {
		const xml = toXliff(article, undefined, { versions: new Map([['h1-1', 3]]) });
		expect(xml).toContain('<unit id="h1-1" review:version="3">');
		expect(xml).toContain('<unit id="title" review:version="0">');
		const parsed = parseXliff(xml, article);
		expect(parsed.ok && parsed.updates.find((u) => u.segmentId === 'h1-1')?.baseVersion).toBe(3);
		// Whatever prefix a tool binds to the namespace.
		const renamed = parseXliff(
			xml.replaceAll(' review:', ' rv:').replace('xmlns:review=', 'xmlns:rv='),
			article
		);
		expect(renamed.ok && renamed.updates[0]?.baseVersion).toBe(0);
	});

	it('a file without versions has none; a garbled version is refused', () => {
		const parsed = parseXliff(toXliff(article), article);
		expect(parsed.ok && parsed.updates.every((u) => u.baseVersion === undefined)).toBe(true);
		const xml = toXliff(article, undefined, { versions: new Map() }).replace(
			'review:version="0"',
			'review:version="-1"'
		);
		expect(parseXliff(xml, article)).toEqual({
			ok: false,
			errors: ['title has an invalid review version "-1"']
		});
	});
});
