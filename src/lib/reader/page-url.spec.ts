import { describe, expect, it } from 'vitest';
import { DEFAULT_READER_SETTINGS, type ReaderSettings } from './settings';
import {
	isDefaultSettings,
	isReaderQuery,
	offersView,
	readerPageUrl,
	settingsFromQuery,
	settingsPageUrl,
	shownSettings
} from './page-url';

const PATH = '/articles/beilun-liucu-liuyou';
const traditional: ReaderSettings = {
	...DEFAULT_READER_SETTINGS,
	script: 'traditional-hk',
	toneStyle: 'numbers',
	view: 'zh'
};

describe('the address of a reader page in given settings', () => {
	it('is the plain path in the default settings, whatever the language', () => {
		expect(readerPageUrl(PATH, DEFAULT_READER_SETTINGS, 'en')).toBe(PATH);
		expect(readerPageUrl(PATH, DEFAULT_READER_SETTINGS, 'zh-CN')).toBe(PATH);
		expect(isDefaultSettings(DEFAULT_READER_SETTINGS)).toBe(true);
		expect(isDefaultSettings(traditional)).toBe(false);
	});

	it('names each setting that differs from its default, in the schema order, then the language', () => {
		expect(readerPageUrl(PATH, traditional, 'zh-CN')).toBe(
			`${PATH}?view=zh&toneStyle=numbers&script=traditional-hk&lang=zh-CN`
		);
	});

	it('reads back the settings it wrote; a missing, bad or repeated value gives the default or the first', () => {
		const query = new URL(readerPageUrl(PATH, traditional, 'en'), 'http://localhost').searchParams;
		expect(settingsFromQuery(query)).toEqual(traditional);
		expect(settingsFromQuery(new URLSearchParams('view=sideways&pinyin=off&pinyin=on'))).toEqual({
			...DEFAULT_READER_SETTINGS,
			pinyin: 'off'
		});
		expect(settingsFromQuery(new URLSearchParams(''))).toEqual(DEFAULT_READER_SETTINGS);
	});

	it('tells a reader-page query from any other', () => {
		expect(isReaderQuery(new URLSearchParams('view=zh&lang=en'))).toBe(true);
		expect(isReaderQuery(new URLSearchParams('lang=en'))).toBe(true);
		expect(isReaderQuery(new URLSearchParams('q=port'))).toBe(false);
		expect(isReaderQuery(new URLSearchParams('view=zh&q=port'))).toBe(false);
		expect(isReaderQuery(new URLSearchParams(''))).toBe(false);
	});
});

describe('the settings a page shows, for its settings form', () => {
	it('are those its address names on a reader page in settings of its own, whatever the cookie says', () => {
		const query = new URL(readerPageUrl(PATH, traditional, 'en'), 'http://localhost').searchParams;
		expect(shownSettings(query, DEFAULT_READER_SETTINGS)).toEqual(traditional);
	});

	it('are the cookie’s anywhere else (a plain address, /read)', () => {
		expect(shownSettings(new URLSearchParams(''), traditional)).toEqual(traditional);
		expect(shownSettings(new URLSearchParams('q=port'), traditional)).toEqual(traditional);
	});

	it('offer the Chinese/English view except at /read, which has no English', () => {
		expect(offersView(PATH)).toBe(true);
		expect(offersView('/read')).toBe(false);
	});

	it('are on a settings page that knows its way back, query and all', () => {
		const url = new URL(settingsPageUrl(`${PATH}?view=zh&lang=en`), 'http://localhost');
		expect(url.pathname).toBe('/settings');
		expect(url.searchParams.get('returnTo')).toBe(`${PATH}?view=zh&lang=en`);
	});
});
