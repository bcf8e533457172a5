import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { ContentError, parseArticle, parseGlossary, parsePinyinOverrides } from './validate';

const ARTICLE = 'content/articles/beilun-liucu-liuyou.yaml';
const GLOSSARY = 'content/glossary.yaml';
const read = (file: string) => readFileSync(new URL(`../../../${file}`, import.meta.url), 'utf8');

/** Edit the real file as a translator might, then validate it. */
function problemsAfter(file: string, parse: (f: string, s: string) => unknown, edit: (doc: ReturnType<typeof parseDocument>) => void) {
	const doc = parseDocument(read(file));
	edit(doc);
	try {
		parse(file, doc.toString());
	} catch (e) {
		if (e instanceof ContentError) return e.problems;
		throw e;
	}
	return [];
}

describe('content validation names the file and the field', () => {
	it('accepts the real article and glossary', () => {
		expect(parseArticle(ARTICLE, read(ARTICLE)).slug).toBe('beilun-liucu-liuyou');
		expect(parseGlossary(GLOSSARY, read(GLOSSARY)).length).toBeGreaterThan(0);
	});

	it('has glossary entries that name the Beilun report, never “the article”, which would mean the text being read', () => {
		const saysTheArticle = parseGlossary(GLOSSARY, read(GLOSSARY)).filter((entry) =>
			/\b(?:the|this) article\b/i.test(JSON.stringify(entry))
		);
		expect(saysTheArticle.map((entry) => entry.id)).toEqual([]);
	});

	it('reports a missing translation', () => {
		const problems = problemsAfter(ARTICLE, parseArticle, (doc) => doc.setIn(['blocks', 1, 'segments', 0, 'en'], ''));
		expect(problems).toEqual([`${ARTICLE}: blocks[1].segments[0].en: en is missing or empty`]);
	});

	it('reports a translation field that is absent', () => {
		const problems = problemsAfter(ARTICLE, parseArticle, (doc) => doc.deleteIn(['blocks', 1, 'segments', 0, 'en']));
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatch(new RegExp(`^${ARTICLE}: blocks\\[1\\]\\.segments\\[0\\]\\.en: `));
	});

	it('reports Chinese left in an English field', () => {
		const problems = problemsAfter(ARTICLE, parseArticle, (doc) =>
			doc.setIn(['blocks', 1, 'segments', 0, 'en'], 'Beilun 北仑 grew fast.')
		);
		expect(problems).toEqual([
			`${ARTICLE}: blocks[1].segments[0].en: en contains Chinese characters; English fields hold English only`
		]);
	});

	it('reports a duplicate segment id with where it was first used', () => {
		const problems = problemsAfter(ARTICLE, parseArticle, (doc) => {
			const first = doc.getIn(['blocks', 1, 'segments', 0, 'id']);
			doc.setIn(['blocks', 2, 'segments', 0, 'id'], first);
		});
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatch(/^content\/articles\/beilun-liucu-liuyou\.yaml: blocks\[2\]\.segments\[0\]\.id: duplicate id ".+" \(first used at blocks\[1\]\.segments\[0\]\)$/);
	});

	it('reports an unknown block type', () => {
		const problems = problemsAfter(ARTICLE, parseArticle, (doc) => doc.setIn(['blocks', 0, 'type'], 'image'));
		expect(problems).toEqual([`${ARTICLE}: blocks[0].type: block type must be heading, paragraph, caption, note or gap`]);
	});

	it('reports broken YAML with its position', () => {
		expect(() => parseArticle(ARTICLE, 'slug: [unclosed')).toThrow(/content\/articles\/beilun-liucu-liuyou\.yaml: not valid YAML/);
	});

	it('reports an unknown glossary reference', () => {
		const problems = problemsAfter(GLOSSARY, parseGlossary, (doc) => doc.setIn([0, 'related'], ['no-such-term']));
		expect(problems).toEqual([`${GLOSSARY}: [0].related[0]: unknown glossary reference "no-such-term"`]);
	});

	it('reports a glossary form claimed by two entries', () => {
		const problems = problemsAfter(GLOSSARY, parseGlossary, (doc) => {
			const term = String(doc.getIn([0, 'term']));
			doc.setIn([1, 'aliases'], [term]);
		});
		expect(problems.some((p) => p.startsWith(`${GLOSSARY}: [1].term: `) && p.includes('is already a term or alias'))).toBe(true);
	});

	it('reports a rendering that an entry both uses and avoids', () => {
		const problems = problemsAfter(GLOSSARY, parseGlossary, (doc) => {
			const rendering = String(doc.getIn([0, 'rendering', 'en']));
			doc.setIn([0, 'avoid'], ['something else', rendering.toUpperCase()]);
		});
		expect(problems).toEqual([
			expect.stringMatching(/^content\/glossary\.yaml: \[0\]\.avoid\[1\]: ".+" is also given as a rendering to use$/)
		]);
	});

	it('reports a byline or photo credit without its segment id', () => {
		const problems = problemsAfter(ARTICLE, parseArticle, (doc) => doc.deleteIn(['byline', 'id']));
		expect(problems).toEqual([expect.stringMatching(/^content\/articles\/beilun-liucu-liuyou\.yaml: byline\.id: /)]);
	});

	it('reports a photo credit that reuses a segment id', () => {
		const problems = problemsAfter(ARTICLE, parseArticle, (doc) => {
			const caption = (doc.get('blocks') as { items: unknown[] }).items.findIndex(
				(b) => (b as { get: (k: string) => unknown }).get('type') === 'caption'
			);
			doc.setIn(['blocks', caption, 'credit', 'id'], 'p1-1');
		});
		expect(problems).toEqual([expect.stringMatching(/credit\.id: duplicate id "p1-1" \(first used at blocks\[\d+\]\.segments\[0\]\)$/)]);
	});

	it('reports a pinyin override whose syllables do not match its characters', () => {
		expect(() =>
			parsePinyinOverrides('content/pinyin-overrides.yaml', '- { word: 重构, pinyin: chóng, example: 梳理重构全区, reason: test }')
		).toThrow('content/pinyin-overrides.yaml: [0].pinyin: 1 syllables for the 2 characters of "重构"');
	});
});
