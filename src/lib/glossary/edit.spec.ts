import { describe, expect, it } from 'vitest';
import { entryConflicts, entryFromForm, entryToForm, formValues, suggestFromTerm } from './edit';
import type { GlossaryEntry } from '$lib/content/schema';

const form = formValues({
	id: 'kuo-zhong-ti-di',
	term: '“扩中提低”',
	aliases: '扩中\r\n\r\n  提低  ',
	pinyin: 'kuòzhōng tídī',
	literal: 'expand the middle, raise the low',
	renderingEn: 'expanding the middle and raising the low',
	renderingSource: 'Working translation',
	alsoRendered: 'expanding middle-income groups and raising low incomes',
	avoid: 'expand the middle and lift the bottom\n\n',
	expansionZh: '扩大中等收入群体、提高低收入群体收入',
	expansionEn: 'expanding the middle-income group and raising low incomes',
	explanation: 'Zhejiang’s income policy within common prosperity.',
	category: 'slogan',
	related: '',
	confidenceLevel: 'confirmed',
	confidenceNote: ''
});

describe('the glossary entry form', () => {
	it('reads a form into an entry of the glossary model, trimmed, lists one a line, outer quotation marks dropped', () => {
		const result = entryFromForm(form);
		expect(result).toEqual({
			ok: true,
			entry: {
				id: 'kuo-zhong-ti-di',
				term: '扩中提低',
				aliases: ['扩中', '提低'],
				pinyin: 'kuòzhōng tídī',
				literal: 'expand the middle, raise the low',
				rendering: { en: 'expanding the middle and raising the low', source: 'Working translation' },
				alsoRendered: ['expanding middle-income groups and raising low incomes'],
				avoid: ['expand the middle and lift the bottom'],
				expansion: {
					zh: '扩大中等收入群体、提高低收入群体收入',
					en: 'expanding the middle-income group and raising low incomes'
				},
				explanation: 'Zhejiang’s income policy within common prosperity.',
				category: 'slogan',
				related: [],
				confidence: { level: 'confirmed' }
			}
		});
		if (result.ok) expect(entryFromForm(entryToForm(result.entry))).toEqual(result);
	});

	it('names each field that needs attention, with an interface message key', () => {
		const result = entryFromForm({
			...form,
			id: '',
			pinyin: '扩中',
			renderingEn: 'x'.repeat(301),
			alsoRendered: Array.from({ length: 21 }, (_, i) => `r${i}`).join('\n'),
			category: 'nonsense'
		});
		expect(result).toEqual({
			ok: false,
			problems: [
				{ field: 'id', key: 'required' },
				{ field: 'pinyin', key: 'pinyinLatin' },
				{ field: 'renderingEn', key: 'tooLong', params: { max: 300 } },
				{ field: 'alsoRendered', key: 'tooMany', params: { max: 20 } },
				{ field: 'category', key: 'badChoice' }
			]
		});
		expect(entryFromForm({ ...form, expansionEn: '' })).toEqual({
			ok: false,
			problems: [{ field: 'expansionEn', key: 'expansionPair' }]
		});
		// A rendering to avoid cannot also be the preferred one or an admitted one.
		expect(entryFromForm({ ...form, avoid: 'Expanding the middle and raising the low' })).toEqual({
			ok: false,
			problems: [
				{
					field: 'avoid',
					key: 'avoidAdmitted',
					params: { rendering: 'Expanding the middle and raising the low' }
				}
			]
		});
		expect(entryFromForm({ ...form, avoid: '扩中' })).toEqual({
			ok: false,
			problems: [{ field: 'avoid', key: 'englishOnly' }]
		});
		expect(entryFromForm({ ...form, confidenceLevel: 'likely' })).toEqual({
			ok: false,
			problems: [{ field: 'confidenceNote', key: 'confidenceNoteNeeded' }]
		});
	});

	it('checks an entry against the glossary: ids, forms (quotation marks ignored) and related entries', () => {
		const result = entryFromForm({ ...form, related: 'missing' });
		if (!result.ok) throw new Error('the form should read');
		const other: GlossaryEntry = {
			...result.entry,
			id: 'other',
			term: '其他',
			aliases: ['“扩中”'],
			related: []
		};
		expect(entryConflicts(result.entry, [other])).toEqual([
			{ field: 'aliases', key: 'formTaken', params: { form: '扩中', id: 'other' } },
			{ field: 'related', key: 'unknownRelated', params: { id: 'missing' } }
		]);
		expect(entryConflicts({ ...result.entry, related: [] }, [result.entry], 'kuo-zhong-ti-di')).toEqual([]);
		expect(entryConflicts({ ...result.entry, related: [] }, [result.entry])).toEqual([
			{ field: 'id', key: 'idTaken', params: { id: 'kuo-zhong-ti-di' } },
			{ field: 'term', key: 'formTaken', params: { form: '扩中提低', id: 'kuo-zhong-ti-di' } },
			{ field: 'aliases', key: 'formTaken', params: { form: '扩中', id: 'kuo-zhong-ti-di' } }
		]);
	});

	it('suggests an id and pinyin from readings and words', () => {
		const r = (c: string, p: string | null) => ({ c, p });
		expect(
			suggestFromTerm(
				[r('两', 'liǎng'), r('场', 'chǎng'), r('一', 'yī'), r('仓', 'cāng')],
				['两', '场', '一', '仓']
			)
		).toEqual({ id: 'liang-chang-yi-cang', pinyin: 'liǎngchǎng yīcāng' });
		expect(
			suggestFromTerm(
				[r('１', null), r('4', null), r('1', null), r('体', 'tǐ'), r('系', 'xì')],
				['１41', '体系']
			)
		).toEqual({ id: '141-ti-xi', pinyin: '１41 tǐxì' });
	});
});
