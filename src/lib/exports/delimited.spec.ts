import { describe, expect, it } from 'vitest';
import {
	delimitedField,
	delimitedRecords,
	neutraliseFormula,
	parseDelimited,
	restoreFormula
} from './delimited';

describe('formula neutralisation', () => {
	it.each([
		['=HYPERLINK("https://evil.example","x")', `'=HYPERLINK("https://evil.example","x")`],
		['+41 22', "'+41 22"],
		['-5%', "'-5%"],
		['@SUM(A1:A9)', "'@SUM(A1:A9)"],
		['\t=1+1', "'\t=1+1"],
		['\r=1+1', "'\r=1+1"],
		["'=already quoted", "''=already quoted"]
	])('puts a quote before %j', (value, written) => {
		expect(neutraliseFormula(value)).toBe(written);
		expect(restoreFormula(written)).toBe(value);
	});

	it.each(['plain', "it's", "'quoted text", '中文 = 文', 'a-b', '', "'", "''"])(
		'leaves %j alone, both ways',
		(value) => {
			expect(neutraliseFormula(value)).toBe(value);
			expect(restoreFormula(value)).toBe(value);
		}
	);

	it('quotes the neutralised cell when it holds the separator', () => {
		expect(delimitedField('\tx', '\t')).toBe(`"'\tx"`);
		expect(delimitedField('=a,b', ',')).toBe(`"'=a,b"`);
	});

	it('round-trips any text through write, parse and restore, for comma and tab', () => {
		const rows = [
			['=1+1', '+x', '-y', '@z'],
			['\t=tab', '\r=cr', "'=q", "''+qq"],
			["'plain", 'plain', '#hash', 'a "b", c']
		];
		for (const sep of [',', '\t'] as const) {
			const text = delimitedRecords(rows, sep);
			for (const line of text.split('\r\n')) expect(line).not.toMatch(/^[=+\-@]/);
			const parsed = parseDelimited(text, sep);
			expect(parsed.ok && parsed.records.map((r) => r.fields.map(restoreFormula))).toEqual(rows);
		}
	});
});
