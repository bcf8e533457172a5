import { describe, expect, it } from 'vitest';
import { createChineseMatcher } from './matcher';
import { proposeTerms, type ProposeOptions } from './proposed';

/** An article of one paragraph per text, one segment each (ids p1-1, p2-1, …). */
function article(...texts: string[]) {
	const seg = (id: string, zh: string) => ({ id, zh, en: '' });
	return {
		title: seg('title', '测试文章'),
		date: { zh: '二〇二四年', en: '2024' },
		source: { zh: '测试', en: 'test' },
		notes: [],
		blocks: texts.map((zh, i) => ({
			type: 'paragraph' as const,
			id: `p${i + 1}`,
			segments: [seg(`p${i + 1}-1`, zh)]
		}))
	};
}

const glossary = [
	{ id: 'kuo-zhong-ti-di', term: '扩中提低', aliases: [] },
	{ id: 'xiao-ju-ren', term: '专精特新“小巨人”', aliases: ['小巨人'] },
	{ id: 'gong-fu', term: '共同富裕', aliases: ['共富'] }
];
const words = new Set([
	'社会',
	'治理',
	'同比',
	'增长',
	'全力',
	'组合拳',
	'推进',
	'协调',
	'机制',
	'政治',
	'开展'
]);
const options: ProposeOptions = {
	findTerms: createChineseMatcher(glossary),
	inDictionary: (w) => words.has(w)
};
const propose = (...texts: string[]) => proposeTerms(article(...texts), options);
const terms = (...texts: string[]) => propose(...texts).map((p) => p.term);

describe('proposed terms', () => {
	it('proposes a quoted slogan with its count and the sentences it occurs in', () => {
		const [p] = propose('忠实践行“八八战略”，推进高质量发展。', '八八战略是总纲。', '没有相关内容。');
		expect(p).toEqual({
			term: '八八战略',
			kinds: ['number', 'quoted'],
			count: 2,
			sentences: [
				{ segmentId: 'p1-1', anchor: 'p1', zh: '忠实践行“八八战略”，推进高质量发展。' },
				{ segmentId: 'p2-1', anchor: 'p2', zh: '八八战略是总纲。' }
			],
			inDictionary: false
		});
	});

	it('skips quoted sentences and single characters, keeps lists inside one quotation', () => {
		expect(terms('他说“今天天气很好，我们出发吧”。', '这是“好”事。', '积极“强链、延链、补链”。')).toEqual([
			'强链、延链、补链'
		]);
	});

	it('joins quotations set side by side into one paired slogan, not its halves', () => {
		const list = propose('持续推进“稳商”“扩资”，成效明显。');
		expect(list.map((p) => [p.term, p.kinds])).toEqual([['稳商扩资', ['paired']]]);
	});

	it('does not pair a list of quoted names', () => {
		expect(terms('深入推进“三改一拆”“四换三名”。')).toEqual(['三改一拆', '四换三名']);
	});

	it('finds number abbreviations: digit quotations, codes, numeral formulas and numeral names', () => {
		const list = propose(
			'迭代升级“141”体系，打造“415X”产业集群。',
			'12345热线受理诉求，2023年增长15%，引进5000多家企业。',
			'北仑开展六促六优行动，推进两场一仓整治，两年一次评估。',
			'践行八八战略，第十四届会议召开，开展三四个项目。'
		);
		expect(list.filter((p) => p.kinds.includes('number')).map((p) => p.term)).toEqual([
			'141',
			'415X',
			'12345',
			'六促六优',
			'两场一仓',
			'八八战略'
		]);
	});

	it('leaves out what the glossary has: terms, aliases, quotation marks ignored, and forms inside a longer term', () => {
		expect(terms('推进“扩中”“提低”。', '培育专精特新“小巨人”企业。', '“共同富裕”是目标。')).toEqual([]);
		expect(terms('“小巨人”企业')).toEqual([]);
	});

	it('proposes recurring four-character coinages, not two dictionary words side by side nor running text', () => {
		const list = propose(
			'坚持共富先行，深化社会治理，全力打好攻坚战。',
			'聚力共富先行，社会治理同比增长，全力打好收官战。'
		);
		expect(list.map((p) => [p.term, p.kinds, p.count])).toEqual([['共富先行', ['recurring'], 2]]);
		// Seen once, a phrase is no recurring term.
		expect(terms('坚持共富先行。')).toEqual([]);
	});

	it('with a segmenter, a recurring phrase must start and end on a word', () => {
		const cut = (run: string) => (run.includes('大共富先行') ? ['大共', '富先', '行'] : [run]);
		const list = proposeTerms(article('坚持共富先行。', '推进大共富先行。'), { ...options, cut });
		// The second sentence's words (大共|富先|行) do not hold 共富先行 whole: it recurs once only.
		expect(list).toEqual([]);
	});

	it('proposes coined items of a parallel list and programme names before 工程, 计划, 机制', () => {
		const cut = (run: string) =>
			run === '开展干部强基工程'
				? ['开展', '干部', '强', '基', '工程']
				: run === '协调推进机制'
					? ['协调', '推进', '机制']
					: [run];
		const list = proposeTerms(
			article('着力深化铸魂溯源、社会治理、全龄友好、智慧善治等工作。', '开展干部强基工程。', '协调推进机制'),
			{ ...options, cut }
		);
		expect(list.map((p) => [p.term, p.kinds])).toEqual([
			['干部强基工程', ['programme']],
			['铸魂溯源', ['listed']],
			['全龄友好', ['listed']],
			['智慧善治', ['listed']]
		]);
	});

	it('says when the dictionary has the form, and lists such forms after the others', () => {
		const list = propose('打出“组合拳”，推进“风环巢”建设。');
		expect(list.map((p) => [p.term, p.inDictionary])).toEqual([
			['风环巢', false],
			['组合拳', true]
		]);
	});

	it('orders by kind, then count, and keeps to the limit', () => {
		const list = proposeTerms(article('“甲乙丙”与“丁戊己”。', '“丁戊己”再现。'), { ...options, limit: 1 });
		expect(list.map((p) => [p.term, p.count])).toEqual([['丁戊己', 2]]);
	});
});
