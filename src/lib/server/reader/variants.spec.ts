import { describe, expect, it } from 'vitest';
import { DEFAULT_READER_SETTINGS } from '$lib/reader/settings';
import { afterPreferenceChange, readerAddress } from './variants';

const PATH = '/articles/beilun-liucu-liuyou';
const zhOnly = { ...DEFAULT_READER_SETTINGS, view: 'zh' as const };

describe('which reader page an address shows', () => {
	it('the plain address: the default settings, or a redirect to the address of the cookie’s settings', () => {
		expect(readerAddress(PATH, '', DEFAULT_READER_SETTINGS, 'zh-CN')).toEqual({
			settings: DEFAULT_READER_SETTINGS,
			locale: 'zh-CN'
		});
		expect(readerAddress(PATH, '', zhOnly, 'en')).toEqual({ moved: `${PATH}?view=zh&lang=en` });
	});

	it('an address of settings: exactly those, in its language, whatever the cookie says', () => {
		expect(readerAddress(PATH, '?view=zh&lang=zh-CN', DEFAULT_READER_SETTINGS, 'en')).toEqual({
			settings: zhOnly,
			locale: 'zh-CN'
		});
	});

	it('any other way of writing settings: a redirect to their one address', () => {
		const moved = (search: string) => readerAddress(PATH, search, zhOnly, 'en');
		expect(moved('?view=zh')).toEqual({ moved: `${PATH}?view=zh&lang=en` });
		expect(moved('?lang=en&view=zh')).toEqual({ moved: `${PATH}?view=zh&lang=en` });
		expect(moved('?view=zh&lang=fr')).toEqual({ moved: `${PATH}?view=zh&lang=en` });
		expect(moved('?view=zh&lang=en&x=1')).toEqual({ moved: `${PATH}?view=zh&lang=en` });
		// The defaults written out: the plain address (which then follows the cookie).
		expect(moved('?view=both&lang=en')).toEqual({ moved: PATH });
	});
});

describe('where a preference form sends the reader back to', () => {
	it('a reader page in settings of its own: its plain address, which redirects to the new settings', () => {
		expect(afterPreferenceChange(`${PATH}?view=zh&lang=en`)).toBe(PATH);
		expect(afterPreferenceChange(`${PATH}?view=zh&lang=en#p3`)).toBe(`${PATH}#p3`);
	});

	it('any other page: where it was', () => {
		expect(afterPreferenceChange(PATH)).toBe(PATH);
		expect(afterPreferenceChange('/search?q=port')).toBe('/search?q=port');
		expect(afterPreferenceChange('/read')).toBe('/read');
	});
});
