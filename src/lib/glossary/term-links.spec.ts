import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseGlossary } from '$lib/content/validate';
import { entryHref, shortKey, termLinks } from './term-links';

describe('term links', () => {
	it('hashes an id to three characters of 0-9 and a-z, the same every time', () => {
		expect(shortKey('liu-cu-liu-you')).toBe('jmh');
		expect(shortKey('bei-lun')).toBe('489');
		expect(shortKey('mu')).toMatch(/^[0-9a-z]{3}$/);
		expect(shortKey('mu')).toBe(shortKey('mu'));
	});

	it('links a term to /g/<key>, and finds the entry from its key', () => {
		const links = termLinks(['bei-lun', 'liu-cu-liu-you']);
		expect(links.href('liu-cu-liu-you')).toBe('/g/jmh');
		expect(links.entryOf('jmh')).toBe('liu-cu-liu-you');
		expect(links.entryOf('zzz')).toBeUndefined();
	});

	it('gives a shared key to the entry that came first; the later one links to its readable address', () => {
		expect(shortKey('term-679')).toBe(shortKey('term-1470'));
		const links = termLinks(['term-679', 'term-1470']);
		expect(links.href('term-679')).toBe('/g/roc');
		expect(links.href('term-1470')).toBe(entryHref('term-1470'));
		expect(links.entryOf('roc')).toBe('term-679');
		// An entry added later never takes a key from an existing one.
		expect(termLinks(['term-1470', 'term-679']).entryOf('roc')).toBe('term-1470');
	});

	it('leads every link of the curated glossary back to its own entry', () => {
		const glossary = parseGlossary(
			'content/glossary.yaml',
			readFileSync(new URL('../../../content/glossary.yaml', import.meta.url), 'utf8')
		);
		const links = termLinks(glossary.map((e) => e.id));
		for (const e of glossary) {
			const href = links.href(e.id);
			expect(href.startsWith('/g/') ? links.entryOf(href.slice(3)) : href).toBe(
				href.startsWith('/g/') ? e.id : entryHref(e.id)
			);
		}
	});
});
