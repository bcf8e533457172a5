/**
 * The glossary's pinyin against the proofread readings of the curated articles: wherever an entry's term (not an
 * alias) occurs in a curated article with a proofread record, the entry's word-joined pinyin must spell the same
 * syllables as the record, ignoring word joining, capitals and punctuation. 一 and 不 are compared in their
 * dictionary tones (the glossary writes base tones; the record shows tone sandhi). Terms with digits (the “246”
 * park) are left out: the record has no syllables for digits.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { createChineseMatcher } from '$lib/glossary/matcher';
import { parseArticle, parseGlossary, segmentsWithPaths } from './validate';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const glossary = parseGlossary('content/glossary.yaml', read('content/glossary.yaml'));
const findTerms = createChineseMatcher(glossary);
const entries = new Map(glossary.map((e) => [e.id, e]));

/** Lower case, tone marks kept, without spaces, hyphens, apostrophes, quotation marks and commas. */
const letters = (pinyin: string) => pinyin.normalize('NFC').toLowerCase().replace(/[\s\-'’“”"，,、]/g, '');
/** 一 and 不 in any of the tones tone sandhi gives them, as a pattern. */
const SANDHI: Record<string, string> = { 一: 'y[īíì]', 不: 'b[ùú]' };
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const HAN = /\p{Script=Han}/u;

/** Every occurrence of a glossary term in the proofread articles: entry id, the term, its recorded syllables as a pattern. */
function occurrences() {
	const out: { id: string; term: string; recorded: string; segment: string }[] = [];
	for (const name of readdirSync(join(ROOT, 'content/articles')).filter((n) => n.endsWith('.yaml'))) {
		const recordFile = `content/pinyin-proofread/${name}`;
		if (!existsSync(join(ROOT, recordFile))) continue;
		const record = parseYaml(read(recordFile)) as Record<string, string>;
		const article = parseArticle(name, read(`content/articles/${name}`));
		for (const { segment } of segmentsWithPaths(article)) {
			const chars = [...segment.zh];
			const syllables = (record[segment.id] ?? '').split(/\s+/);
			const at = new Map<number, string>();
			let k = 0;
			chars.forEach((c, i) => {
				if (!HAN.test(c)) return;
				const syllable = syllables[k++] ?? '?';
				at.set(i, SANDHI[c] ?? escape(letters(syllable)));
			});
			for (const m of findTerms(segment.zh)) {
				const entry = entries.get(m.id)!;
				const text = chars.slice(m.start, m.end).join('');
				if (text.replace(/[“”]/g, '') !== entry.term.replace(/[“”]/g, '') || /\d/.test(entry.term)) continue;
				const recorded = chars.map((_, i) => at.get(i) ?? '').slice(m.start, m.end).join('');
				out.push({ id: entry.id, term: entry.term, recorded, segment: segment.id });
			}
		}
	}
	return out;
}

describe('glossary pinyin', () => {
	const found = occurrences();

	it('is checked for the terms of the curated article', () => {
		expect(new Set(found.map((o) => o.id)).size).toBeGreaterThan(100);
	});

	it.each(found.map((o) => [o.term, o.segment, o] as const))('%s (in %s) reads as proofread', (_t, _s, o) => {
		const { id, pinyin } = entries.get(o.id)!;
		expect(letters(pinyin), `${id}: ${pinyin}`).toMatch(new RegExp(`^${o.recorded}$`, 'u'));
	});
});
