import { describe, expect, it } from 'vitest';
import { createAnnotator } from '$lib/content/annotate';
import { JSON_FORMAT, JSON_FORMAT_VERSION, sortKeys, toJson, type ArticleJson } from './json';
import { article, glossary } from './test-fixtures';
import { articleSegments } from '$lib/content/walk';

function keysSorted(value: unknown): boolean {
	if (Array.isArray(value)) return value.every(keysSorted);
	if (value && typeof value === 'object') {
		const keys = Object.keys(value);
		return keys.join('\0') === [...keys].sort().join('\0') && Object.values(value).every(keysSorted);
	}
	return true;
}

/** The same data with every object's keys in reverse order. */
function reverseKeys(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(reverseKeys);
	if (value && typeof value === 'object')
		return Object.fromEntries(
			Object.entries(value)
				.reverse()
				.map(([k, v]) => [k, reverseKeys(v)])
		);
	return value;
}

describe('toJson', () => {
	const annotated = createAnnotator(glossary)(article);
	const json = toJson(annotated, { name: 'test-tool', version: '1.2.3' });
	const doc = JSON.parse(json) as ArticleJson;

	it('wraps the annotated article with a format, its version and the generator', () => {
		expect(Object.keys(doc)).toEqual(['format', 'formatVersion', 'generator', 'article']);
		expect(doc.format).toBe(JSON_FORMAT);
		expect(doc.formatVersion).toBe(JSON_FORMAT_VERSION);
		expect(doc.generator).toEqual({ name: 'test-tool', version: '1.2.3' });
	});

	it('carries the full annotated model: every segment with pinyin and glossary runs', () => {
		expect(doc.article).toEqual(JSON.parse(JSON.stringify(annotated)));
		const segments = articleSegments(doc.article);
		expect(segments.map((s) => s.id)).toEqual(articleSegments(annotated).map((s) => s.id));
		const title = segments[0];
		expect(title?.zhRuns.flatMap((r) => r.chars.map((c) => c.c)).join('')).toBe(article.title.zh);
		expect(title?.terms).toEqual(['liu-cu-liu-you']);
		expect(doc.article.blocks.find((b) => b.type === 'gap')).toEqual({
			type: 'gap',
			id: 'g1',
			note: { en: 'A passage is missing from the source.', zh: '原文缺失' }
		});
	});

	it('sorts keys so the same article always gives the same text', () => {
		expect(keysSorted(doc.article)).toBe(true);
		expect(toJson(reverseKeys(annotated) as typeof annotated, { name: 'test-tool', version: '1.2.3' })).toBe(
			json
		);
		expect(json.endsWith('}\n')).toBe(true);
	});

	it('drops undefined values and keeps array order', () => {
		expect(sortKeys({ b: [3, 1, { d: 1, c: undefined }], a: undefined })).toEqual({ b: [3, 1, { d: 1 }] });
		expect(JSON.stringify(sortKeys({ b: 1, a: { z: 1, y: 2 } }))).toBe('{"a":{"y":2,"z":1},"b":1}');
	});
});
