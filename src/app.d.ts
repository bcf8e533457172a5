// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Locale } from '$lib/i18n';
import type { TFunction } from 'i18next';

declare global {
	namespace App {
		interface Locals {
			locale: Locale;
			t: TFunction;
		}
	}
}

export {};
