/** Component tests: render a component in an interface language with the real catalog (browser tests only). */
import type { Component } from 'svelte';
import { render } from 'vitest-browser-svelte';
import type { Locale } from '../index';
import WithI18n from './WithI18n.svelte';

/** `component` with `props`, under the i18n context the root layout sets for `locale`. */
export function renderInLocale<P extends Record<string, unknown>>(
	locale: Locale,
	component: Component<P>,
	props: P
) {
	return render(WithI18n, {
		props: { locale, component: component as unknown as Component<Record<string, unknown>>, props }
	});
}
