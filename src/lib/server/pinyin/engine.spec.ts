/**
 * The pinyin engine with its real data and segmenter: alignment on any input, the constructions and names it
 * reads by rule, CC-CEDICT's word readings, the proofread overrides, the sure flag, and the command-line tool.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePinyinOverrides } from '$lib/content/validate';
import type { PinyinEngine } from '$lib/pinyin/engine';
import { loadPinyinEngine } from './index';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const overrides = parsePinyinOverrides(
	'content/pinyin-overrides.yaml',
	readFileSync(`${ROOT}content/pinyin-overrides.yaml`, 'utf8')
);

let engine: PinyinEngine;
beforeAll(() => {
	engine = loadPinyinEngine(overrides);
});

/** The readings of `text`, joined: Chinese characters as numbered pinyin, anything else as itself. */
const read = (text: string) =>
	engine
		.read(text)
		.map((r) => r.p ?? r.c)
		.join(' ');

/** The reading of the `n`-th occurrence (0-based) of `char` in `text`. */
function readingOf(text: string, char: string, n = 0): string | null {
	const readings = engine.read(text).filter((r) => r.c === char);
	return readings[n]?.p ?? null;
}

describe('alignment: one reading per code point, never shifted', () => {
	it.each([
		['empty', ''],
		['no Chinese', 'Hello, world! 123'],
		['astral plane', '𠮷野家的𠮷'],
		['combining marks', 'e\u0301中a\u0308文'],
		['emoji', '我😀爱👨‍👩‍👧中国🇨🇳'],
		['mixed', 'GDP增长5.3%，“小巨人”企业9家']
	])('%s', (_name, text) => {
		const readings = engine.read(text);
		expect(readings.map((r) => r.c)).toEqual([...text]);
		for (const r of readings) if (!/\p{Script=Han}/u.test(r.c)) expect(r.p).toBeNull();
	});

	it('reads a line of 100,000 characters', () => {
		const text = '今年前三季度，全区实现地区生产总值1856.6亿元。😀'.repeat(4000).slice(0, 100_000);
		const readings = engine.read(text);
		expect(readings.length).toBe([...text].length);
		expect(readings.map((r) => r.c).join('')).toBe(text);
		expect(readings.filter((r) => r.c === '长').every((r) => r.p === 'zhang3')).toBe(true);
	}, 60_000);
});

describe('readings', () => {
	it('takes 为 as wéi in 以…为… and 为…所…, and in 作为, 成为', () => {
		expect(readingOf('以人民为中心', '为')).toBe('wei2');
		expect(readingOf('北仑坚持以数字化改革为引领', '为')).toBe('wei2');
		expect(readingOf('他深为群众所爱戴', '为')).toBe('wei2');
		expect(readingOf('作为一名党员', '为')).toBe('wei2');
		expect(readingOf('他成为了模范', '为')).toBe('wei2');
		expect(readingOf('固本强基，为浙江推进“两个先行”贡献力量', '为')).toBe('wei4');
	});

	it('reads 行, 长, 重, 调 by their words', () => {
		expect(read('银行行长')).toBe('yin2 hang2 hang2 zhang3');
		expect(read('重新称重')).toBe('chong2 xin1 cheng1 zhong4');
		expect(readingOf('会议定下了工作基调', '调')).toBe('diao4');
		expect(readingOf('要调整结构', '调')).toBe('tiao2');
	});

	it('reads 率 as a rate, and as shuài in 表率 inside a longer word', () => {
		expect(readingOf('项目投资完成率达95%', '率')).toBe('lü4');
		expect(readingOf('增长率', '率')).toBe('lü4');
		expect(readingOf('作表率、勇争先', '率')).toBe('shuai4');
		expect(readingOf('粟裕率新四军进入苏北', '率')).toBe('shuai4');
	});

	it('reads particles: 慢慢地走, 看着', () => {
		expect(readingOf('他们慢慢地走着', '地')).toBe('de5');
		expect(readingOf('他们慢慢地走着', '着')).toBe('zhe5');
		expect(readingOf('看着地上', '地')).toBe('di4');
	});

	it('reads place names as names', () => {
		expect(read('丽水')).toBe('li2 shui3');
		expect(read('台州')).toBe('tai1 zhou1');
		expect(read('六安')).toBe('lu4 an1');
		expect(read('蚌埠')).toBe('beng4 bu4');
		expect(read('重庆')).toBe('chong2 qing4');
	});

	it('reads surnames in bylines and credits', () => {
		expect(readingOf('记者 单小红', '单')).toBe('shan4');
		expect(readingOf('文/曾明 图/沈晓', '曾')).toBe('zeng1');
		expect(readingOf('记者 解晓东、仇英', '解')).toBe('xie4');
		expect(readingOf('曾国藩', '曾')).toBe('zeng1');
		expect(readingOf('单晓红 摄', '单')).toBe('shan4');
		expect(readingOf('周松华 查雯雯', '查')).toBe('zha1');
		expect(readingOf('他曾经去过', '曾')).toBe('ceng2');
		expect(readingOf('他生活朴素', '朴')).toBe('pu3');
	});

	it('reads a surname in a news byline and a photo credit', () => {
		expect(readingOf('记者 沈颖俊', '沈')).toBe('shen3');
		expect(readingOf('北仑新区一角（沈颖俊 摄）', '沈')).toBe('shen3');
		expect(readingOf('福建长乐', '长')).toBe('chang2');
	});

	it('applies the proofread overrides first', () => {
		expect(readingOf('应急处突', '处')).toBe('chu3');
		expect(read('离不开')).toBe('li2 bu5 kai1');
	});

	it('leaves 一 and 不 to tone sandhi', () => {
		expect(read('一个不对')).toBe('yi2 ge4 bu2 dui4');
	});
});

describe('sure flag', () => {
	it('is set on every reading, and false where sources disagree and the choice is close', () => {
		const readings = engine.read('今年前三季度，全区实现地区生产总值');
		expect(readings.every((r) => typeof r.sure === 'boolean')).toBe(true);
		expect(readings.filter((r) => r.c === '今').every((r) => r.sure)).toBe(true);
	});
});

describe('npm run pinyin', () => {
	it('writes one JSON array per input line, one element per code point', () => {
		const input = ['以人民为中心', '', 'abc 𠮷 e\u0301 😀', '重庆'].join('\n') + '\n';
		const output = execFileSync(
			process.execPath,
			['scripts/run-ts.mjs', 'scripts/pinyin.ts', '--tones', 'num'],
			{ cwd: ROOT, input, encoding: 'utf8' }
		);
		const lines = output
			.trimEnd()
			.split('\n')
			.map((l) => JSON.parse(l) as string[]);
		expect(lines).toEqual([
			['yi3', 'ren2', 'min2', 'wei2', 'zhong1', 'xin1'],
			[],
			['a', 'b', 'c', ' ', '𠮷', ' ', 'e', '\u0301', ' ', '😀'],
			['chong2', 'qing4']
		]);
	}, 30_000);

	it('reads ten thousand lines in one run, one output line each', () => {
		const input = Array.from({ length: 10_000 }, (_, k) => (k % 2 ? '重庆' : '')).join('\n') + '\n';
		const output = execFileSync(
			process.execPath,
			['scripts/run-ts.mjs', 'scripts/pinyin.ts', '--tones', 'num'],
			{ cwd: ROOT, input, encoding: 'utf8' }
		);
		const lines = output.split('\n').slice(0, -1);
		expect(lines).toHaveLength(10_000);
		expect(lines[0]).toBe('[]');
		expect(lines[9_999]).toBe('["chong2","qing4"]');
	}, 120_000);

	it('writes tone marks and dictionary tones on request', () => {
		const output = execFileSync(
			process.execPath,
			['scripts/run-ts.mjs', 'scripts/pinyin.ts', '--tones', 'marks', '--dictionary-tones'],
			{ cwd: ROOT, input: '一个绿色\n', encoding: 'utf8' }
		);
		expect(JSON.parse(output)).toEqual(['yī', 'gè', 'lǜ', 'sè']);
	}, 30_000);
});
