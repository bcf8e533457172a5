import { describe, expect, it } from 'vitest';
import { conceptId, entryIdOf, toTbx, TBX_NAMESPACE } from './tbx';
import { glossary } from './test-fixtures';
import { readTbx } from './test-readers';

describe('toTbx', () => {
	const xml = toTbx(glossary);
	const tbx = readTbx(xml);

	it('declares TBX-Basic in DCA style in the ISO 30042:2019 namespace', () => {
		expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<tbx ')).toBe(true);
		expect(tbx.root).toEqual({ xmlns: TBX_NAMESPACE, type: 'TBX-Basic', style: 'dca', lang: 'en' });
		expect(TBX_NAMESPACE).toBe('urn:iso:std:iso:30042:ed-2');
		expect(xml).toMatch(
			/<tbxHeader>\s*<fileDesc>\s*<titleStmt>\s*<title>[^<]+<\/title>[\s\S]*<sourceDesc>\s*<p>/
		);
	});

	it('writes one conceptEntry per glossary entry that reads back as the same entry', () => {
		expect(tbx.entries).toHaveLength(glossary.length);
		expect(tbx.entries.map(({ conceptId: _, ...entry }) => entry)).toEqual(glossary);
	});

	it('gives ids that are valid XML IDs, reversibly, and cross-references them', () => {
		expect(tbx.entries.map((e) => e.conceptId)).toEqual(['liu-cu-liu-you', '_2-chang']);
		expect(glossary.every((e) => entryIdOf(conceptId(e.id)) === e.id)).toBe(true);
		expect(xml).toContain('<ref type="crossReference" target="_2-chang">2-chang</ref>');
		expect(xml).toContain('<ref type="crossReference" target="liu-cu-liu-you">liu-cu-liu-you</ref>');
	});

	it('marks the term and rendering preferred, aliases and other renderings admitted, avoided ones deprecated', () => {
		const terms = tbx.terms['liu-cu-liu-you'];
		expect(terms?.zh?.map((t) => [t.term, t.status, t.type])).toEqual([
			['六促六优', 'preferredTerm-admn-sts', undefined],
			['六促', 'admittedTerm-admn-sts', 'abbreviation'],
			['六促六优行动', 'admittedTerm-admn-sts', 'variant']
		]);
		expect(terms?.en?.map((t) => [t.term, t.status, t.source])).toEqual([
			['Six Promotions and Six Optimisations', 'preferredTerm-admn-sts', 'working translation'],
			['Six Promotes & Six Optimises', 'admittedTerm-admn-sts', undefined],
			['six promotes and six optimises', 'deprecatedTerm-admn-sts', undefined]
		]);
		expect(tbx.terms['_2-chang']?.zh?.map((t) => [t.term, t.type])).toEqual([
			['两场', 'abbreviation'],
			['市场和现场', 'fullForm']
		]);
	});

	it('puts the pinyin in a zh-Latn-pinyin note, the definition at the English langSec, the category as subjectField', () => {
		expect(xml).toContain('<note xml:lang="zh-Latn-pinyin">liù cù liù yōu</note>');
		expect(xml).toMatch(
			/<langSec xml:lang="en">\s*<descrip type="definition">A Beilun District campaign of &quot;six promotions&quot; &lt;and&gt; six optimisations\.<\/descrip>/
		);
		expect(xml).toContain('<descrip type="subjectField">programme</descrip>');
	});

	it('orders elements as the TBX-Basic schema requires', () => {
		const entry = xml.slice(
			xml.indexOf('<conceptEntry id="liu-cu-liu-you">'),
			xml.indexOf('</conceptEntry>')
		);
		expect(entry.indexOf('<descrip type="subjectField">')).toBeLessThan(entry.indexOf('<langSec'));
		expect(entry.indexOf('<ref ')).toBeLessThan(entry.indexOf('<langSec'));
		const zh = entry.slice(entry.indexOf('<langSec xml:lang="zh">'), entry.indexOf('</termSec>'));
		expect(zh.indexOf('<term>')).toBeLessThan(zh.indexOf('<termNote'));
		expect(zh.lastIndexOf('<termNote')).toBeLessThan(zh.indexOf('<note'));
		const en = entry.slice(entry.indexOf('<langSec xml:lang="en">'));
		expect(en.indexOf('<descrip type="definition">')).toBeLessThan(en.indexOf('<termSec>'));
		expect(en.indexOf('<termNote')).toBeLessThan(en.indexOf('<admin type="source">'));
	});

	it('uses only data categories and values TBX-Basic allows', () => {
		const types = (element: string) =>
			[...xml.matchAll(new RegExp(`<${element} type="([^"]+)"`, 'g'))].map((m) => m[1]);
		expect(new Set(types('descrip'))).toEqual(new Set(['subjectField', 'definition']));
		expect(new Set(types('termNote'))).toEqual(new Set(['administrativeStatus', 'termType']));
		expect(new Set(types('admin'))).toEqual(new Set(['source']));
		expect(new Set(types('ref'))).toEqual(new Set(['crossReference']));
		const values = [...xml.matchAll(/<termNote type="termType">([^<]+)</g)].map((m) => m[1]);
		expect(values.length).toBeGreaterThan(0);
		for (const v of values)
			expect(['fullForm', 'acronym', 'abbreviation', 'shortForm', 'variant', 'phrase']).toContain(v);
	});
});
