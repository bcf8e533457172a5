/**
 * Test data for the export specs: a small article and glossary covering every block type and the characters
 * that need escaping, validated against the real schemas; and the curated content files when they validate.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as v from 'valibot';
import { ArticleSchema, GlossarySchema, type Article, type GlossaryEntry } from '$lib/content/schema';
import { parseArticle, parseGlossary } from '$lib/content/validate';

export const article: Article = v.parse(ArticleSchema, {
	slug: 'test-article',
	title: { id: 'title', zh: '北仑“六促六优”', en: 'Beilun and the "Six Promotions"' },
	subtitle: { id: 'subtitle', zh: '作表率、勇争先', en: 'Setting the pace, racing ahead' },
	byline: { id: 'byline', zh: '周松华 龚雯雯', en: 'Zhou Songhua and Gong Wenwen' },
	source: { zh: '报纸版面', en: 'Newspaper page' },
	date: { zh: '2022年末', en: 'Late 2022' },
	blocks: [
		{ type: 'heading', id: 'h1', segments: [{ id: 'h1-1', zh: '潮起东海', en: 'The tide rises' }] },
		{
			type: 'paragraph',
			id: 'p1',
			lead: true,
			segments: [
				{ id: 'p1-1', zh: '潮起东海，奔竞不息。', en: 'The tide rises on the East China Sea, racing on.' },
				{
					id: 'p1-2',
					zh: '标记<b>&"\'测试',
					en: 'Markup <b>&"\' test, with a comma',
					note: { en: 'Escaping test: <b>, & and "quotes",\nover two lines.', zh: '转义测试' }
				}
			]
		},
		{
			type: 'caption',
			id: 'c1',
			segments: [{ id: 'c1-1', zh: '“风环巢”夜景', en: 'The Wind Ring Nest by night' }],
			credit: { id: 'c1-credit', zh: '王哲波 摄', en: 'Photo: Wang Zhebo' }
		},
		{ type: 'gap', id: 'g1', note: { en: 'A passage is missing from the source.', zh: '原文缺失' } },
		{
			type: 'note',
			id: 'n1',
			segments: [{ id: 'n1-1', zh: '今年指2022年。', en: '"This year" means 2022.' }]
		}
	]
});

/** Segment ids of the fixture article in reading order. */
export const segmentIds = [
	'title',
	'subtitle',
	'byline',
	'h1-1',
	'p1-1',
	'p1-2',
	'c1-1',
	'c1-credit',
	'n1-1'
];

export const glossary: GlossaryEntry[] = v.parse(GlossarySchema, [
	{
		id: 'liu-cu-liu-you',
		term: '六促六优',
		aliases: ['六促', '六促六优行动'],
		pinyin: 'liù cù liù yōu',
		literal: 'six promotes, six optimises',
		rendering: { en: 'Six Promotions and Six Optimisations', source: 'working translation' },
		alsoRendered: ['Six Promotes & Six Optimises'],
		avoid: ['six promotes and six optimises'],
		explanation: 'A Beilun District campaign of "six promotions" <and> six optimisations.',
		category: 'programme',
		related: ['2-chang'],
		confidence: { level: 'likely', note: 'Not confirmed against an official English text.' }
	},
	{
		id: '2-chang',
		term: '两场',
		pinyin: 'liǎng chǎng',
		literal: 'two fields',
		rendering: { en: 'the two markets', source: 'inferred from context' },
		expansion: { zh: '市场和现场', en: 'the market and the site' },
		explanation: 'Short for two kinds of place the district manages.',
		category: 'jargon',
		related: ['liu-cu-liu-you'],
		confidence: { level: 'uncertain' }
	}
]);

const root = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));

/** The curated seed article and glossary, or null when they do not (yet) validate. */
export function loadRealContent(): { article: Article; glossary: GlossaryEntry[] } | null {
	try {
		const a = 'content/articles/beilun-liucu-liuyou.yaml';
		const g = 'content/glossary.yaml';
		return {
			article: parseArticle(a, readFileSync(root(a), 'utf8')),
			glossary: parseGlossary(g, readFileSync(root(g), 'utf8'))
		};
	} catch {
		return null;
	}
}
