import { describe, expect, it } from 'vitest';
import { checkFigures, requiredFigures } from './figures';
import { createQaContext } from './context';
import { ctx, entry, GLOSSARY } from './test-fixtures';

const figures = (zh: string, en: string, context = ctx) => checkFigures({ id: 's1', zh, en }, context);
const texts = (zh: string, en: string, context = ctx) =>
	figures(zh, en, context).map((w) => [w.code, w.text]);

/** Real sentences of the seed article with a faithful translation: no figure warnings. */
const GOOD: [string, string][] = [
	[
		'今年前三季度，全区实现地区生产总值1856.6亿元，同比增长5.3%，增速居全市第一，高质量发展的基石更加稳固。',
		"In the first three quarters of 2022, the district's GDP reached RMB 185.66 billion, up 5.3% year on year, the fastest growth in the city, putting high-quality development on an ever firmer footing."
	],
	[
		'今年1至11月，全区规模以上工业增加值、规上工业利润总额、一般公共预算收入、外贸进出口总额、实际利用外资等10项经济指标总量均保持全市第一。',
		'From January to November 2022, the district ranked first in the city on all ten economic indicators, including industrial value added and total profits of industrial enterprises above designated size, general public budget revenue, total foreign trade and actual use of foreign investment.'
	],
	[
		'持续加大转型升级力度，今年，北仑新培育国家级专精特新“小巨人”企业9家、申报国家级制造业单项冠军企业2家，备案国家、省（市）科技型中小企业数量位居全市前列，引进落户海内外高层次人才项目11个。',
		'Pressing ahead with transformation and upgrading, Beilun this year cultivated nine new national-level specialised and sophisticated "little giant" enterprises, put forward two enterprises as national single-product manufacturing champions, ranked among the city\'s leaders in registered national and provincial (municipal) technology-based SMEs, and brought in 11 high-level talent projects from home and abroad.'
	],
	[
		'目前，全区已有上市企业21家，“新三板”挂牌企业15家，“甬股交”挂牌企业432家，区级上市后备企业55家，市级拟上市储备库企业36家，市级科创板储备库企业4家。',
		"The district now has 21 listed companies, 15 quoted on the National Equities Exchange and Quotations (the \"New Third Board\"), 432 quoted on the Ningbo Equity Exchange, 55 in the district's pipeline of listing candidates, 36 in the city's pre-listing reserve and four in the city's reserve for the STAR Market."
	],
	[
		'一方面，北仑紧紧围绕甬江科创区、自贸试验区、滨江新城、梅山湾新城、集成电路产业平台、“246”产业示范园等重大区域平台，做深做实项目谋划储备，仅今年就相继推动31个重点项目落地，总投资超1300亿元；同时，研究出台《北仑区（开发区）促进产业高质量发展扶持办法》《北仑区（开发区）优化要素资源配置促进稳商扩资增效扶持办法（试行）》，谋划实施30多个稳商扩资项目。',
		'On the one hand, centred on major platforms such as the Yongjiang Science and Innovation Zone, the Free Trade Zone, Binjiang New Town, Meishan Bay New Town, the integrated circuit industry platform and the "246" industrial demonstration parks, Beilun has deepened its planning of projects: in 2022 alone, 31 key projects with a total investment of over RMB 130 billion have been landed; at the same time, it has issued Measures for Supporting High-Quality Industrial Development and Measures for Optimising the Allocation of Factors and Resources to Stabilise Businesses, Expand Investment and Raise Efficiency (Trial), and planned more than 30 projects to stabilise businesses and expand investment.'
	],
	[
		'另一方面，北仑高效落实“1244”重大项目协调推进机制，紧盯70个“百亿级项目”“标志性项目”“蜗牛项目”逐一画出“鱼骨图”，落实攻坚清单、要素保障清单，确保重大项目建设接续有力。',
		'On the other hand, Beilun has put its "1244" coordination mechanism for major projects into effect, drawing a "fishbone diagram" for each of 70 "10-billion-yuan projects", "landmark projects" and "snail projects" and carrying through lists of key tasks and of the factors they need, so that major projects keep moving.'
	],
	[
		'截至目前，甬舟铁路、舟山港储运基础设施、宁波舟山港三期集装箱码头配套停车场项目等27个政府投资项目已开工建设，黄山路西延等4个政府投资项目建成或主体完工；海天高端数控机床智能化生产基地、非仕大型传动、荣芯半导体等21个重大产业项目实现开工，旭升高智能自动化等7个重大产业项目竣工或主体完工。',
		"So far, 27 government-funded projects, including the Ningbo-Zhoushan Railway, storage and transport infrastructure at Zhoushan Port and the car park for the Phase III container terminal of Ningbo-Zhoushan Port, are under construction, and four, including the western extension of Huangshan Road, have been completed or structurally completed; 21 major industrial projects, including Haitian's intelligent production base for high-end CNC machine tools, Feishi large transmissions and Rongxin Semiconductor, have started construction, and seven, including Xusheng's high-intelligence automation project, have been completed or structurally completed."
	],
	[
		'今年1至11月，北仑完成投资405.9亿元，同比增长13.4%，居全市第三。',
		"From January to November, Beilun's investment reached RMB 40.59 billion, up 13.4% year on year, third in the city."
	],
	[
		'今年以来，全区累计消化批而未供土地及盘活存量建设用地达5138亩，5个“双轨关联”用地机制招引的产业项目已全部开工。',
		'Since the start of 2022, the district has put to use 5,138 mu (about 342.5 hectares) of land approved but not supplied and of idle construction land, and all five industrial projects attracted under the "dual-track linkage" land mechanism have started construction.'
	],
	[
		'北仑还形成区级共同富裕标志性成果24项、重点工作68项、重大改革46项。',
		'Beilun has also produced 24 district-level landmark achievements in common prosperity, 68 key tasks and 46 major reforms.'
	],
	[
		'今年，工业社区“建设共同富裕现代化基本单元”试点项目获全省共富试点五星级评价。',
		'In 2022, the industrial community pilot project "Building a Modern Basic Unit of Common Prosperity" received a five-star rating among the province\'s common prosperity pilots.'
	],
	[
		'北仑持续推进“扩中”“提低”，城乡收入比值缩至1.64，产业工人家庭年可支配收入10至50万元群体比例增加至93.8%，居省市前列。',
		"Beilun has kept expanding the middle-income group and raising low incomes: the urban-rural income ratio has narrowed to 1.64, and the share of industrial workers' households with an annual disposable income of RMB 100,000 to 500,000 has risen to 93.8%, among the highest in the province and the city."
	],
	[
		'截至10月底，全区新增就业人数3.7万人，登记失业率1.71%，保持低位运行。',
		'By the end of October, 37,000 people had found new jobs in the district, and the registered unemployment rate stood at a low 1.71%.'
	],
	[
		'在城市更新方面，北仑加快沿海、永丰、向家等12个城中村改造，完成拆除47.46万平方米，开工建设15个保障性租赁住房建设项目；《甬江科创区控制性详细规划》获市政府批复，新开工政府投资项目5个、进入前期阶段项目22个，累计完成投资5亿元。',
		'In urban renewal, Beilun sped up the redevelopment of 12 urban villages including Yanhai, Yongfeng and Xiangjia, completed the demolition of 474,600 square metres and started 15 affordable rental housing projects; the regulatory detailed plan for the Yongjiang Science and Innovation Zone was approved by the city government, five new government-funded projects broke ground, 22 entered the preparatory stage, and RMB 500 million has been invested.'
	],
	[
		'今年以来，北仑迭代升级“141”体系，探索构建“最小单元”作战体系，将原先629个基础网格细化为4469个微网格，提高作战灵敏度，全力打好防疫精准仗。',
		'Since the start of the year, Beilun has upgraded its "141" system and built a "smallest unit" operating system, dividing its original 629 basic grids into 4,469 micro-grids to respond faster, and fought a precise battle against the epidemic.'
	],
	[
		'同时，北仑积极用活“最小单元”作战理念，按照“专班运作”方式，推出“锋领企服”2.0模式，常态化开展助企稳企活动，并成立12个突击小分队，启动城中村拆迁、低效地改造等行动，破除“老大难”，为强港建设、产业发展拓展新空间。',
		'Beilun has also put the "smallest unit" approach to active use: working through dedicated task forces, it launched version 2.0 of its "Fengling Enterprise Services", made help for businesses routine, and set up 12 rapid-response teams to clear urban villages and redevelop inefficiently used land, resolving long-standing problems and opening new space for building a strong port and developing industry.'
	],
	[
		'今年1至11月，“精特亮”56个创建项目完成投资额114.78亿元，投资完成率达166.4%，投资完成率暂列全市首位；九峰山片区、河头村、福民村先后入选省级未来乡村建设试点。',
		'From January to November, the 56 "Jingteliang" projects completed investment of RMB 11.478 billion, 166.4% of the plan, provisionally the highest completion rate in the city; the Jiufengshan area, Hetou Village and Fumin Village have been selected as provincial pilots for future villages.'
	],
	[
		'北仑加快“两场一仓”分类整治，规划启动7个综合性物流基地和3个临时集卡停车场建设。',
		'Beilun has sped up the sorting-out of its "two yards and one warehouse" and plans to build seven comprehensive logistics bases and three temporary container-truck parks.'
	],
	[
		'新碶横浦、梅山北坝、郭巨峙南3个临时集卡停车场已经投用，共新增集卡停车位近5000个，有效破解“集卡围城”的社会治理难题。',
		'Three temporary truck parks, at Hengpu in Xinqi, Beiba in Meishan and Zhinan in Guoju, are already in use, adding nearly 5,000 truck parking spaces and easing the problem of container trucks besieging the city.'
	],
	[
		'北仑实施政治铸魂计划，开展省第十五次党代会精神轮训，举办三期“新北仑新征程新作为”专题研讨轮训班。',
		'Beilun has carried out its plan to forge political loyalty, held rotational training on the guiding principles of the 15th Provincial Party Congress, and run three sessions of the "New Beilun, New Journey, New Achievements" seminar.'
	],
	[
		'开展干部强基工程，组织实施“锋领网格”行动和“百名干部战一线、千名干部走万企”活动，推动4376名机关党员下沉村社包联队，58个团队229名年轻干部组团攻坚。',
		'It launched a programme to strengthen cadres, organising the "Fengling Grid" campaign and a campaign sending cadres to the front line and into businesses, sending 4,376 Party members from government bodies down to village and community teams, and forming 58 teams of 229 young cadres to tackle hard tasks.'
	],
	[
		'北仑区委主要负责人表示，下一步，北仑将着力深化铸魂溯源、产业升级、改革创新、开放先行、空间重构、全龄友好、智慧善治、固本强基，为浙江推进“两个先行”，为宁波建设现代化滨海大都市，贡献更多北仑力量。',
		"The chief official of the Beilun District Party Committee said that Beilun will next deepen political education, industrial upgrading, reform and innovation, opening up, spatial restructuring, age-friendliness, smart governance and grassroots foundations, contributing more of Beilun's strength to Zhejiang's Two Firsts and to Ningbo's building of a modern coastal metropolis."
	]
];

describe('figures: faithful translations of the seed article', () => {
	it.each(GOOD)('%s', (zh, en) => {
		expect(figures(zh, en)).toEqual([]);
	});
});

describe('figures: missing and wrong figures', () => {
	const [zh, en] = GOOD[0]!;

	it('names a figure changed by a typo (185.56) and the unexplained English figure', () => {
		const warnings = figures(zh, en.replace('185.66', '185.56'));
		expect(warnings.map((w) => [w.code, w.text])).toEqual([
			['missing', '1856.6亿'],
			['extra', '185.56 billion']
		]);
		expect(warnings[0]).toMatchObject({
			rule: 'figures',
			segmentId: 's1',
			key: 'figures:s1:missing:1856.6亿',
			message: 'The figure 1856.6亿 (185,660,000,000) is missing from the English',
			params: { figure: '1856.6亿', value: '185,660,000,000', kind: 'cardinal' },
			range: { side: 'zh', start: zh.indexOf('1856.6亿'), end: zh.indexOf('1856.6亿') + 7 }
		});
		expect(warnings[1]?.message).toBe(
			'The figure 185.56 billion in the English has no counterpart in the Chinese'
		);
	});

	it('names a dropped percentage', () => {
		const warnings = figures(zh, en.replace(', up 5.3% year on year', ''));
		expect(warnings.map((w) => w.message)).toEqual(['The figure 5.3% is missing from the English']);
	});

	it('names a dropped rank', () => {
		const [rzh, ren] = GOOD[7]!;
		expect(figures(rzh, ren.replace(', third in the city', '')).map((w) => w.message)).toEqual([
			'The ordinal 第三 (3rd) is missing from the English'
		]);
		expect(texts('增速居全市第一', 'growth was strong')).toEqual([['missing', '第一']]);
		// Matching is by value: the "first" of "the first three quarters" also answers 第一 in the same segment.
		expect(figures(zh, en.replace(', the fastest growth in the city', ''))).toEqual([]);
	});

	it('accepts an equal value in another form, and rejects units it does not know', () => {
		expect(figures(zh, en.replace('RMB 185.66 billion', 'RMB 185,660 million'))).toEqual([]);
		expect(figures(zh, en.replace('RMB 185.66 billion', 'RMB185.66bn'))).toEqual([]);
		expect(texts(zh, en.replace('RMB 185.66 billion', 'INR 18,566 crore'))).toEqual([
			['missing', '1856.6亿'],
			['extra', '18,566']
		]);
	});

	it('reads a figure given in the wrong scale as missing (1856.6亿 is not 1856.6 billion)', () => {
		expect(texts(zh, en.replace('185.66 billion', '1,856.6 billion'))).toEqual([
			['missing', '1856.6亿'],
			['extra', '1,856.6 billion']
		]);
	});

	it('requires both ends of a range that shares its scale', () => {
		const [rzh, ren] = GOOD[11]!;
		expect(texts(rzh, ren.replace('RMB 100,000 to 500,000', 'RMB 10 to 500,000'))).toEqual([
			['missing', '10'],
			['extra', '10']
		]);
		const [w] = figures(rzh, ren.replace('RMB 100,000 to 500,000', 'up to RMB 500,000'));
		expect(w?.message).toBe('The figure 10 (100,000) is missing from the English');
	});

	it('requires months in words or figures', () => {
		const [mzh, men] = GOOD[7]!;
		expect(texts(mzh, men.replace('From January to November', 'So far this year'))).toEqual([
			['missing', '1'],
			['missing', '11月']
		]);
		expect(figures(mzh, men.replace('From January to November', 'In the first 11 months'))).toEqual([]);
		const [ozh, oen] = GOOD[12]!;
		expect(
			figures(ozh, oen.replace('By the end of October', 'By late autumn')).map((w) => w.message)
		).toEqual(['The month 10月底 (October) is missing from the English']);
	});

	it('does not take a month name for a plain figure', () => {
		expect(texts('新增12个项目', 'added projects in December')).toEqual([['missing', '12']]);
	});

	it('requires number words for Chinese numerals and ordinals', () => {
		const [szh, sen] = GOOD[19]!;
		expect(figures(szh, sen.replace('15th', 'fifteenth'))).toEqual([]);
		expect(figures(szh, sen.replace('three sessions', 'sessions')).map((w) => w.message)).toEqual([
			'The figure 三期 (3) is missing from the English'
		]);
		expect(figures(szh, sen.replace('15th ', '')).map((w) => w.message)).toEqual([
			'The ordinal 第十五次 (15th) is missing from the English'
		]);
	});

	it('keeps approximations in the message', () => {
		const [azh, aen] = GOOD[18]!;
		expect(figures(azh, aen.replace('nearly 5,000 ', '')).map((w) => w.message)).toEqual([
			'The figure 近5000 (nearly 5,000) is missing from the English'
		]);
	});

	it('accepts thousands separators or none', () => {
		const [tzh, ten] = GOOD[8]!;
		expect(figures(tzh, ten.replace('5,138', '5138'))).toEqual([]);
		expect(texts(tzh, ten.replace('5,138', '5,183'))).toEqual([
			['missing', '5138'],
			['extra', '5,183']
		]);
	});

	it('reports a figure missing once, however often the Chinese repeats it', () => {
		const [rzh, ren] = GOOD[17]!;
		const both = `${rzh}${GOOD[18]![0]}`;
		expect(texts(both, `${ren} They are all in use.`).filter(([, t]) => t === '3')).toEqual([]);
		expect(texts(both, ren.replace('three temporary', 'temporary'))).toContainEqual(['missing', '3']);
		expect(
			texts(both, ren.replace('three temporary', 'temporary')).filter(([, t]) => t === '3')
		).toHaveLength(1);
	});
});

describe('figures: English figures with no counterpart', () => {
	it('allows a year for 今年 or 年初 — only the article year when the context has one', () => {
		const [zh, en] = GOOD[0]!;
		expect(figures(zh, en.replace('2022', '2021')).map((w) => w.text)).toEqual(['2021']);
		expect(figures(zh, en.replace('2022', '2021'), createQaContext(GLOSSARY))).toEqual([]);
		expect(texts('全区新增就业人数3.7万人', 'In 2022, 37,000 people found new jobs.')).toEqual([
			['extra', '2022']
		]);
		expect(
			figures('年初，全区新增就业人数3.7万人', 'Since early 2022, 37,000 people found new jobs.')
		).toEqual([]);
		expect(figures('去年全区新增就业人数3.7万人', 'In 2021, 37,000 people found new jobs.')).toEqual([]);
	});

	it('allows conversions added in parentheses, not other parenthetical figures', () => {
		const [zh, en] = GOOD[8]!;
		expect(figures(zh, en.replace('(about 342.5 hectares)', '(342.5 hectares)'))).toEqual([]);
		expect(figures(zh, en.replace('(about 342.5 hectares)', '(approximately 843 acres)'))).toEqual([]);
		expect(
			figures('总投资超1300亿元', 'a total investment of over RMB 130 billion (US$18.3 billion)')
		).toEqual([]);
		expect(texts(zh, en.replace('(about 342.5 hectares)', '(342.5)'))).toEqual([['extra', '342.5']]);
		expect(texts(zh, en.replace('(about 342.5 hectares)', 'in 342.5 hectares'))).toEqual([
			['extra', '342.5']
		]);
	});

	it('does not count English number words as extra', () => {
		expect(figures('新增12个项目', 'twelve projects were added, one of them in the first week')).toEqual([]);
	});
});

describe('figures: slogans and glossary terms', () => {
	it('does not require numerals of a quoted slogan (两场, 两个先行, 百名…千名)', () => {
		const [zh] = GOOD[17]!;
		expect(requiredFigures(zh, createQaContext(GLOSSARY)).map((m) => m.text)).toEqual(['7', '3']);
		expect(requiredFigures(GOOD[20]![0], ctx).map((m) => m.text)).toEqual(['4376', '58', '229']);
	});

	it('still requires Arabic figures in quotation marks (“246”, “1244”, “141”)', () => {
		const [zh, en] = GOOD[14]!;
		expect(texts(zh, en.replace('"141" system', 'grid system'))).toEqual([['missing', '141']]);
	});

	it('leaves a figure inside a glossary term to the terminology rule', () => {
		const zh = '北仑紧紧围绕“246”产业示范园等重大区域平台';
		const withTerm = createQaContext([
			...GLOSSARY,
			entry('p246', '“246”产业示范园', '246 Industrial Demonstration Parks', { alsoRendered: ['246 parks'] })
		]);
		expect(requiredFigures(zh, withTerm)).toEqual([]);
		expect(
			figures(zh, 'Beilun focused on major platforms such as the demonstration parks', withTerm)
		).toEqual([]);
		expect(texts(zh, 'Beilun focused on major platforms such as the demonstration parks')).toEqual([
			['missing', '246']
		]);
		// A figure the English rendering of the term carries is not extra.
		expect(
			figures(
				'北仑紧扣“六促六优”',
				'Beilun holds to the 6 Promotions',
				createQaContext([entry('lc', '六促六优', '6 Promotions')])
			)
		).toEqual([]);
	});

	it('accepts rank words for 第一 but not for 第三', () => {
		expect(figures('增速居全市第一', 'the fastest growth in the city')).toEqual([]);
		expect(figures('增速居全市第一', 'growth that led the city')).toEqual([]);
		expect(texts('居全市第三', 'among the fastest in the city')).toEqual([['missing', '第三']]);
	});
});
