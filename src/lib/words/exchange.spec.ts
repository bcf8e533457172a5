import { describe, expect, it } from 'vitest';
import { parseWordFile, toAnkiText, toCsv, WORD_COLUMNS } from './exchange';
import { delimitedRecords, parseDelimited } from '$lib/exports/delimited';
import { parseSentenceLink, segmentFromHash, sentenceLink } from './sentence-link';
import type { SavedWord } from './schema';
import { SLUG, article, wordInput } from './test-fixtures';

const ORIGIN = 'https://reader.example';
const NOW = new Date('2024-07-01T00:00:00Z');

const saved = (word: string, extra: Partial<SavedWord> = {}): SavedWord => ({
	...wordInput(word),
	savedAt: '2024-05-01T10:00:00.000Z',
	...extra
});

/** Words from the real article, plus one whose fields hold every character that needs quoting. */
const words: SavedWord[] = [
	saved('港城', { pinyin: 'gǎng chéng', meaning: 'port city', hsk: undefined }),
	saved('高质量', {
		pinyin: 'gāo zhì liàng',
		meaning: 'high quality; high-grade',
		hsk: 5,
		traditional: '高質量'
	}),
	saved('发展', {
		pinyin: 'fā zhǎn',
		meaning: 'to develop, "growth"; tab\there',
		hsk: 4,
		traditional: '發展',
		sentenceZh: '第一行\n第二行\t有制表符，"引号"',
		sentenceEn: 'Line one,\r\nline two; a "quote" and a\ttab',
		savedAt: '2024-05-02T08:30:00.000Z'
	}),
	saved('产业', { meaning: '#not a comment', pinyin: 'chǎn yè' })
];

describe('the Anki file', () => {
	const text = toAnkiText(words, ORIGIN);
	const lines = text.split('\n');

	it('starts with Anki’s file headers for the Basic note type, without names Anki would map fields by', () => {
		expect(lines.slice(0, 5)).toEqual([
			'#separator:tab',
			'#html:true',
			'#notetype:Basic',
			'#tags column:13',
			'#bilingual-reader columns:Front\tBack\tWord\tPinyin\tMeaning\tHSK\tTraditional\tSentence\tTranslation\tArticle\tLink\tSaved\tTags'
		]);
		// A #columns: line would make Anki map by name, leaving a localised Basic's back empty.
		expect(lines.some((l) => l.startsWith('#columns:'))).toBe(false);
	});

	it('fills Front with the word and Back with pinyin, meaning, the sentence (word in bold), translation, link', () => {
		const records = parseDelimited(text, '\t', { skipComments: true });
		if (!records.ok) throw new Error('unparsable');
		const [front, back] = records.records[0]!.fields;
		expect(front).toBe('<div lang="zh-Hans" style="font-size: 2em">港城</div>');
		expect(back).toContain('<div lang="zh-Latn-pinyin">gǎng chéng</div><div lang="en">port city</div>');
		expect(back).toContain('<b>港城</b>');
		expect(back).toContain(`<p lang="en">${words[0]!.sentenceEn}</p>`);
		expect(back).toContain(`<a href="${ORIGIN}/articles/${SLUG}#seg-p4-1">`);
		for (const record of records.records) {
			expect(record.fields[0]!.length).toBeGreaterThan(0);
			expect(record.fields[1]!.length).toBeGreaterThan(0);
		}
		// A word saved with its place in the sentence is bold there only, not inside other words.
		const one = saved('市', { sentenceZh: '上市企业，市级企业', at: 5 });
		const oneRecords = parseDelimited(toAnkiText([one], ORIGIN), '\t', { skipComments: true });
		if (!oneRecords.ok) throw new Error('unparsable');
		expect(oneRecords.records[0]!.fields[1]).toContain('<p lang="zh-Hans">上市企业，<b>市</b>级企业</p>');
		// Text that looks like markup is escaped, on both sides of the card and in the data columns.
		const risky = toAnkiText([{ ...words[0]!, meaning: '<script>x</script> & "q"' }], ORIGIN);
		expect(risky).not.toContain('<script>');
		expect(risky).toContain('&lt;script&gt;x&lt;/script&gt; &amp; ');
		expect(parseWordFile(risky, NOW)).toMatchObject({
			ok: true,
			words: [{ meaning: '<script>x</script> & "q"' }]
		});
	});

	it('has one tab-separated note per word, with a link back to the sentence and tags', () => {
		expect(lines[5]!.split('\t').slice(2).join('\t')).toBe(
			[
				'港城',
				'gǎng chéng',
				'port city',
				'',
				'',
				words[0]!.sentenceZh,
				words[0]!.sentenceEn,
				article.title.en,
				`${ORIGIN}/articles/${SLUG}#seg-p4-1`,
				'2024-05-01T10:00:00.000Z',
				SLUG
			].join('\t')
		);
		expect(lines[6]).toContain(`\t高質量\t`);
		expect(lines[6]!.endsWith(`\tHSK5 ${SLUG}`)).toBe(true);
	});

	it('quotes fields with tabs, newlines, quotes, or a leading # (which Anki would skip as a comment)', () => {
		const records = parseDelimited(text, '\t', { skipComments: true });
		expect(records.ok && records.records.map((r) => r.fields.length)).toEqual([13, 13, 13, 13]);
		expect(text).toContain('"to develop, &quot;growth&quot;; tab\there"');
		expect(text).toContain('"第一行\n第二行\t有制表符，&quot;引号&quot;"');
		expect(text).toContain('\t"#not a comment"\t');
		expect(text.endsWith('\n')).toBe(true);
	});

	it('imports back exactly', () => {
		expect(parseWordFile(text, NOW)).toEqual({ ok: true, format: 'anki', words });
	});
});

describe('the CSV file', () => {
	const text = toCsv(words, ORIGIN);

	it('is RFC 4180 with a header row and a BOM', () => {
		expect(
			text.startsWith('\uFEFFWord,Pinyin,Meaning,HSK,Traditional,Sentence,Translation,Article,Link,Saved\r\n')
		).toBe(true);
		expect(text).toContain('"high quality; high-grade"'.replace(/"/g, '') + ',5,高質量,');
		expect(text).toContain('"Line one,\r\nline two; a ""quote"" and a\ttab"');
		expect(text.endsWith('\r\n')).toBe(true);
	});

	it('imports back exactly', () => {
		expect(parseWordFile(text, NOW)).toEqual({ ok: true, format: 'csv', words });
	});

	it('imports with columns in another order and names in another case, extra columns ignored', () => {
		const csv = delimitedRecords(
			[
				['link', 'WORD', 'Notes', 'pinyin', 'Meaning', 'Sentence', 'Translation', 'Article'],
				[sentenceLink(SLUG, 'p4-1'), '港城', 'mine', 'gǎng chéng', 'port city', '句子', 'Sentence', 'Title']
			],
			',',
			'\n'
		);
		expect(parseWordFile(csv, NOW)).toEqual({
			ok: true,
			format: 'csv',
			words: [
				{
					word: '港城',
					pinyin: 'gǎng chéng',
					meaning: 'port city',
					sentenceZh: '句子',
					sentenceEn: 'Sentence',
					articleTitle: 'Title',
					slug: SLUG,
					segmentId: 'p4-1',
					savedAt: NOW.toISOString()
				}
			]
		});
	});
});

describe('importing a bad file', () => {
	const header = WORD_COLUMNS.join(',');
	const good = toCsv([words[0]!], ORIGIN).split('\r\n')[1]!;

	it('lists every bad row by line and field, and takes nothing', () => {
		const csv = [
			header,
			good,
			good.replace('gǎng chéng', ''),
			good.replace(',2024-05-01T10:00:00.000Z', ',last Tuesday'),
			good.replace(`#seg-p4-1`, ''),
			good.replace('港城', '#港城'),
			`高质量,gāo,x,9,,s,t,a,${sentenceLink(SLUG, 'p1-1')},`
		].join('\r\n');
		expect(parseWordFile(csv)).toEqual({
			ok: false,
			problems: [
				{ code: 'badField', line: 3, column: 'Pinyin', problem: 'missing' },
				{ code: 'badField', line: 4, column: 'Saved', problem: 'invalid' },
				{ code: 'badField', line: 5, column: 'Link', problem: 'invalid' },
				{ code: 'badField', line: 6, column: 'Word', problem: 'invalid' },
				{ code: 'badField', line: 7, column: 'HSK', problem: 'invalid' }
			]
		});
	});

	it('counts lines across quoted newlines', () => {
		// The first word's sentence and translation each hold a line break: its record spans lines 2–4.
		const csv = toCsv([words[2]!, words[0]!], ORIGIN).replace('port city', '');
		expect(parseWordFile(csv)).toMatchObject({
			ok: false,
			problems: [{ code: 'badField', line: 5, column: 'Meaning', problem: 'missing' }]
		});
	});

	it('reports too many fields (an unquoted tab), an unclosed quote, text after a quote', () => {
		const anki = toAnkiText([words[0]!], ORIGIN);
		expect(parseWordFile(anki.replace('\tport city\t', '\tport\tcity\t'))).toEqual({
			ok: false,
			problems: [{ code: 'extraFields', line: 6, expected: 13, found: 14 }]
		});
		expect(parseWordFile(anki.replace('\tport city\t', '\t"port city\t'))).toEqual({
			ok: false,
			problems: [{ code: 'unclosedQuote', line: 6 }]
		});
		expect(parseWordFile(`${header}\r\n"港城"x,a`)).toEqual({
			ok: false,
			problems: [{ code: 'textAfterQuote', line: 2 }]
		});
	});

	it('refuses files that are not word lists', () => {
		expect(parseWordFile('')).toEqual({
			ok: false,
			problems: [
				{
					code: 'missingColumns',
					columns: ['Word', 'Pinyin', 'Meaning', 'Sentence', 'Translation', 'Article', 'Link']
				}
			]
		});
		expect(parseWordFile(`${header}\r\n`)).toEqual({ ok: false, problems: [{ code: 'empty' }] });
		expect(parseWordFile('id,zh,en\r\np1-1,你好,Hello\r\n')).toMatchObject({
			ok: false,
			problems: [{ code: 'missingColumns' }]
		});
		expect(parseWordFile('#separator:tab\n#html:true\n#columns:Word\n港城\n')).toEqual({
			ok: false,
			problems: [{ code: 'htmlFields' }]
		});
		expect(parseWordFile('#separator:Backslash\n')).toEqual({
			ok: false,
			problems: [{ code: 'badSeparator', value: 'Backslash' }]
		});
	});
});

describe('sentence links', () => {
	it('round-trip, relative or absolute', () => {
		expect(sentenceLink(SLUG, 'p4-1')).toBe(`/articles/${SLUG}#seg-p4-1`);
		expect(parseSentenceLink(sentenceLink(SLUG, 'p4-1', ORIGIN))).toEqual({ slug: SLUG, segmentId: 'p4-1' });
		expect(parseSentenceLink(`/articles/${SLUG}`)).toBeUndefined();
		expect(parseSentenceLink('/glossary/x#seg-p1')).toBeUndefined();
		expect(segmentFromHash('#seg-p4-1')).toBe('p4-1');
		expect(segmentFromHash('#p4')).toBeUndefined();
	});

	it('from a text read at /read, go back to /read and read back', () => {
		expect(sentenceLink('read', 'p2-1')).toBe('/read#seg-p2-1');
		expect(parseSentenceLink(sentenceLink('read', 'p2-1', ORIGIN))).toEqual({
			slug: 'read',
			segmentId: 'p2-1'
		});
		expect(parseSentenceLink('/read')).toBeUndefined();
	});
});

describe('delimited text', () => {
	it('parses what it writes, for any separator', () => {
		const rows = [
			['a', 'b,c', 'd\te'],
			['"q"', 'line\nbreak', ''],
			['#x', ' spaced ', 'crlf\r\nend']
		];
		for (const sep of [',', '\t', ';'] as const) {
			const parsed = parseDelimited(delimitedRecords(rows, sep, '\r\n'), sep);
			expect(parsed.ok && parsed.records.map((r) => r.fields)).toEqual(rows);
		}
	});

	it('skips blank lines, and comment lines when asked', () => {
		const parsed = parseDelimited('#c\n\na\tb\r\n#d\r\n\r\nc\td', '\t', { skipComments: true });
		expect(parsed).toEqual({
			ok: true,
			records: [
				{ line: 3, fields: ['a', 'b'] },
				{ line: 6, fields: ['c', 'd'] }
			]
		});
	});
});

describe('formula-like words', () => {
	const risky = [
		saved('港城', { meaning: '=HYPERLINK("https://evil.example","open")', pinyin: 'gǎng chéng' }),
		saved('发展', { meaning: "'=kept as typed", pinyin: 'fā zhǎn', sentenceEn: '-1 and +2' }),
		saved('产业', { meaning: '@mention', pinyin: 'chǎn yè' })
	];

	it('are written with a leading quote in CSV and Anki files, and import back unchanged', () => {
		const csv = toCsv(risky, ORIGIN);
		const anki = toAnkiText(risky, ORIGIN);
		expect(csv).toContain(`"'=HYPERLINK(""https://evil.example"",""open"")"`);
		expect(csv).toContain(",''=kept as typed,");
		expect(anki).toContain("\t'@mention\t");
		expect(anki).toContain("\t'-1 and +2\t");
		for (const text of [csv, anki]) {
			const cells = text.split(/[\t,\r\n]/).map((c) => c.replace(/^"/, ''));
			expect(cells.filter((c) => /^[=+\-@]/.test(c))).toEqual([]);
		}
		expect(parseWordFile(csv, NOW)).toEqual({ ok: true, format: 'csv', words: risky });
		expect(parseWordFile(anki, NOW)).toEqual({ ok: true, format: 'anki', words: risky });
	});
});
