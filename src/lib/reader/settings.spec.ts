import { describe, expect, it } from 'vitest';
import {
	DEFAULT_READER_SETTINGS,
	hskHideLevel,
	markupChanged,
	parseReaderSettings,
	settingsFromForm
} from './settings';

describe('reading settings', () => {
	it('defaults to both languages, pinyin with tone marks as spoken, no colours, Simplified', () => {
		expect(DEFAULT_READER_SETTINGS).toEqual({
			view: 'both',
			pinyin: 'on',
			toneColours: 'none',
			toneStyle: 'marks',
			pinyinSize: 'medium',
			hideHskAtOrBelow: 'off',
			knownPinyin: 'show',
			tintLearning: 'off',
			sandhi: 'spoken',
			script: 'simplified'
		});
	});

	it('falls back field by field on a damaged or tampered cookie', () => {
		expect(parseReaderSettings('not json')).toEqual(DEFAULT_READER_SETTINGS);
		expect(parseReaderSettings('"a string"')).toEqual(DEFAULT_READER_SETTINGS);
		expect(parseReaderSettings('{"view":"en","pinyin":"sideways"}')).toEqual({
			...DEFAULT_READER_SETTINGS,
			view: 'en'
		});
		expect(
			parseReaderSettings(
				'{"toneColours":"rainbow","script":"traditional-tw","hideHskAtOrBelow":7,"sandhi":"dictionary"}'
			)
		).toEqual({ ...DEFAULT_READER_SETTINGS, script: 'traditional-tw', sandhi: 'dictionary' });
		expect(parseReaderSettings(undefined)).toEqual(DEFAULT_READER_SETTINGS);
	});

	it('merges form fields over the current settings', () => {
		const form = new FormData();
		form.set('pinyin', 'hover');
		form.set('toneColours', 'pleco');
		form.set('hideHskAtOrBelow', '3');
		form.set('returnTo', '/x');
		expect(settingsFromForm(form, { ...DEFAULT_READER_SETTINGS, view: 'zh' })).toEqual({
			...DEFAULT_READER_SETTINGS,
			view: 'zh',
			pinyin: 'hover',
			toneColours: 'pleco',
			hideHskAtOrBelow: '3'
		});
	});

	it('knows which changes need new markup and which are only CSS', () => {
		const d = DEFAULT_READER_SETTINGS;
		expect(markupChanged(d, { ...d, view: 'zh', pinyin: 'off', pinyinSize: 'large' })).toBe(false);
		expect(markupChanged({ ...d, toneColours: 'pleco' }, { ...d, toneColours: 'hanping' })).toBe(false);
		expect(markupChanged(d, { ...d, toneColours: 'contrast' })).toBe(true);
		expect(markupChanged(d, { ...d, script: 'traditional-hk' })).toBe(true);
		expect(markupChanged(d, { ...d, toneStyle: 'numbers' })).toBe(true);
		expect(markupChanged(d, { ...d, sandhi: 'dictionary' })).toBe(true);
		expect(markupChanged(d, { ...d, hideHskAtOrBelow: '2' })).toBe(true);
		expect(hskHideLevel(d)).toBe(0);
		expect(hskHideLevel({ ...d, hideHskAtOrBelow: '4' })).toBe(4);
	});
});
