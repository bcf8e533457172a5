import { readFileSync } from 'node:fs';
import { pinyin } from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import { parseArticle, parsePinyinOverrides, segmentsWithPaths } from '$lib/content/validate';
import { annotatePinyin, applyPinyinOverrides } from './annotate';
import { citationTone, toneOf, withToneNumber } from './tones';

const read = (f: string) => readFileSync(new URL(`../../../${f}`, import.meta.url), 'utf8');

describe('tones', () => {
	it('reads the tone of a syllable from its mark or number', () => {
		expect(['gāng', 'chéng', 'gǎng', 'lǜ', 'de', 'Běi', 'gang3', 'ma5'].map(toneOf)).toEqual([
			1, 2, 3, 4, 5, 3, 3, 5
		]);
	});

	it('writes tone numbers, keeping ü and numbering the neutral tone 5', () => {
		expect(['gǎng', 'chéng', 'lǜ', 'nǚ', 'de', 'Xīn', 'èr'].map(withToneNumber)).toEqual([
			'gang3',
			'cheng2',
			'lü4',
			'nü3',
			'de5',
			'Xin1',
			'er4'
		]);
	});

	it('gives 一 and 不 their dictionary tones, and leaves every other reading alone', () => {
		expect(citationTone('一', 'yí')).toBe('yī');
		expect(citationTone('一', 'yì')).toBe('yī');
		expect(citationTone('不', 'bú')).toBe('bù');
		expect(citationTone('不', 'bu')).toBe('bu');
		expect(citationTone('好', 'hǎo')).toBe('hǎo');
	});

	it("agrees with pinyin-pro's toneSandhi: false on every 一 and 不 of the real article", () => {
		applyPinyinOverrides(
			parsePinyinOverrides('content/pinyin-overrides.yaml', read('content/pinyin-overrides.yaml'))
		);
		const article = parseArticle(
			'content/articles/beilun-liucu-liuyou.yaml',
			read('content/articles/beilun-liucu-liuyou.yaml')
		);
		let checked = 0;
		let changed = 0;
		for (const { segment } of segmentsWithPaths(article)) {
			const spoken = annotatePinyin(segment.zh);
			const dictionary = pinyin(segment.zh, { type: 'all', toneSandhi: false });
			spoken.forEach(({ c, p }, i) => {
				// A neutral tone (离不开 lí bu kāi) is not sandhi: it stays, where pinyin-pro would write bù.
				if (!p || (c !== '一' && c !== '不') || toneOf(p) === 5) return;
				checked++;
				if (citationTone(c, p) !== p) changed++;
				expect(`${segment.id} ${c}: ${citationTone(c, p)}`).toBe(
					`${segment.id} ${c}: ${dictionary[i]!.pinyin}`
				);
			});
		}
		expect(checked).toBeGreaterThan(10);
		expect(changed).toBeGreaterThan(0);
	});
});
