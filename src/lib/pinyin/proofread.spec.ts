/**
 * The proofread record: for every curated article with a file in content/pinyin-proofread/ (same name as the
 * article file), every segment's Chinese, annotated with the overrides applied, must read exactly as the
 * proofreader recorded it — so a change in pinyin-pro, in the overrides or in the text shows up as a failure
 * naming the segment and the first character that reads differently.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseArticle, parseGlossary, parsePinyinOverrides, segmentsWithPaths } from '$lib/content/validate';
import { installPinyinEngine } from '$lib/server/pinyin';
import { annotatePinyin } from './annotate';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const ARTICLES = 'content/articles';
const PROOFREAD = 'content/pinyin-proofread';
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

/** A proofread record: segment id → space-separated syllables of the segment's Chinese characters. */
function parseRecord(file: string): Map<string, string> {
	const data: unknown = parseYaml(read(file));
	if (typeof data !== 'object' || data === null || Array.isArray(data))
		throw new Error(`${file}: expected a map from segment id to pinyin`);
	const record = new Map<string, string>();
	for (const [id, value] of Object.entries(data)) {
		if (typeof value !== 'string') throw new Error(`${file}: ${id}: the pinyin must be text`);
		record.set(id, value);
	}
	return record;
}

/**
 * Compare the computed readings of `zh` with the recorded syllables; null when they agree, otherwise a message
 * naming the segment and the first character that differs.
 */
function firstDifference(id: string, zh: string, recorded: string): string | null {
	const text = annotatePinyin(zh);
	const chars = text.flatMap((r, at) => (r.p === null ? [] : [{ ...r, at }]));
	const syllables = recorded.split(/\s+/).filter(Boolean);
	const count = `the record has ${syllables.length} syllables for ${chars.length} characters`;
	for (let i = 0; i < Math.max(chars.length, syllables.length); i++) {
		const char = chars[i];
		const want = syllables[i];
		if (char?.p === want) continue;
		if (!char) return `segment ${id}: ${count}`;
		const context = text
			.slice(Math.max(0, char.at - 4), char.at + 5)
			.map((r) => r.c)
			.join('');
		return want === undefined
			? `segment ${id}: ${count} (character ${i + 1} “${char.c}” in …${context}… has none)`
			: `segment ${id}: character ${i + 1} “${char.c}” (in …${context}…) reads ${char.p || '(nothing)'}, the proofread record says ${want}`;
	}
	return null;
}

const overrides = parsePinyinOverrides(
	'content/pinyin-overrides.yaml',
	read('content/pinyin-overrides.yaml')
);

const curated = existsSync(join(ROOT, PROOFREAD))
	? readdirSync(join(ROOT, ARTICLES))
			.filter((name) => name.endsWith('.yaml') && existsSync(join(ROOT, PROOFREAD, name)))
			.sort()
	: [];

describe('proofread pinyin', () => {
	beforeAll(() => {
		const glossaryFile = fileURLToPath(new URL('../../../content/glossary.yaml', import.meta.url));
		installPinyinEngine(
			overrides,
			parseGlossary('content/glossary.yaml', readFileSync(glossaryFile, 'utf8'))
		);
	});

	it('compares what it should', () => {
		expect(firstDifference('x', '增长5.3%', 'zēng zhǎng')).toBeNull();
		expect(firstDifference('x', '增长', 'zēng cháng')).toMatch(
			/^segment x: character 2 “长” .* reads zhǎng, the proofread record says cháng$/
		);
		expect(firstDifference('x', '增长', 'zēng')).toMatch(
			/^segment x: the record has 1 syllables for 2 characters/
		);
		expect(firstDifference('x', '增', 'zēng zhǎng')).toBe(
			'segment x: the record has 2 syllables for 1 characters'
		);
	});

	it('has a record for at least one curated article', () => {
		expect(curated.length).toBeGreaterThan(0);
	});

	describe.each(curated)('%s', (name) => {
		const article = parseArticle(`${ARTICLES}/${name}`, read(`${ARTICLES}/${name}`));
		const record = parseRecord(`${PROOFREAD}/${name}`);
		const segments = segmentsWithPaths(article).map(({ segment }) => segment);

		it.each(segments.map((s) => [s.id, s] as const))('segment %s', (id, segment) => {
			const recorded = record.get(id);
			if (recorded === undefined) return expect.fail(`segment ${id} has not been proofread`);
			const difference = firstDifference(id, segment.zh, recorded);
			if (difference) return expect.fail(difference);
			expect(difference).toBeNull();
		});

		it('records no segment the article does not have', () => {
			const ids = new Set(segments.map((s) => s.id));
			expect([...record.keys()].filter((id) => !ids.has(id))).toEqual([]);
		});
	});
});
