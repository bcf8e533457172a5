/**
 * Interface language: i18next over the catalogs in messages/. The locale comes from the `locale` cookie, then
 * Accept-Language, then English; the server renders in it, so there is no flash of the other language.
 */
import i18next, { type TFunction } from 'i18next';
import * as v from 'valibot';
import en from '$messages/en.json';
import zhCN from '$messages/zh-CN.json';

/** Supported interface locales, in the order they are offered. */
export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];
export const LocaleSchema = v.picklist(LOCALES);

/** The cookie that remembers the reader's choice. */
export const LOCALE_COOKIE = 'locale';

const catalogs: Record<Locale, Record<string, unknown>> = { en, 'zh-CN': zhCN };

/** Each locale's name in its own language, for the switcher. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', 'zh-CN': '简体中文' };

/** The BCP 47 tag for the `lang` attribute of text in this locale. */
export const htmlLang = (locale: Locale) => (locale === 'zh-CN' ? 'zh-Hans' : 'en');

/** Pick the best supported locale from an Accept-Language header. */
export function negotiateLocale(header: string | null | undefined): Locale | undefined {
	const ranked = (header ?? '')
		.split(',')
		.map((part) => {
			const [tag = '', ...params] = part.trim().split(';');
			const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
			return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1 };
		})
		.filter((r) => r.tag && r.q > 0)
		.sort((a, b) => b.q - a.q);
	for (const { tag } of ranked) {
		if (tag === 'en' || tag.startsWith('en-')) return 'en';
		if (tag === 'zh' || tag.startsWith('zh-')) return 'zh-CN';
	}
	return undefined;
}

/** Cookie first (if valid), then Accept-Language, then English. */
export function resolveLocale(cookie: string | undefined, acceptLanguage: string | null): Locale {
	const fromCookie = v.safeParse(LocaleSchema, cookie);
	if (fromCookie.success) return fromCookie.output;
	return negotiateLocale(acceptLanguage) ?? 'en';
}

const translators = new Map<Locale, TFunction>();

/** A translate function for one locale. Catalogs are static, so one i18next instance per locale serves all requests. */
export function translator(locale: Locale): TFunction {
	let t = translators.get(locale);
	if (!t) {
		const instance = i18next.createInstance();
		instance.init({
			lng: locale,
			fallbackLng: 'en',
			resources: Object.fromEntries(LOCALES.map((l) => [l, { translation: catalogs[l] }])),
			initAsync: false,
			interpolation: { escapeValue: false },
			returnNull: false
		});
		t = instance.t;
		translators.set(locale, t);
	}
	return t;
}

/** Every key of a catalog, flattened with dots (for the catalog-parity test). */
export function catalogKeys(locale: Locale): string[] {
	const walk = (obj: Record<string, unknown>, prefix: string): string[] =>
		Object.entries(obj).flatMap(([k, val]) =>
			typeof val === 'object' && val !== null
				? walk(val as Record<string, unknown>, `${prefix}${k}.`)
				: [`${prefix}${k}`]
		);
	return walk(catalogs[locale], '');
}
