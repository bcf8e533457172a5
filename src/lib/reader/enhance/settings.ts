import {
	READER_COOKIE,
	READER_COOKIE_MAX_AGE,
	markupChanged,
	parseReaderSettings,
	type ReaderSettings
} from '../settings';
import { readerPageUrl, shownSettings } from '../page-url';
import { TERM_LINK } from '../term-link';
import { fillSegmentIds } from '../segment-ids';
import { linkStylesheet } from './stylesheet';

function readCookie(name: string): string | undefined {
	const hit = document.cookie.split('; ').find((c) => c.startsWith(`${name}=`));
	return hit ? decodeURIComponent(hit.slice(name.length + 1)) : undefined;
}

function writeCookie(settings: ReaderSettings) {
	const secure = location.protocol === 'https:' ? '; secure' : '';
	document.cookie = `${READER_COOKIE}=${encodeURIComponent(JSON.stringify(settings))}; path=/; max-age=${READER_COOKIE_MAX_AGE}; samesite=lax${secure}`;
}

/** Settings that are attributes of the article, for CSS: they apply without new markup. */
function applyAttributes(article: HTMLElement, settings: ReaderSettings) {
	article.dataset.view = settings.view;
	article.dataset.pinyin = settings.pinyin;
	article.dataset.tones = settings.toneColours;
	article.dataset.pinyinSize = settings.pinyinSize;
	article.dataset.knownPinyin = settings.knownPinyin;
	article.dataset.tintLearning = settings.tintLearning;
}

let rendering = 0;
/** The settings the page shows now. */
let shown: ReaderSettings;

/**
 * Settings that change the markup (script, tone numbers, sandhi, tone marks on characters, hidden pinyin) are
 * rendered by the server, the one place each transformation lives: the article's content is fetched again, at
 * the address of the new settings, and swapped in, exactly what a reload would show. Listeners sit on the article
 * and stay.
 */
async function rerender(article: HTMLElement, address: string) {
	const ticket = ++rendering;
	// A text read at /read exists only in its form: post it again (the page puts the text back in its field).
	const readForm = document.querySelector<HTMLFormElement>('form[data-read-form]');
	const body = readForm ? new FormData(readForm) : undefined;
	body?.delete('file');
	const response = await fetch(readForm ? readForm.action : address, {
		method: readForm ? 'POST' : 'GET',
		body,
		headers: { accept: 'text/html' }
	});
	if (!response.ok || ticket !== rendering) return;
	// Without any inlined stylesheet: the parsed copy would apply it under this page's CSP, which does not list it.
	const html = (await response.text()).replace(/<style[\s\S]*?<\/style>/g, '');
	const doc = new DOMParser().parseFromString(html, 'text/html');
	const fresh = doc.querySelector<HTMLElement>('article.reader');
	if (!fresh || ticket !== rendering) return;
	await linkStylesheets(doc);
	if (ticket !== rendering) return;
	const focused = (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('.zh [data-seg]');
	document.getElementById('word-popover')?.hidePopover();
	article.replaceChildren(...document.adoptNode(fresh).childNodes);
	fillSegmentIds(article);
	// Settings changed since the request (CSS-only ones) stay as the reader left them.
	applyAttributes(article, shown);
	article.querySelectorAll(TERM_LINK).forEach((a) => a.setAttribute('aria-haspopup', 'dialog'));
	article.dispatchEvent(new Event('reader:rendered'));
	if (focused)
		article.querySelector<HTMLElement>(`.zh [data-seg="${CSS.escape(focused.dataset.seg!)}"]`)?.focus();
}

/**
 * Link the stylesheets the new page links and this one lacks (the tone colours', turned on in place), and wait
 * until they have loaded (or failed), so the new markup never shows unstyled.
 */
const linkStylesheets = (doc: Document) =>
	Promise.all(
		[...doc.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].map((l) => linkStylesheet(l.href))
	);

/** The settings the form's controls name (a field without a control, as the view at /read, from `base`). */
function formSettings(form: HTMLFormElement, base: ReaderSettings): ReaderSettings {
	const fields = Object.fromEntries(
		[...new FormData(form)].filter(([k]) => k !== 'returnTo').map(([k, v]) => [k, String(v)])
	);
	return parseReaderSettings(JSON.stringify({ ...base, ...fields }));
}

/**
 * Settings as a sheet that opens in the page: the toolbar's link to the settings page becomes a <details> (named
 * like the other tools, so one is open at a time) holding the form the script fetched with its other parts.
 */
export function settingsSheet(link: HTMLAnchorElement, form: HTMLFormElement): HTMLDetailsElement {
	const sheet = document.createElement('details');
	sheet.className = 'tool sheet';
	sheet.setAttribute('name', 'reader-tools');
	const summary = document.createElement('summary');
	summary.textContent = link.textContent;
	const panel = document.createElement('div');
	panel.className = 'tool-panel';
	panel.append(form);
	sheet.append(summary, panel);
	const focused = document.activeElement === link;
	link.replaceWith(sheet);
	if (focused) summary.focus();
	return sheet;
}

/** Check the form's options for `settings` (a radio group's or a list's value is the setting's). */
function showInForm(form: HTMLFormElement, settings: ReaderSettings) {
	for (const [name, value] of Object.entries(settings)) {
		const control = form.elements.namedItem(name);
		if (control instanceof RadioNodeList || control instanceof HTMLSelectElement) control.value = value;
	}
}

/**
 * Apply reading settings the moment a control changes, and remember them in the same cookie the server reads. A
 * reader page moves to the address of its new settings (src/lib/reader/page-url.ts), so a reload or a bookmark
 * shows what the reader chose. The form comes with the script's parts (set to the page's own settings here, as
 * the settings page sets it on the server); at /read it offers no Chinese/English view, as there is no English.
 */
export function enhanceSettings(article: HTMLElement) {
	const form = document.querySelector<HTMLFormElement>('form[data-reader-settings]');
	if (!form) return;
	form.querySelector<HTMLElement>('[data-apply]')?.setAttribute('hidden', '');
	// A reader page, or a text read at /read (in its form only: no address of its own, and no English).
	const readerPage = !document.querySelector('form[data-read-form]');
	shown = shownSettings(new URLSearchParams(location.search), parseReaderSettings(readCookie(READER_COOKIE)));
	showInForm(form, shown);
	const returnTo = form.elements.namedItem('returnTo');
	if (returnTo instanceof HTMLInputElement) returnTo.value = location.pathname + location.search;
	if (!readerPage) {
		const view = form.elements.namedItem('view');
		if (view instanceof RadioNodeList) (view[0] as Element | undefined)?.closest('fieldset')?.remove();
	}
	form.addEventListener('change', () => {
		const before = shown;
		const settings = formSettings(form, before);
		shown = settings;
		applyAttributes(article, settings);
		writeCookie(settings);
		const address = readerPageUrl(location.pathname, settings, form.dataset.locale!);
		if (readerPage) history.replaceState(history.state, '', address + location.hash);
		if (markupChanged(before, settings)) void rerender(article, address);
	});
}
