import { describe, expect, it } from 'vitest';
import {
	extractChineseNumbers,
	extractEnglishNumbers,
	formatValue,
	parseChineseNumeral,
	sameValue,
	scaleDecimal,
	type NumberMention
} from './numbers';

/** [text, value, kind] of each mention, for compact expectations. */
const brief = (ms: NumberMention[]) => ms.map((m) => [m.text, m.value, m.kind] as const);
const zh = (s: string) => brief(extractChineseNumbers(s));
const en = (s: string) => brief(extractEnglishNumbers(s));

describe('parseChineseNumeral', () => {
	it.each([
		['一', 1],
		['两', 2],
		['十', 10],
		['十五', 15],
		['二十', 20],
		['一百零五', 105],
		['两千', 2000],
		['三万', 30000],
		['百亿', 1e10],
		['一亿三千万', 130000000],
		['十二', 12]
	])('%s = %d', (s, n) => {
		expect(parseChineseNumeral(s)).toBe(n);
	});

	it.each(['十四五', '三五', '万', '亿', '一二', '十百'])('%s is not one numeral', (s) => {
		expect(parseChineseNumeral(s)).toBeUndefined();
	});
});

describe('scaleDecimal', () => {
	it('moves the decimal point instead of multiplying, so values are exact', () => {
		expect(scaleDecimal('1856.6', 8)).toBe(185660000000);
		expect(scaleDecimal('114.78', 8)).toBe(11478000000);
		expect(scaleDecimal('47.46', 4)).toBe(474600);
		expect(scaleDecimal('185.66', 9)).toBe(185660000000);
		expect(scaleDecimal('5,138')).toBe(5138);
		expect(scaleDecimal('0.5', 9)).toBe(500000000);
	});
});

describe('extractChineseNumbers: every figure form in the seed article', () => {
	it.each<[string, string, [string, number, string][]]>([
		[
			'亿 with 元',
			'全区实现地区生产总值1856.6亿元，同比增长5.3%',
			[
				['1856.6亿', 185660000000, 'cardinal'],
				['5.3%', 5.3, 'percent']
			]
		],
		[
			'a month range',
			'今年1至11月，全区',
			[
				['1', 1, 'month'],
				['11月', 11, 'month']
			]
		],
		[
			'项',
			'等10项经济指标总量均保持全市第一',
			[
				['10', 10, 'cardinal'],
				['第一', 1, 'ordinal']
			]
		],
		[
			'家 and 个',
			'“小巨人”企业9家、申报国家级制造业单项冠军企业2家',
			[
				['9', 9, 'cardinal'],
				['2', 2, 'cardinal']
			]
		],
		['个', '引进落户海内外高层次人才项目11个', [['11', 11, 'cardinal']]],
		[
			'a run of 家',
			'全区已有上市企业21家，“新三板”挂牌企业15家，“甬股交”挂牌企业432家，区级上市后备企业55家，市级拟上市储备库企业36家，市级科创板储备库企业4家',
			[
				['21', 21, 'cardinal'],
				['15', 15, 'cardinal'],
				['432', 432, 'cardinal'],
				['55', 55, 'cardinal'],
				['36', 36, 'cardinal'],
				['4', 4, 'cardinal']
			]
		],
		['a quoted Arabic name', '“246”产业示范园等重大区域平台', [['246', 246, 'cardinal']]],
		[
			'超 … 亿',
			'仅今年就相继推动31个重点项目落地，总投资超1300亿元',
			[
				['31', 31, 'cardinal'],
				['超1300亿', 130000000000, 'cardinal']
			]
		],
		['多', '谋划实施30多个稳商扩资项目', [['30多', 30, 'cardinal']]],
		[
			'quoted figures and a numeral with 亿',
			'北仑高效落实“1244”重大项目协调推进机制，紧盯70个“百亿级项目”',
			[
				['1244', 1244, 'cardinal'],
				['70', 70, 'cardinal'],
				['百亿级', 1e10, 'cardinal']
			]
		],
		[
			'期 after a name',
			'宁波舟山港三期集装箱码头配套停车场项目等27个政府投资项目已开工建设，黄山路西延等4个政府投资项目',
			[
				['三期', 3, 'cardinal'],
				['27', 27, 'cardinal'],
				['4', 4, 'cardinal']
			]
		],
		[
			'个 twice',
			'荣芯半导体等21个重大产业项目实现开工，旭升高智能自动化等7个重大产业项目竣工',
			[
				['21', 21, 'cardinal'],
				['7', 7, 'cardinal']
			]
		],
		[
			'亿 and 第三',
			'北仑完成投资405.9亿元，同比增长13.4%，居全市第三',
			[
				['405.9亿', 40590000000, 'cardinal'],
				['13.4%', 13.4, 'percent'],
				['第三', 3, 'ordinal']
			]
		],
		[
			'亩 and 个',
			'盘活存量建设用地达5138亩，5个“双轨关联”用地机制',
			[
				['5138', 5138, 'cardinal'],
				['5', 5, 'cardinal']
			]
		],
		[
			'项 three times',
			'北仑还形成区级共同富裕标志性成果24项、重点工作68项、重大改革46项',
			[
				['24', 24, 'cardinal'],
				['68', 68, 'cardinal'],
				['46', 46, 'cardinal']
			]
		],
		[
			'a ratio and a range sharing 万',
			'城乡收入比值缩至1.64，产业工人家庭年可支配收入10至50万元群体比例增加至93.8%',
			[
				['1.64', 1.64, 'cardinal'],
				['10', 100000, 'cardinal'],
				['50万', 500000, 'cardinal'],
				['93.8%', 93.8, 'percent']
			]
		],
		[
			'月底 and 万人',
			'截至10月底，全区新增就业人数3.7万人，登记失业率1.71%',
			[
				['10月底', 10, 'month'],
				['3.7万', 37000, 'cardinal'],
				['1.71%', 1.71, 'percent']
			]
		],
		[
			'万平方米',
			'加快沿海、永丰、向家等12个城中村改造，完成拆除47.46万平方米，开工建设15个保障性租赁住房建设项目',
			[
				['12', 12, 'cardinal'],
				['47.46万', 474600, 'cardinal'],
				['15', 15, 'cardinal']
			]
		],
		[
			'亿 without a decimal',
			'新开工政府投资项目5个、进入前期阶段项目22个，累计完成投资5亿元',
			[
				['5', 5, 'cardinal'],
				['22', 22, 'cardinal'],
				['5亿', 500000000, 'cardinal']
			]
		],
		[
			'quoted 141 and grids',
			'北仑迭代升级“141”体系，探索构建“最小单元”作战体系，将原先629个基础网格细化为4469个微网格',
			[
				['141', 141, 'cardinal'],
				['629', 629, 'cardinal'],
				['4469', 4469, 'cardinal']
			]
		],
		[
			'a version number',
			'推出“锋领企服”2.0模式，常态化开展助企稳企活动，并成立12个突击小分队',
			[
				['2.0', 2, 'cardinal'],
				['12', 12, 'cardinal']
			]
		],
		[
			'a percentage over 100',
			'“精特亮”56个创建项目完成投资额114.78亿元，投资完成率达166.4%',
			[
				['56', 56, 'cardinal'],
				['114.78亿', 11478000000, 'cardinal'],
				['166.4%', 166.4, 'percent']
			]
		],
		[
			'近',
			'郭巨峙南3个临时集卡停车场已经投用，共新增集卡停车位近5000个',
			[
				['3', 3, 'cardinal'],
				['近5000', 5000, 'cardinal']
			]
		],
		[
			'第十五次 and 三期',
			'开展省第十五次党代会精神轮训，举办三期“新北仑新征程新作为”专题研讨轮训班',
			[
				['第十五次', 15, 'ordinal'],
				['三期', 3, 'cardinal']
			]
		],
		[
			'名 and 个',
			'推动4376名机关党员下沉村社包联队，58个团队229名年轻干部组团攻坚',
			[
				['4376', 4376, 'cardinal'],
				['58', 58, 'cardinal'],
				['229', 229, 'cardinal']
			]
		],
		[
			'六个 and 三季(度)',
			'在产业升级、项目提速等六个方面持续发力。今年前三季度',
			[
				['六个', 6, 'cardinal'],
				['三季', 3, 'cardinal']
			]
		],
		['五星(级)', '试点项目获全省共富试点五星级评价', [['五星', 5, 'cardinal']]],
		[
			'两个 (a slogan; figures.ts decides it is not required)',
			'为浙江推进“两个先行”',
			[['两个', 2, 'cardinal']]
		]
	])('%s: %s', (_what, text, expected) => {
		expect(zh(text)).toEqual(expected);
	});

	it('approximations are recorded', () => {
		const [near] = extractChineseNumbers('共新增集卡停车位近5000个');
		const [more] = extractChineseNumbers('谋划实施30多个稳商扩资项目');
		const [over] = extractChineseNumbers('总投资超1300亿元');
		expect([near?.approx, more?.approx, over?.approx]).toEqual(['nearly', 'more-than', 'over']);
	});

	it('spans are UTF-16 offsets into the text', () => {
		const text = '今年前三季度，全区实现地区生产总值1856.6亿元，同比增长5.3%，增速居全市第一';
		const found = extractChineseNumbers(text);
		expect(found.map((m) => m.text)).toEqual(['三季', '1856.6亿', '5.3%', '第一']);
		for (const m of found) expect(text.slice(m.start, m.end)).toBe(m.text);
		const [first] = extractChineseNumbers('𠀋 近5000个');
		expect(first).toMatchObject({ start: 3, end: 8, text: '近5000' });
	});

	it('reads no figure into set phrases with 一 or numerals that are not counts', () => {
		expect(
			zh(
				'一年来，全区上下以超常规举措全力打好稳进提质、除险保安、塑造变革“组合拳”，形成一批全国全省示范引领的标志性成果'
			)
		).toEqual([]);
		expect(zh('一方面，北仑紧紧围绕甬江科创区；另一方面，北仑高效落实')).toEqual([]);
		expect(
			zh('锻造硬核力量、打造一流强区；一般公共预算收入；百名干部战一线；千方百计；十分重要；四面八方')
		).toEqual([['百名', 100, 'cardinal']]);
		expect(zh('“新三板”挂牌企业；宁波梅山保税港区三创基地；九峰山片区；北仑紧扣“六促六优”')).toEqual([]);
	});

	it('reads years, Chinese months, full-width digits and Arabic ordinals', () => {
		expect(zh('2022年')).toEqual([['2022年', 2022, 'year']]);
		expect(zh('十一月底')).toEqual([['十一月底', 11, 'month']]);
		expect(zh('一月')).toEqual([['一月', 1, 'month']]);
		expect(zh('增长５.３％')).toEqual([['５.３％', 5.3, 'percent']]);
		expect(zh('第3次')).toEqual([['第3', 3, 'ordinal']]);
		expect(zh('5至10%')).toEqual([
			['5', 5, 'percent'],
			['10%', 10, 'percent']
		]);
		expect(zh('3个月')).toEqual([['3', 3, 'cardinal']]);
	});

	it('skips digits that are part of names or codes', () => {
		expect(zh('推进5G网络和COVID-19防控，参加G20')).toEqual([]);
	});
});

describe('extractEnglishNumbers', () => {
	it('reads digits with separators, scales, per cent and currency codes', () => {
		expect(en('GDP reached RMB 185.66 billion, up 5.3% year on year')).toEqual([
			['185.66 billion', 185660000000, 'cardinal'],
			['5.3%', 5.3, 'percent']
		]);
		expect(en('RMB185,660 million; 130bn; 10-billion-yuan projects; 5.3 per cent; 166.4 percent')).toEqual([
			['185,660 million', 185660000000, 'cardinal'],
			['130bn', 130000000000, 'cardinal'],
			['10-billion', 10000000000, 'cardinal'],
			['5.3 per cent', 5.3, 'percent'],
			['166.4 percent', 166.4, 'percent']
		]);
		expect(en('5,138 mu (about 342.5 hectares) and 5138 mu')).toEqual([
			['5,138', 5138, 'cardinal'],
			['342.5', 342.5, 'cardinal'],
			['5138', 5138, 'cardinal']
		]);
	});

	it('reads ordinals, years, versions and Roman numerals after Phase', () => {
		expect(
			en('the 15th Provincial Party Congress in 2022; Fengling Qifu 2.0; the Phase III terminal')
		).toEqual([
			['15th', 15, 'ordinal'],
			['2022', 2022, 'year'],
			['2.0', 2, 'cardinal'],
			['III', 3, 'cardinal']
		]);
	});

	it('reads number words, compounds and ordinal words', () => {
		expect(en('nine new little giants, eleven projects, three sessions')).toEqual([
			['nine', 9, 'cardinal'],
			['eleven', 11, 'cardinal'],
			['three', 3, 'cardinal']
		]);
		expect(
			en(
				'twenty-one firms; one hundred and five; a hundred cadres; three million; the fifteenth congress; twenty-first'
			)
		).toEqual([
			['twenty-one', 21, 'cardinal'],
			['one hundred and five', 105, 'cardinal'],
			['a hundred', 100, 'cardinal'],
			['three million', 3000000, 'cardinal'],
			['fifteenth', 15, 'ordinal'],
			['twenty-first', 21, 'ordinal']
		]);
		expect(en('ranked first in the city; a five-star rating; twice')).toEqual([
			['first', 1, 'ordinal'],
			['five', 5, 'cardinal'],
			['twice', 2, 'cardinal']
		]);
	});

	it('reads capitalised month names only', () => {
		expect(en('From January to November; by the end of October; it may rise')).toEqual([
			['January', 1, 'month'],
			['November', 11, 'month'],
			['October', 10, 'month']
		]);
	});

	it('gives the first end of a range the scale of the second as an alternative', () => {
		const [low, high] = extractEnglishNumbers('between 10 and 50 million yuan');
		expect(low).toMatchObject({ value: 10, alternatives: [10000000] });
		expect(high).toMatchObject({ value: 50000000, alternatives: [] });
		const [a] = extractEnglishNumbers('RMB 100,000 to 500,000');
		expect(a?.alternatives).toEqual([]);
	});

	it('skips digits glued to letters: COVID-19, 5G, Q3', () => {
		expect(en('COVID-19 control, 5G networks, Q3 results')).toEqual([]);
	});

	it('spans are offsets into the text', () => {
		const text = 'up 13.4% year on year, third in the city, RMB 40.59 billion';
		const found = extractEnglishNumbers(text);
		expect(found.map((m) => m.text)).toEqual(['13.4%', 'third', '40.59 billion']);
		for (const m of found) expect(text.slice(m.start, m.end)).toBe(m.text);
	});
});

describe('formatValue and sameValue', () => {
	it('formats values in English conventions', () => {
		const f = (value: number, kind: NumberMention['kind'], approx?: NumberMention['approx']) =>
			formatValue({ value, kind, ...(approx ? { approx } : {}) });
		expect(f(185660000000, 'cardinal')).toBe('185,660,000,000');
		expect(f(5.3, 'percent')).toBe('5.3%');
		expect(f(15, 'ordinal')).toBe('15th');
		expect(f(1, 'ordinal')).toBe('1st');
		expect(f(12, 'ordinal')).toBe('12th');
		expect(f(10, 'month')).toBe('October');
		expect(f(5000, 'cardinal', 'nearly')).toBe('nearly 5,000');
	});

	it('compares numerically, tolerating only floating-point noise', () => {
		expect(sameValue(185.66e9, 185660 * 1e6)).toBe(true);
		expect(sameValue(0.1 + 0.2, 0.3)).toBe(true);
		expect(sameValue(185.66e9, 185.56e9)).toBe(false);
	});
});
