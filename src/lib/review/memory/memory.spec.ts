import { describe, expect, it } from 'vitest';
import { getArticle } from '$lib/server/content/store';
import { walkSegments } from '$lib/content/walk';
import {
	MemoryIndex,
	chineseDiff,
	concordance,
	markQuery,
	matchPercent,
	similarity,
	type MemoryEntry
} from './index';

const article = (await getArticle('beilun-liucu-liuyou'))!;
const segments = walkSegments(article).map((p) => p.segment);
const entries: MemoryEntry<string>[] = segments.map((s) => ({ zh: s.zh, en: s.en, origin: s.id }));
const long = segments.find((s) => s.zh.length > 30)!;

/** The text with the character at `at` replaced. */
const change = (text: string, at: number, by = '某') => text.slice(0, at) + by + text.slice(at + 1);

describe('fuzzy similarity (1 − Levenshtein / longer length)', () => {
	it('is 1 for identical text and falls with each edit', () => {
		expect(similarity('扩中提低', '扩中提低')).toBe(1);
		expect(similarity('扩中提低', '扩中提高')).toBe(0.75);
		expect(similarity('abc', '')).toBe(0);
	});
	it('shows 100% only for identical text', () => {
		expect(matchPercent(1)).toBe(100);
		expect(matchPercent(0.999)).toBe(99);
		expect(matchPercent(0.755)).toBe(75);
	});
});

describe('the memory index', () => {
	const index = new MemoryIndex(entries);

	it('finds the sentence a changed copy came from, with its score, best first', () => {
		const hits = index.lookup(change(long.zh, 5));
		expect(hits[0]?.entry.origin).toBe(long.id);
		expect(hits[0]?.score).toBeCloseTo(1 - 1 / long.zh.length);
		for (const h of hits) expect(h.score).toBeGreaterThanOrEqual(0.7);
	});

	it('finds an exact match at 1 and can skip an entry (the segment itself)', () => {
		expect(index.lookup(long.zh)[0]).toMatchObject({ score: 1, entry: { origin: long.id } });
		const skipped = index.lookup(long.zh, { skip: (e) => e.origin === long.id });
		expect(skipped.map((h) => h.entry.origin)).not.toContain(long.id);
	});

	it('offers nothing below the threshold, and at most the limit', () => {
		expect(index.lookup('完全无关的一句话，没有任何共同之处吗？')).toEqual([]);
		const many = new MemoryIndex(
			['扩中提低一', '扩中提低二', '扩中提低三', '扩中提低四'].map((zh) => ({ zh, en: zh, origin: zh }))
		);
		expect(many.lookup('扩中提低五')).toHaveLength(3);
		expect(many.lookup('扩中提低五', { limit: 1 })).toHaveLength(1);
	});

	it('finds every entry a full scan finds, edits right at the threshold included', () => {
		// Random edits (substitutions, insertions, deletions) of short texts over a wide alphabet, so each query
		// has few candidates: the lookup's length window and bigram bound must never drop a true match.
		let seed = 7;
		const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) as number;
		const char = () => String.fromCodePoint(0x4e00 + Math.floor(next() * 400));
		const text = (n: number) => Array.from({ length: n }, char).join('');
		const edit = (t: string, edits: number) => {
			const chs = [...t];
			for (let e = 0; e < edits; e++) {
				const at = Math.floor(next() * (chs.length + 1));
				const kind = next();
				if (kind < 0.4 && chs.length > 1) chs.splice(Math.min(at, chs.length - 1), 1);
				else if (kind < 0.7) chs.splice(at, 0, char());
				else chs[Math.min(at, chs.length - 1)] = char();
			}
			return chs.join('');
		};
		const sources = Array.from({ length: 150 }, () => text(4 + Math.floor(next() * 30)));
		const memory = sources.flatMap((zh, i) =>
			[zh, edit(zh, 1), edit(zh, 2), edit(zh, 3), edit(zh, 5)].map((z, k) => ({
				zh: z,
				en: `${i}.${k}`,
				origin: `${i}.${k}`
			}))
		);
		const index = new MemoryIndex(memory);
		let compared = 0;
		for (const min of [0.7, 0.5]) {
			for (const zh of sources.map((s) => edit(s, 1 + Math.floor(next() * 3)))) {
				const scan = memory
					.filter((e) => similarity(zh, e.zh) >= min)
					.map((e) => e.origin)
					.sort();
				const found = index
					.lookup(zh, { min, limit: 1_000 })
					.map((h) => h.entry.origin)
					.sort();
				expect(found).toEqual(scan);
				compared += scan.length;
			}
		}
		expect(compared).toBeGreaterThan(300);
	});

	it('an exact lookup (min 1) finds identical texts only, in memory order, skipping and limiting', () => {
		const twice = new MemoryIndex(
			[
				['扩中提低', 'a'],
				['扩中提高', 'b'],
				['扩中 提低', 'c'],
				['扩中提低', 'd']
			].map(([zh, en]) => ({ zh: zh!, en: en!, origin: en! }))
		);
		const exact = (options: Parameters<typeof twice.lookup>[1]) =>
			twice.lookup('扩中提低', { min: 1, ...options }).map((h) => [h.entry.origin, h.score]);
		expect(exact({ limit: 5 })).toEqual([
			['a', 1],
			['c', 1],
			['d', 1]
		]);
		expect(exact({ limit: 1, skip: (e) => e.origin === 'a' })).toEqual([['c', 1]]);
		expect(twice.lookup('扩中提', { min: 1 })).toEqual([]);
	});

	it('ignores whitespace differences', () => {
		const spaced = new MemoryIndex([{ zh: '扩中 提低', en: 'x', origin: 'a' }]);
		expect(spaced.lookup('扩中提低')[0]?.score).toBe(1);
	});
});

describe('the Chinese diff', () => {
	it('marks what the segment has that the match lacks (ins) and the reverse (del)', () => {
		expect(chineseDiff('扩中提低', '扩中提高')).toEqual([
			{ kind: 'same', text: '扩中提' },
			{ kind: 'del', text: '低' },
			{ kind: 'ins', text: '高' }
		]);
	});
});

describe('the concordance', () => {
	it('finds Chinese and English substrings (English in any case), counting beyond the listed', () => {
		const zh = concordance(entries, '北仑');
		expect(zh.total).toBeGreaterThan(1);
		expect(zh.results.every((e) => e.zh.includes('北仑') || e.en.includes('北仑'))).toBe(true);
		const en = concordance(entries, 'BEILUN');
		expect(en.results.length).toBeGreaterThan(0);
		expect(en.results.every((e) => /beilun/i.test(e.en) || e.zh.includes('BEILUN'))).toBe(true);
		const many = Array.from({ length: 60 }, (_, i) => ({ zh: `扩中${i}`, en: 'x', origin: i }));
		expect(concordance(many, '扩中')).toMatchObject({ total: 60, results: { length: 50 } });
		expect(concordance(entries, '   ')).toEqual({ results: [], total: 0 });
	});
	it('marks every occurrence of the query', () => {
		expect(markQuery('Beilun and beilun', 'beilun')).toEqual([
			{ text: 'Beilun', mark: true },
			{ text: ' and ', mark: false },
			{ text: 'beilun', mark: true }
		]);
	});
});
