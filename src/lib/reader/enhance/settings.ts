import { READER_COOKIE, READER_COOKIE_MAX_AGE, parseReaderSettings, type ReaderSettings } from '../settings';

function readCookie(name: string): string | undefined {
	const hit = document.cookie.split('; ').find((c) => c.startsWith(`${name}=`));
	return hit ? decodeURIComponent(hit.slice(name.length + 1)) : undefined;
}

function writeCookie(settings: ReaderSettings) {
	const secure = location.protocol === 'https:' ? '; secure' : '';
	document.cookie = `${READER_COOKIE}=${encodeURIComponent(JSON.stringify(settings))}; path=/; max-age=${READER_COOKIE_MAX_AGE}; samesite=lax${secure}`;
}

/** Apply reading settings the moment a radio changes, and remember them in the same cookie the server reads. */
export function enhanceSettings(article: HTMLElement) {
	const form = document.querySelector<HTMLFormElement>('form[data-reader-settings]');
	if (!form) return;
	form.querySelector<HTMLElement>('[data-apply]')?.setAttribute('hidden', '');
	form.addEventListener('change', () => {
		const fields = Object.fromEntries(
			[...new FormData(form)].filter(([k]) => k !== 'returnTo').map(([k, v]) => [k, String(v)])
		);
		const settings = parseReaderSettings(
			JSON.stringify({ ...parseReaderSettings(readCookie(READER_COOKIE)), ...fields })
		);
		article.dataset.view = settings.view;
		article.dataset.pinyin = settings.pinyin;
		writeCookie(settings);
	});
}
