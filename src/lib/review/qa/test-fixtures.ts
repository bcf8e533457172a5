/**
 * Test data shared by the QA specs (not used by the checks themselves): a small glossary in the shape of
 * content/glossary.yaml. Renderings here are fixtures, not editorial decisions.
 */
import type { GlossaryEntry } from '$lib/content/schema';
import { createQaContext } from './context';

export function entry(
	id: string,
	term: string,
	en: string,
	more: Partial<Pick<GlossaryEntry, 'aliases' | 'alsoRendered' | 'avoid'>> = {}
): GlossaryEntry {
	return {
		id,
		term,
		aliases: more.aliases ?? [],
		pinyin: 'x',
		literal: 'x',
		rendering: { en, source: 'test fixture' },
		alsoRendered: more.alsoRendered ?? [],
		avoid: more.avoid ?? [],
		explanation: 'Test fixture.',
		category: 'slogan',
		related: [],
		confidence: { level: 'likely' }
	};
}

export const GLOSSARY: GlossaryEntry[] = [
	entry('liu-cu-liu-you', '六促六优', 'Six Promotions and Six Optimisations', {
		alsoRendered: ['Six Promotions and Six Optimizations']
	}),
	entry('liang-ge-xian-xing', '两个先行', 'Two Firsts', { alsoRendered: ['two pioneering goals'] }),
	entry('kuo-zhong-ti-di', '扩中提低', 'expanding the middle-income group and raising low incomes'),
	entry('xiao-ju-ren', '专精特新“小巨人”', 'little giant'),
	entry('beilun', '北仑', 'Beilun'),
	entry('qiang-gang', '强港', 'strong port', {
		alsoRendered: ['port powerhouse'],
		avoid: ['world-class port', 'world-class strong port']
	}),
	entry('qu-wei', '区委', 'CPC Beilun District Committee', {
		alsoRendered: ['district Party committee'],
		avoid: ['district committee']
	}),
	entry('ji-zhong-jiao-liu', '集中交流', 'batch rotation', {
		alsoRendered: ['rotation'],
		avoid: ['concentrated rotation']
	})
];

/** The context of the seed article: the fixture glossary, 今年 = 2022. */
export const ctx = createQaContext(GLOSSARY, { year: 2022 });
