// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Locale } from '$lib/i18n';
import type { TFunction } from 'i18next';
import type { Account } from '$lib/server/auth';
import type { ReaderSettings } from '$lib/reader/settings';

declare global {
	namespace App {
		interface Locals {
			locale: Locale;
			t: TFunction;
			/** The signed-in account with its role (hooks.server.ts), or null. */
			reviewer: Account | null;
			/** A session cookie came with this request but its session had expired or was unknown. */
			sessionExpired: boolean;
			/** A load or endpoint of this request failed because the database could not be reached (answer 503). */
			databaseUnavailable: boolean;
			/** The reading settings pages render with: a reader page's from its address, others' from the cookie. */
			readerSettings: ReaderSettings;
		}
	}
}

export {};
