/**
 * annotatePinyin basics, with pinyin-pro's own dictionary only (no overrides registered in this file).
 */
import { describe, expect, it } from 'vitest';
import { annotatePinyin } from './annotate';

/** The readings of a text's Chinese characters, separated by spaces. */
const pinyinString = (text: string) =>
	annotatePinyin(text)
		.flatMap((r) => (r.p ? [r.p] : []))
		.join(' ');

/** Reading of the character at code-point index `i`. */
const readingAt = (text: string, i: number) => annotatePinyin(text)[i]?.p;

describe('annotatePinyin', () => {
	it('gives one RubyChar per code point, in order, keeping the text intact', () => {
		for (const text of ['北仑紧扣“六促六优”，作表率、勇争先', '𠮷野家', '北仑😀港城', 'GDP增长5.3%']) {
			const ruby = annotatePinyin(text);
			expect(ruby).toHaveLength([...text].length);
			expect(ruby.map((r) => r.c)).toEqual([...text]);
		}
	});

	it('reads every Chinese character and nothing else', () => {
		expect(annotatePinyin('全区增长5.3%，居全市第一。')).toEqual([
			{ c: '全', p: 'quán' },
			{ c: '区', p: 'qū' },
			{ c: '增', p: 'zēng' },
			{ c: '长', p: 'zhǎng' },
			{ c: '5', p: null },
			{ c: '.', p: null },
			{ c: '3', p: null },
			{ c: '%', p: null },
			{ c: '，', p: null },
			{ c: '居', p: 'jū' },
			{ c: '全', p: 'quán' },
			{ c: '市', p: 'shì' },
			{ c: '第', p: 'dì' },
			{ c: '一', p: 'yī' },
			{ c: '。', p: null }
		]);
	});

	it('gives null for punctuation, digits, Latin letters, spaces and emoji', () => {
		const text = '“246”产业园 GDP 1-11月（试行）《办法》、😀';
		for (const r of annotatePinyin(text)) {
			if (/\p{Script=Han}/u.test(r.c)) expect(r.p).toMatch(/^\p{L}+$/u);
			else expect(r.p, `reading of ${JSON.stringify(r.c)}`).toBeNull();
		}
	});

	it('uses tone marks', () => {
		expect(pinyinString('宁波舟山港')).toBe('níng bō zhōu shān gǎng');
	});

	it('is empty for empty text', () => {
		expect(annotatePinyin('')).toEqual([]);
		expect(pinyinString('')).toBe('');
	});

	describe('reads polyphonic characters from context', () => {
		it.each([
			['银行', 1, 'háng'],
			['保持低位运行。', 5, 'xíng'],
			['专项行动', 2, 'xíng'],
			['银行行长', 2, 'háng'],
			['推动核心经济指标明显增长。', 11, 'zhǎng'],
			['长江', 0, 'cháng'],
			['推动重点领域系统性变革', 2, 'zhòng'],
			['重大项目', 0, 'zhòng'],
			['重新', 0, 'chóng'],
			['积极“强链、延链、补链”', 3, 'qiáng'],
			['供应链', 0, 'gōng'],
			['北仑区委宣传部提供', 8, 'gōng'],
			['发挥制造业龙头企业带动效应', 12, 'yìng'],
			['破除“老大难”', 5, 'nán'],
			['推进项目落地', 4, 'luò'],
			['重大项目协调推进机制', 5, 'tiáo'],
			['优秀年轻干部专项调研', 8, 'diào'],
			['北仑还形成区级共同富裕标志性成果', 2, 'hái'],
			['3个临时集卡停车场', 5, 'kǎ'],
			['制造业单项冠军', 3, 'dān'],
			['成立12个突击小分队', 8, 'fēn'],
			['在疫情防控中摔打磨练', 8, 'mó'],
			['为强港建设拓展新空间', 0, 'wèi'],
			['作为全省产业重镇', 1, 'wéi'],
			['作为全省产业重镇', 6, 'zhòng'],
			['北仑将着力深化铸魂溯源', 3, 'zhuó'],
			['获得感、幸福感更加殷实', 1, 'dé'],
			['高质量发展的基石', 5, 'de'],
			['首要任务', 3, 'wu']
		])('%s: character %i reads %s', (text, i, reading) => {
			expect(readingAt(text, i)).toBe(reading);
		});
	});

	describe('reads proper nouns of the seed article', () => {
		it.each([
			['新碶横浦', 'xīn qì héng pǔ'],
			['郭巨峙南', 'guō jù zhì nán'],
			['梅山北坝', 'méi shān běi bà'],
			['吉利春晓智能工厂', 'jí lì chūn xiǎo zhì néng gōng chǎng'],
			['小港装备产业基地', 'xiǎo gǎng zhuāng bèi chǎn yè jī dì'],
			['“甬股交”', 'yǒng gǔ jiāo'],
			['繁忙的港区 沈颖俊 摄', 'fán máng de gǎng qū shěn yǐng jùn shè'],
			['周松华 龚雯雯', 'zhōu sōng huá gōng wén wén'],
			['林思谕 摄', 'lín sī yù shè'],
			['非仕大型传动、荣芯半导体', 'fēi shì dà xíng chuán dòng róng xīn bàn dǎo tǐ'],
			['旭升高智能自动化', 'xù shēng gāo zhì néng zì dòng huà']
		])('%s → %s', (text, reading) => {
			expect(pinyinString(text)).toBe(reading);
		});
	});
});
