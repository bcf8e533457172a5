import { describe, expect, it } from 'vitest';
import { sampleDictionary } from './fixtures';
import { buildSearchIndex, normaliseDefinition, search } from './lookup';

const index = buildSearchIndex(sampleDictionary());
const words = (q: string, limit = 20) => search(index, q, limit).map((r) => r.entry.simplified);

describe('search', () => {
	it('finds a Chinese word exactly first, then words containing it', () => {
		const results = search(index, '质量');
		expect(results[0]).toMatchObject({ match: 'simplified', entry: { simplified: '质量', hsk: 4 } });
		expect(results.slice(1).map((r) => [r.entry.simplified, r.match])).toContainEqual(['高质量', 'contains']);
	});

	it('finds traditional forms', () => {
		expect(search(index, '發展')[0]).toMatchObject({ match: 'traditional', entry: { simplified: '发展' } });
	});

	it('reads pinyin in any spelling', () => {
		for (const q of ['fazhan', 'fāzhǎn', 'fa1 zhan3', 'FA ZHAN', "fa'zhan"]) expect(words(q)[0]).toBe('发展');
		expect(words('lv4')).toEqual(['绿']);
	});

	it('prefers the tones asked for, and still shows other tones', () => {
		const asked = search(index, 'gāngchéng')[0]!;
		const other = search(index, 'gang3 cheng2')[0]!;
		const toneless = search(index, 'gangcheng')[0]!;
		for (const r of [asked, other, toneless])
			expect(r).toMatchObject({ match: 'pinyin', entry: { simplified: '钢城' } });
		expect(asked.score).toBeGreaterThan(toneless.score);
		expect(toneless.score).toBeGreaterThan(other.score);
	});

	it('completes pinyin being typed', () => {
		expect(search(index, 'chengzh')[0]).toMatchObject({
			match: 'pinyin-prefix',
			entry: { simplified: '城中村' }
		});
	});

	it('finds English words in definitions, whole senses first', () => {
		const results = search(index, 'port');
		const exact = results.filter((r) => r.score >= 900).map((r) => r.entry.simplified);
		expect(exact.sort()).toEqual(['埠', '港', '港口'].sort());
		expect(words('to develop')[0]).toBe('发展'); // a sense of 发展 and of 发; the HSK word wins the tie
		expect(words('high quality')[0]).toBe('高质量');
		expect(words('villages')).toContain('村'); // plural falls back to the singular
	});

	it('returns nothing for empty queries and respects the limit', () => {
		expect(search(index, '   ')).toEqual([]);
		expect(search(index, '的', 0)).toEqual([]);
		expect(search(index, 'a', 2).length).toBeLessThanOrEqual(2);
	});

	it('returns one result per headword with all its readings', () => {
		const [result] = search(index, '发');
		expect(result!.entry.readings.map((r) => r.pinyin)).toEqual(['fā', 'fà']);
		expect(result!.entry.readings.map((r) => r.traditional)).toEqual(['發', '髮']);
		expect(result!.entry.simplified).toBe('发');
	});
});

describe('normaliseDefinition', () => {
	it('drops parentheses, brackets, Chinese and a leading "to"', () => {
		expect(normaliseDefinition('to develop')).toBe('develop');
		expect(normaliseDefinition('mass (physics)')).toBe('mass');
		expect(normaliseDefinition('see 北侖區|北仑区[Bei3 lun2 Qu1]')).toBe('see');
	});
});
