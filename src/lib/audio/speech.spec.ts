import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseArticle } from '$lib/content/validate';
import {
	clampRate,
	pickChineseVoice,
	speechQueue,
	voiceRank,
	type SpeechBlock,
	type VoiceLike
} from './speech';

const article = parseArticle(
	'content/articles/beilun-liucu-liuyou.yaml',
	readFileSync(new URL('../../../content/articles/beilun-liucu-liuyou.yaml', import.meta.url), 'utf8')
);

/** The real article as the reader's page presents it: the header (title, subtitle), then each block. */
const blocks: SpeechBlock[] = [
	{
		id: 'header',
		sentences: [article.title, ...(article.subtitle ? [article.subtitle] : [])].map((s) => ({
			id: s.id,
			text: s.zh
		}))
	},
	...article.blocks.map((b) => ({
		id: b.id,
		sentences: 'segments' in b ? b.segments.map((s) => ({ id: s.id, text: s.zh })) : []
	}))
];

describe('what is read', () => {
	it('the whole article: every Chinese sentence in reading order', () => {
		const queue = speechQueue(blocks, 'article');
		const all = blocks.flatMap((b) => b.sentences.map((s) => s.id));
		expect(queue.map((s) => s.id)).toEqual(all);
		expect(queue[0]).toEqual({ id: 'title', text: article.title.zh });
		expect(queue.length).toBeGreaterThan(40);
	});

	it('a paragraph: its sentences in order, from any sentence in it', () => {
		const p3 = article.blocks.find((b) => b.id === 'p3')!;
		const ids = 'segments' in p3 ? p3.segments.map((s) => s.id) : [];
		expect(ids).toEqual(['p3-1', 'p3-2']);
		expect(speechQueue(blocks, 'paragraph', 'p3-2').map((s) => s.id)).toEqual(ids);
		expect(speechQueue(blocks, 'paragraph', 'p3-1').map((s) => s.id)).toEqual(ids);
	});

	it('a sentence: that one only; nothing for an unknown or missing one', () => {
		expect(speechQueue(blocks, 'sentence', 'p4-1')).toEqual([
			{ id: 'p4-1', text: expect.stringContaining('中国式现代化港城示范区') }
		]);
		expect(speechQueue(blocks, 'sentence', 'nope')).toEqual([]);
		expect(speechQueue(blocks, 'paragraph')).toEqual([]);
	});

	it('tidies whitespace and skips empty sentences', () => {
		const messy: SpeechBlock[] = [
			{
				id: 'b',
				sentences: [
					{ id: 'a', text: ' 潮起东海，\n 奔竞不息。 ' },
					{ id: 'b', text: '  ' }
				]
			}
		];
		expect(speechQueue(messy, 'article')).toEqual([{ id: 'a', text: '潮起东海， 奔竞不息。' }]);
	});
});

describe('choosing a voice', () => {
	const voice = (lang: string, name = lang, extra: Partial<VoiceLike> = {}): VoiceLike => ({
		lang,
		name,
		localService: true,
		default: false,
		...extra
	});

	it('prefers zh-CN, then other Mandarin, then Taiwan, then any zh-*', () => {
		const hk = voice('zh-HK');
		const tw = voice('zh-TW');
		const hans = voice('zh-Hans');
		const cn = voice('zh_CN', 'Android style');
		expect(pickChineseVoice([voice('en-US'), hk, tw, hans, cn])).toBe(cn);
		expect(pickChineseVoice([hk, tw, hans])).toBe(hans);
		expect(pickChineseVoice([hk, tw])).toBe(tw);
		expect(pickChineseVoice([voice('en-GB'), hk])).toBe(hk);
	});

	it('finds none among voices for other languages, or none at all (the headless case)', () => {
		expect(pickChineseVoice([voice('en-US'), voice('ja-JP'), voice('yue-HK')])).toBeUndefined();
		expect(pickChineseVoice([])).toBeUndefined();
	});

	it('among equals, takes the default voice, then one on the device', () => {
		const remote = voice('zh-CN', 'Google 普通话', { localService: false });
		const local = voice('zh-CN', 'Ting-Ting');
		const byDefault = voice('zh-CN', 'Default', { localService: false, default: true });
		expect(pickChineseVoice([remote, local])).toBe(local);
		expect(pickChineseVoice([remote, local, byDefault])).toBe(byDefault);
	});

	it('ranks language tags case-insensitively', () => {
		expect(voiceRank('ZH-cn')).toBe(0);
		expect(voiceRank('cmn-Hans-CN')).toBe(0);
		expect(voiceRank('zh')).toBe(1);
		expect(voiceRank('en-ZH')).toBe(-1);
	});
});

describe('the speaking rate', () => {
	it('stays between 0.5 and 2, to one decimal; normal speed for nonsense', () => {
		expect(clampRate(1)).toBe(1);
		expect(clampRate(1.26)).toBe(1.3);
		expect(clampRate(0.1)).toBe(0.5);
		expect(clampRate(9)).toBe(2);
		expect(clampRate(Number.NaN)).toBe(1);
		expect(clampRate(Number.POSITIVE_INFINITY)).toBe(1);
	});
});
