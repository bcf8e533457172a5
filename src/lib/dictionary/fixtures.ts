/** A small dictionary for unit tests: real CC-CEDICT lines, a supplement entry and HSK levels. */
import { parseCedict } from './cedict';
import { buildDictionary } from './lexicon';
import { supplementEntries } from './supplement';
import type { HskLevel } from './types';

export const CEDICT_SAMPLE = `# CC-CEDICT
# License:
# Creative Commons Attribution-ShareAlike 4.0 International License
#! date=2026-09-10T07:14:51Z
發展 发展 [fa1 zhan3] /development/growth/to develop/to grow/to expand/
高質量 高质量 [gao1 zhi4 liang4] /high quality/
質量 质量 [zhi4 liang4] /quality/mass (physics)/
城中村 城中村 [cheng2 zhong1 cun1] /village within a city/shantytown/ghetto/
北侖 北仑 [Bei3 lun2] /see 北侖區|北仑区[Bei3 lun2 Qu1]/
北侖區 北仑区 [Bei3 lun2 Qu1] /Beilun district of Ningbo city 寧波市|宁波市[Ning2 bo1 shi4], Zhejiang/
寧波 宁波 [Ning2 bo1] /see 寧波市|宁波市[Ning2 bo1 Shi4]/
港 港 [gang3] /harbor/port/CL:個|个[ge4]/
港口 港口 [gang3 kou3] /port/harbor/
埠 埠 [bu4] /wharf/port/pier/
鋼城 钢城 [Gang1 cheng2] /Gangcheng district of Laiwu city 萊蕪市|莱芜市[Lai2 wu2 shi4], Shandong/
城 城 [cheng2] /city walls/city/town/CL:座[zuo4],道[dao4],個|个[ge4]/
中 中 [zhong1] /China/Chinese/surname Zhong/
中 中 [zhong4] /to hit (the mark)/to be hit by/
村 村 [cun1] /village/
高 高 [gao1] /high/tall/above average/surname Gao/
發 发 [fa1] /to send out/to show (one's feeling)/to issue/to develop/
髮 发 [fa4] /hair/
展 展 [zhan3] /to spread out/to open up/to exhibit/
質 质 [zhi4] /character/nature/quality/
量 量 [liang2] /to measure/
量 量 [liang4] /capacity/quantity/amount/
北 北 [bei3] /north/
侖 仑 [lun2] /to arrange/
寧 宁 [ning2] /peaceful/
波 波 [bo1] /wave/
專 专 [zhuan1] /for a particular person, occasion, purpose/
精 精 [jing1] /essence/extract/
特 特 [te4] /special/unique/
新 新 [xin1] /new/
小 小 [xiao3] /small/
巨人 巨人 [ju4 ren2] /giant/
巨 巨 [ju4] /very large/
人 人 [ren2] /person/
擴 扩 [kuo4] /to enlarge/
提 提 [ti2] /to carry/to lift/
低 低 [di1] /low/
的 的 [de5] /of/
是 是 [shi4] /is/
今年 今年 [jin1 nian2] /this year/
年初 年初 [nian2 chu1] /beginning of the year/
今 今 [jin1] /today/now/
年 年 [nian2] /year/
初 初 [chu1] /at first/
億 亿 [yi4] /100 million/
元 元 [yuan2] /unit of currency/
個 个 [ge4] /individual/
萬 万 [wan4] /ten thousand/
平方米 平方米 [ping2 fang1 mi3] /square meter/
科技 科技 [ke1 ji4] /science and technology/
3D打印 3D打印 [san1 D da3 yin4] /to 3D print/
綠 绿 [lu:4] /green/
`;

export const SUPPLEMENT_SAMPLE = supplementEntries([
	{
		word: '新碶',
		pinyin: 'Xīn qì',
		en: 'Xinqi, a subdistrict of Beilun District, Ningbo',
		kind: 'place',
		source: 'test fixture'
	}
]);

export const HSK_SAMPLE = new Map<string, HskLevel>([
	['发展', 4],
	['质量', 4],
	['今年', 2],
	['的', 1],
	['是', 1],
	['高', 2],
	['人', 1]
]);

export function sampleDictionary() {
	return buildDictionary({
		cedict: parseCedict(CEDICT_SAMPLE).entries,
		supplement: SUPPLEMENT_SAMPLE,
		hsk: HSK_SAMPLE
	});
}

/** Glossary entries as the glossary matcher needs them. */
export const GLOSSARY_SAMPLE = [
	{ id: 'zhuan-jing-te-xin', term: '专精特新“小巨人”', aliases: ['专精特新'] },
	{ id: 'kuo-zhong-ti-di', term: '扩中提低', aliases: [] },
	{ id: 'high-quality-development', term: '高质量发展', aliases: [] }
];
