/**
 * One test per proofread correction in content/pinyin-overrides.yaml: with the overrides registered, the example
 * text reads `pinyin` on the characters of `word`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseGlossary, parsePinyinOverrides } from '$lib/content/validate';
import { installPinyinEngine } from '$lib/server/pinyin';
import { annotatePinyin } from './annotate';

const FILE = 'content/pinyin-overrides.yaml';
const overrides = parsePinyinOverrides(
	FILE,
	readFileSync(fileURLToPath(new URL('../../../content/pinyin-overrides.yaml', import.meta.url)), 'utf8')
);

/** Readings of the characters of `word` where it first occurs in `text` (indices are code points). */
function readingsOf(text: string, word: string): (string | null)[] {
	const chars = [...text];
	const wordChars = [...word];
	const at = chars.findIndex((_, i) => chars.slice(i, i + wordChars.length).join('') === word);
	if (at < 0) throw new Error(`"${word}" does not occur in "${text}"`);
	return annotatePinyin(text)
		.slice(at, at + wordChars.length)
		.map((r) => r.p);
}

describe(FILE, () => {
	beforeAll(() => {
		const glossaryFile = fileURLToPath(new URL('../../../content/glossary.yaml', import.meta.url));
		installPinyinEngine(
			overrides,
			parseGlossary('content/glossary.yaml', readFileSync(glossaryFile, 'utf8'))
		);
	});

	it('holds corrections, each word listed once', () => {
		expect(overrides.length).toBeGreaterThan(0);
		const words = overrides.map((o) => o.word);
		expect(new Set(words).size).toBe(words.length);
	});

	it.each(overrides.map((o) => [o.word, o.pinyin, o] as const))('%s reads %s in its example', (_w, _p, o) => {
		expect(readingsOf(o.example, o.word).join(' ')).toBe(o.pinyin.split(/\s+/).join(' '));
	});
});
