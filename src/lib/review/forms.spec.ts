import { describe, expect, it } from 'vitest';
import { DraftForm, MAX_TEXT, SaveForm, parseForm, textProblem } from './forms';

const form = (fields: Record<string, string>) => {
	const f = new FormData();
	for (const [k, v] of Object.entries(fields)) f.set(k, v);
	return f;
};

describe('review forms', () => {
	it('parses a save, with the base version as a number', () => {
		expect(
			parseForm(SaveForm, form({ segmentId: 'p3-2', en: 'Text.', status: 'approved', baseVersion: '4' }))
		).toEqual({
			segmentId: 'p3-2',
			en: 'Text.',
			status: 'approved',
			baseVersion: 4
		});
	});

	it('refuses blank English, unknown statuses, bad ids and versions', () => {
		const ok = { segmentId: 'p3-2', en: 'Text.', status: 'approved', baseVersion: '4' };
		expect(parseForm(SaveForm, form({ ...ok, en: '  ' }))).toBeUndefined();
		expect(parseForm(SaveForm, form({ ...ok, status: 'published' }))).toBeUndefined();
		expect(parseForm(SaveForm, form({ ...ok, segmentId: '../x' }))).toBeUndefined();
		expect(parseForm(SaveForm, form({ ...ok, baseVersion: '-1' }))).toBeUndefined();
		// A draft may be empty (the reviewer cleared the field).
		expect(parseForm(DraftForm, form({ segmentId: 'p3-2', en: '', baseVersion: '0' }))).toBeDefined();
	});
});

describe('textProblem', () => {
	it('says a text is too long, with the limit', () => {
		expect(textProblem('x'.repeat(1024 * 1024))).toEqual({ code: 'tooLong', max: MAX_TEXT });
		expect(textProblem('x'.repeat(MAX_TEXT))).toBeUndefined();
	});

	it.each([
		['\u0001', 'U+0001'],
		['\u000B', 'U+000B'],
		['\u000C', 'U+000C'],
		['\uFFFE', 'U+FFFE'],
		['\uFFFF', 'U+FFFF']
	])('names the control character %j', (character, name) => {
		expect(textProblem(`before${character}after`)).toEqual({ code: 'badCharacter', character: name });
	});

	it('accepts tabs, line breaks and ordinary text', () => {
		expect(textProblem('a\tb\r\nc\nd 中文 “quotes”')).toBeUndefined();
		expect(textProblem(null)).toBeUndefined();
	});
});
