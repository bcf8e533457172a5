import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { buildArticle, decodeText, detectBlocks, splitSentences, type DetectedBlock } from './index';

const words = new Set(['滨江', '滨江新城', '新城', '精准', '防疫']);
const isWord = (w: string) => words.has(w);
const kinds = (blocks: DetectedBlock[]) => blocks.map((b) => `${b.kind}:${b.text}`);

describe('splitSentences', () => {
	it('splits after full-width and ASCII stops, keeping closing quotation marks with the sentence', () => {
		expect(splitSentences('潮起东海，奔竞不息。一年来，全区上下全力以赴！真的吗？')).toEqual([
			'潮起东海，奔竞不息。',
			'一年来，全区上下全力以赴！',
			'真的吗？'
		]);
		expect(splitSentences('他说：“要干就干最好。”随后离开. 收入比值缩至1.7')).toEqual([
			'他说：“要干就干最好。”',
			'随后离开.',
			'收入比值缩至1.7'
		]);
	});

	it('never splits inside a quotation (slogans keep their own punctuation)', () => {
		expect(splitSentences('围绕“锻造硬核力量。唱响双城记！”总目标，持续发力。下一步。')).toEqual([
			'围绕“锻造硬核力量。唱响双城记！”总目标，持续发力。',
			'下一步。'
		]);
	});
});

describe('detectBlocks', () => {
	it('reads paragraphs separated by blank lines, and by single newlines', () => {
		const blank = detectBlocks('标题在这里\n\n第一段很短。\n\n第二段，第一行\n接着第二行。\n\n第三段。');
		expect(kinds(blank)).toEqual([
			'title:标题在这里',
			'lead:第一段很短。',
			'paragraph:第二段，第一行接着第二行。',
			'paragraph:第三段。'
		]);
		const single = detectBlocks('标题在这里\n第一段很短。\n第二段。\n第三段。');
		expect(single.map((b) => b.kind)).toEqual(['title', 'lead', 'paragraph', 'paragraph']);
	});

	it('finds numbered and unpunctuated headings', () => {
		const blocks = detectBlocks(
			'政府工作报告\n\n一、过去一年的工作\n\n我们坚持稳中求进。\n\n（一）扩大有效需求\n\n加快建设。\n\n1. 稳定就业\n\n就业总体稳定。\n\n强化改革牵引 夯实民生之基\n\n改革成果由人民共享。'
		);
		expect(blocks.filter((b) => b.kind === 'heading').map((b) => b.text)).toEqual([
			'一、过去一年的工作',
			'（一）扩大有效需求',
			'1. 稳定就业',
			'强化改革牵引 夯实民生之基'
		]);
	});

	it('takes photo captions with their credits, and notes in brackets', () => {
		const blocks = detectBlocks(
			'标题\n\n正文第一段。\n\n祥和的港城 王梦雄 摄\n\n正文第二段。\n\n繁忙的港区（沈颖俊 摄）\n\n正文第三段。\n\n(本版图片由北仑区委宣传部提供)'
		);
		expect(blocks.filter((b) => b.kind === 'caption')).toEqual([
			{ kind: 'caption', text: '祥和的港城', credit: '王梦雄 摄' },
			{ kind: 'caption', text: '繁忙的港区', credit: '沈颖俊 摄' }
		]);
		expect(blocks.at(-1)).toEqual({ kind: 'note', text: '(本版图片由北仑区委宣传部提供)' });
	});

	it('joins a word broken by a page break, across the caption set into the sentence', () => {
		const blocks = detectBlocks(
			'标题\n\n一方面，北仑紧紧围绕甬江科创区、自贸试验区、滨\n\n“风环巢”夜景 王哲波 摄\n\n江新城等平台发力。\n\n另一段。',
			{ isWord }
		);
		expect(kinds(blocks)).toEqual([
			'title:标题',
			'lead:一方面，北仑紧紧围绕甬江科创区、自贸试验区、滨江新城等平台发力。',
			'caption:“风环巢”夜景',
			'paragraph:另一段。'
		]);
	});

	it('joins a short fragment to the next line, but not a heading that makes no word with it', () => {
		const blocks = detectBlocks(
			'标题\n\n正文开始。\n\n全力打\n\n好防疫精准仗。\n\n深化社会治理 激励担当作为\n\n高水平的社会治理。',
			{ isWord }
		);
		expect(kinds(blocks).slice(1)).toEqual([
			'lead:正文开始。',
			'paragraph:全力打好防疫精准仗。',
			'heading:深化社会治理 激励担当作为',
			'paragraph:高水平的社会治理。'
		]);
	});

	it('keeps a sign-off apart: each issuing body and the date a paragraph of its own, never a heading', () => {
		const notice =
			'关于做好稳就业工作的通知\n\n各街道办事处：\n\n现就有关事项通知如下。\n\n一、加大援企稳岗力度\n\n返还失业保险费。';
		const signedOff = [
			'paragraph:返还失业保险费。',
			'paragraph:中共北仑区委办公室',
			'paragraph:北仑区人民政府办公室',
			'paragraph:2022年12月1日'
		];
		for (const [signOff, after] of [
			['\n\n中共北仑区委办公室\n北仑区人民政府办公室\n2022年12月1日', []],
			['\n\n中共北仑区委办公室\n\n北仑区人民政府办公室\n\n2022年12月1日', []],
			[
				'\n\n中共北仑区委办公室\n北仑区人民政府办公室\n\n2022年12月1日\n\n（此件公开发布）',
				['note:（此件公开发布）']
			]
		] as const)
			expect(kinds(detectBlocks(notice + signOff)).slice(-4 - after.length), signOff).toEqual([
				...signedOff,
				...after
			]);
		// The issue number under the title is a paragraph too, and leaves the lead to the text.
		expect(kinds(detectBlocks(notice.replace('\n\n', '\n\n北仑政办发〔2022〕58号\n\n'))).slice(0, 3)).toEqual(
			['title:关于做好稳就业工作的通知', 'paragraph:北仑政办发〔2022〕58号', 'lead:各街道办事处：']
		);
		// One paragraph a line, with the date in Chinese numerals.
		expect(
			kinds(detectBlocks('通知\n正文第一段。\n正文第二段。\n北仑区人民政府\n二〇二二年十二月一日')).slice(-2)
		).toEqual(['paragraph:北仑区人民政府', 'paragraph:二〇二二年十二月一日']);
		// A date ending a paragraph's lines is its own paragraph; a dateline within the text leaves the byline.
		expect(kinds(detectBlocks('通知\n\n正文第一段。\n\n最后一段。\n2022年12月1日')).slice(-2)).toEqual([
			'paragraph:最后一段。',
			'paragraph:2022年12月1日'
		]);
		expect(
			kinds(detectBlocks('标题在这里\n\n张三 李四\n\n2022年12月1日\n\n正文第一段。\n\n正文第二段。'))
		).toEqual([
			'title:标题在这里',
			'byline:张三 李四',
			'paragraph:2022年12月1日',
			'lead:正文第一段。',
			'paragraph:正文第二段。'
		]);
	});

	it('reads a notice: a short line between numbered headings is content, a numbered list stays spaced', () => {
		const blocks = detectBlocks(
			'培训通知\n\n各有关企业：\n\n一、培训时间\n\n2023年3月15日（星期三）上午9:00\n\n二、培训地点\n\n区行政服务中心三楼会议室\n\n三、报名方式\n\n请于3月10日前报名。\n\n附件：1.报名表\n2.培训日程\n\n北仑区商务局\n2023年3月1日'
		);
		expect(kinds(blocks).slice(2)).toEqual([
			'heading:一、培训时间',
			'paragraph:2023年3月15日（星期三）上午9:00',
			'heading:二、培训地点',
			'paragraph:区行政服务中心三楼会议室',
			'heading:三、报名方式',
			'paragraph:请于3月10日前报名。',
			'paragraph:附件：1.报名表 2.培训日程',
			'paragraph:北仑区商务局',
			'paragraph:2023年3月1日'
		]);
	});

	it('keeps the lines of a headline block apart: title, subtitle, date, speaker; a chapter is a heading', () => {
		expect(
			kinds(
				detectBlocks(
					'在全区经济工作会议上的讲话\n（2022年12月28日）\n区长 张三\n\n同志们：\n\n这次会议的任务是贯彻会议精神。'
				)
			)
		).toEqual([
			'title:在全区经济工作会议上的讲话',
			'note:（2022年12月28日）',
			'byline:区长 张三',
			'lead:同志们：',
			'paragraph:这次会议的任务是贯彻会议精神。'
		]);
		expect(
			kinds(
				detectBlocks(
					'北仑紧扣“六促六优”，作表率、勇争先\n书写高能门户新篇章\n\n周松华 龚雯雯\n\n潮起东海，奔竞不息。'
				)
			).slice(0, 3)
		).toEqual([
			'title:北仑紧扣“六促六优”，作表率、勇争先',
			'subtitle:书写高能门户新篇章',
			'byline:周松华 龚雯雯'
		]);
		// 第一章 总则 has the shape of two names, but it is numbered: a heading, not a byline.
		expect(
			kinds(
				detectBlocks(
					'人才安居实施办法\n\n第一章 总则\n\n第一条 为优化人才环境，制定本办法。\n\n第二条 本办法适用于全区。'
				)
			).slice(0, 2)
		).toEqual(['title:人才安居实施办法', 'heading:第一章 总则']);
	});

	it('copes with Windows newlines, a BOM, ideographic indents and a lost character', () => {
		const blocks = detectBlocks('\uFEFF标题\r\n\r\n\u3000\u3000第一段。\uFFFD\r\n\r\n第二段。');
		expect(kinds(blocks)).toEqual(['title:标题', 'lead:第一段。', 'paragraph:第二段。']);
	});
});

describe('buildArticle', () => {
	it('builds the one article model with sentence segments, stable ids and empty English', () => {
		const { article, script } = buildArticle(
			detectBlocks(
				'北仑紧扣“六促六优” 书写新篇章\n\n周松华 龚雯雯\n\n扛起使命\n\n潮起东海，奔竞不息。\n\n第一句。第二句。\n\n港城 王梦雄 摄\n\n……\n\n最后一段。'
			),
			{ slug: 'read' }
		);
		expect(script).toBe('simplified');
		expect(article.title).toEqual({ id: 'title', zh: '北仑紧扣“六促六优”', en: '' });
		expect(article.subtitle?.zh).toBe('书写新篇章');
		expect(article.byline).toEqual({ id: 'byline', zh: '周松华 龚雯雯', en: '' });
		expect(article.blocks).toEqual([
			{ type: 'heading', id: 'h1', segments: [{ id: 'h1-1', zh: '扛起使命', en: '' }] },
			{
				type: 'paragraph',
				id: 'p1',
				lead: true,
				segments: [{ id: 'p1-1', zh: '潮起东海，奔竞不息。', en: '' }]
			},
			{
				type: 'paragraph',
				id: 'p2',
				segments: [
					{ id: 'p2-1', zh: '第一句。', en: '' },
					{ id: 'p2-2', zh: '第二句。', en: '' }
				]
			},
			{
				type: 'caption',
				id: 'c1',
				segments: [{ id: 'c1-1', zh: '港城', en: '' }],
				credit: { id: 'c1-credit', zh: '王梦雄 摄', en: '' }
			},
			{ type: 'gap', id: 'g1', note: { zh: '……', en: '' } },
			{ type: 'paragraph', id: 'p3', segments: [{ id: 'p3-1', zh: '最后一段。', en: '' }] }
		]);
	});

	it('annotates Traditional text through Simplified and keeps what was written', () => {
		const toSimplified = (s: string) =>
			s.replace(/經/g, '经').replace(/濟/g, '济').replace(/發/g, '发').replace(/費/g, '费');
		const built = buildArticle(detectBlocks('經濟發展\n\n消費經濟發展。'), { slug: 'read', toSimplified });
		expect(built.script).toBe('traditional');
		expect(built.article.title.zh).toBe('经济发展');
		expect(built.written['经济发展']).toBe('經濟發展');
		expect(built.written['消费经济发展。']).toBe('消費經濟發展。');
	});
});

describe('decodeText', () => {
	const text = '宁波北仑：“扩中”“提低”。';
	it('reads UTF-8 with and without a BOM', () => {
		const bytes = new TextEncoder().encode(text);
		expect(decodeText(bytes)).toEqual({ ok: true, text, encoding: 'utf-8', bom: false });
		expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]))).toEqual({
			ok: true,
			text,
			encoding: 'utf-8',
			bom: true
		});
	});

	it('reads UTF-16 little- and big-endian by their BOM', () => {
		const le = [0xff, 0xfe];
		const be = [0xfe, 0xff];
		for (const c of text) {
			const u = c.charCodeAt(0);
			le.push(u & 0xff, u >> 8);
			be.push(u >> 8, u & 0xff);
		}
		expect(decodeText(new Uint8Array(le))).toMatchObject({ ok: true, text, encoding: 'utf-16le' });
		expect(decodeText(new Uint8Array(be))).toMatchObject({ ok: true, text, encoding: 'utf-16be' });
	});

	it('falls back to GB18030 for a GBK file (made with iconv)', () => {
		const result = decodeText(readFileSync(new URL('./testdata/gbk.txt', import.meta.url)));
		expect(result).toMatchObject({ ok: true, encoding: 'gb18030' });
		expect(result.ok && result.text).toContain('今年以来，北仑坚持以数字化改革为引领，推进“扩中”“提低”。');
	});

	it('refuses binary data', () => {
		expect(decodeText(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 0xff, 0x00, 0x13]))).toEqual({
			ok: false,
			reason: 'binary'
		});
	});
});
