import { describe, expect, it } from 'vitest';
import { CANDIDATE_CAP, createSearchIndex, hasPinyin, type SearchDoc } from './index';

const doc = (id: string, zh: string, pinyin: string[], en = ''): SearchDoc => ({
	id,
	kind: 'sentence',
	zh,
	en,
	pinyin,
	href: `/articles/a#seg-${id}`
});

const docs = [
	doc('a', '梅山港区建设', ['mei2', 'shan1', 'gang3', 'qu1', 'jian4', 'she4'], 'Meishan port area'),
	doc('b', '梅花山上', ['mei2', 'hua1', 'shan1', 'shang4'], 'Plum blossom hill'),
	doc('c', '港区和梅山', ['gang3', 'qu1', 'he2', 'mei2', 'shan1'], 'The port area and Meishan'),
	doc('d', '梅扇', ['mei2', 'shan4'], 'A plum fan'),
	doc('e', '美善', ['mei3', 'shan4'], 'Beauty and goodness'),
	doc('f', '共同富裕', ['gong4', 'tong2', 'fu4', 'yu4'], 'Common prosperity'),
	doc('g', '共同发展，富裕', ['gong4', 'tong2', 'fa1', 'zhan3', 'fu4', 'yu4'], 'Develop together')
];
const index = createSearchIndex(docs);
const ids = (q: string) =>
	index
		.search(q)
		.hits.map((h) => h.doc.id)
		.sort();

describe('library search', () => {
	it('finds characters: one, a pair, and longer runs only where they stand together', () => {
		expect(ids('梅')).toEqual(['a', 'b', 'c', 'd']);
		expect(ids('梅山')).toEqual(['a', 'c']);
		expect(ids('梅山港区')).toEqual(['a']);
		expect(ids('共同富裕')).toEqual(['f']);
	});

	it('finds pinyin with or without tones, as consecutive syllables', () => {
		expect(ids('meishan')).toEqual(['a', 'c', 'd', 'e']);
		expect(ids('mei shan')).toEqual(['a', 'c', 'd', 'e']);
		expect(ids('Méishān')).toEqual(['a', 'c']);
		expect(ids('mei2 shan1')).toEqual(['a', 'c']);
		expect(ids('mèishàn')).toEqual([]);
		expect(ids('gongtong fuyu')).toEqual(['f']);
		expect(ids('shang')).toEqual(['b']);
		expect(ids('shan')).toEqual(['a', 'b', 'c', 'd', 'e']);
	});

	it('finds English words, the last one also by its beginning', () => {
		expect(ids('port')).toEqual(['a', 'c']);
		expect(ids('common prosp')).toEqual(['f']);
		expect(ids('GDP')).toEqual([]);
	});

	it('checks tones syllable by syllable, neutral ones left out', () => {
		expect(hasPinyin(['mei2', 'shan1'], 'meishan', [2, 1])).toBe(true);
		expect(hasPinyin(['mei2', 'shan1'], 'meishan', [2, 4])).toBe(false);
		expect(hasPinyin(['ma1', 'ma5'], 'mama', [1])).toBe(true);
	});
});

describe('a query matching more documents than it ranks', () => {
	const many = Array.from({ length: CANDIDATE_CAP + 500 }, (_, i) =>
		doc(`m${i}`, '港口', ['gang3', 'kou3'], i % 1000 === 7 ? 'harbour ningbo' : 'harbour')
	);
	const big = createSearchIndex(many);

	it('ranks the first of them, lists at most the limit, and says its count is a lower bound', () => {
		const result = big.search('harbour', 100);
		expect(result.capped).toBe(true);
		expect(result.total).toBe(CANDIDATE_CAP);
		expect(result.hits).toHaveLength(100);
		expect(big.search('港口').capped).toBe(true);
		expect(big.search('gangkou').capped).toBe(true);
	});

	it('is exact when its rarest word is rare, however common the others', () => {
		const result = big.search('harbour ningbo');
		expect(result.capped).toBe(false);
		expect(result.hits.map((h) => h.doc.id).sort()).toEqual(['m1007', 'm2007', 'm7']);
		expect(result.total).toBe(3);
	});
});
