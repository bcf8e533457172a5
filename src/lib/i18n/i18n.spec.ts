import { describe, expect, it } from 'vitest';
import { catalogKeys, negotiateLocale, resolveLocale, translator } from './index';

describe('interface language', () => {
	it('both catalogs have the same keys (plural forms aside)', () => {
		const base = (k: string) => k.replace(/_(zero|one|two|few|many|other)$/, '');
		expect([...new Set(catalogKeys('zh-CN').map(base))].sort()).toEqual(
			[...new Set(catalogKeys('en').map(base))].sort()
		);
	});

	it('cookie first, then Accept-Language, then English', () => {
		expect(resolveLocale('zh-CN', 'en-US')).toBe('zh-CN');
		expect(resolveLocale('klingon', 'zh-TW,zh;q=0.9')).toBe('zh-CN');
		expect(resolveLocale(undefined, 'fr-FR, en;q=0.5')).toBe('en');
		expect(resolveLocale(undefined, 'fr-FR')).toBe('en');
		expect(resolveLocale(undefined, null)).toBe('en');
	});

	it('honours quality values', () => {
		expect(negotiateLocale('en;q=0.4, zh-CN;q=0.8')).toBe('zh-CN');
		expect(negotiateLocale('zh;q=0, en')).toBe('en');
	});

	it('translates with interpolation and plurals', () => {
		expect(translator('en')('glossary.all', { count: 1 })).toBe('1 entry.');
		expect(translator('en')('glossary.all', { count: 2 })).toBe('2 entries.');
		expect(translator('zh-CN')('glossary.all', { count: 2 })).toBe('共 2 条。');
		expect(translator('zh-CN')('nav.glossary')).toBe('术语表');
	});
});
