/** The translate function travels to components through Svelte context, set once by the root layout. */
import { getContext, setContext } from 'svelte';
import type { TFunction } from 'i18next';
import { htmlLang, translator, type Locale } from './index';

const KEY = Symbol('i18n');

interface I18nContext {
	t: TFunction;
	locale: Locale;
	lang: string;
}

const contextOf = (locale: Locale): I18nContext => ({
	t: translator(locale),
	locale,
	lang: htmlLang(locale)
});

export function setI18n(locale: Locale): I18nContext {
	return setContext(KEY, contextOf(locale));
}

/** The same context for a component rendered on its own (`render` from svelte/server), outside the layout. */
export function i18nContext(locale: Locale): Map<symbol, I18nContext> {
	return new Map([[KEY, contextOf(locale)]]);
}

export function useI18n(): I18nContext {
	const ctx = getContext<I18nContext | undefined>(KEY);
	if (!ctx) throw new Error('useI18n() called outside the root layout');
	return ctx;
}
