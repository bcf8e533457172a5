import { describe, expect, it } from 'vitest';
import { DEFAULT_READER_SETTINGS, parseReaderSettings, settingsFromForm } from './settings';

describe('reading settings', () => {
	it('defaults to both languages with pinyin shown', () => {
		expect(DEFAULT_READER_SETTINGS).toEqual({ view: 'both', pinyin: 'on' });
	});

	it('falls back field by field on a damaged or tampered cookie', () => {
		expect(parseReaderSettings('not json')).toEqual(DEFAULT_READER_SETTINGS);
		expect(parseReaderSettings('"a string"')).toEqual(DEFAULT_READER_SETTINGS);
		expect(parseReaderSettings('{"view":"en","pinyin":"sideways"}')).toEqual({ view: 'en', pinyin: 'on' });
		expect(parseReaderSettings(undefined)).toEqual(DEFAULT_READER_SETTINGS);
	});

	it('merges form fields over the current settings', () => {
		const form = new FormData();
		form.set('pinyin', 'hover');
		form.set('returnTo', '/x');
		expect(settingsFromForm(form, { view: 'zh', pinyin: 'on' })).toEqual({ view: 'zh', pinyin: 'hover' });
	});
});
