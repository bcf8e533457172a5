import { settingsSheet } from './settings';
import { linkStylesheet, readerStyleUrl } from './stylesheet';
import { showKeyboardHint } from './highlight';

/**
 * The reader's markup that only this script can work — the Listen panel, the word popover and the settings form
 * that opens in the page — is not sent with every page (it weighed two kilobytes of each page's compressed HTML).
 * The script fetches it once when it starts, in the page's interface language (/reader-ui/<locale>, rendered by
 * the server from the same Svelte components), and puts each part in its place: the settings form in a sheet that
 * takes the place of the toolbar's link to the settings page, Listen after it, the popover after the page, the
 * keys for reading by keyboard after the article.
 * Their styles (script-ui.css) are asked for at the same time, from the address that goes with the script's own
 * (./stylesheet.ts): the parts go in once they have loaded, never unstyled.
 */
export async function insertScriptUi(article: HTMLElement): Promise<void> {
	const locale = document.querySelector<HTMLElement>('.reader-toolbar')?.dataset.locale ?? 'en';
	// Asked for now, beside the markup; the markup goes in once it has loaded, never unstyled.
	const style = linkStylesheet(readerStyleUrl(import.meta.url));
	let html: string;
	try {
		const response = await fetch(`/reader-ui/${encodeURIComponent(locale)}`);
		if (!response.ok) return;
		html = await response.text();
	} catch {
		// Offline or blocked: the page stays as it is without JavaScript (term links go to their entries).
		return;
	}
	const parts = document.createRange().createContextualFragment(html);
	await style;
	const audio = parts.querySelector('[data-audio]');
	const popover = parts.querySelector('#word-popover');
	const form = parts.querySelector<HTMLFormElement>('form[data-reader-settings]');
	const link = document.querySelector<HTMLAnchorElement>('.reader-toolbar > a[data-settings-link]');
	const settings = form && link ? settingsSheet(link, form) : link;
	if (audio && settings) settings.after(audio);
	if (popover) (article.closest('.reader-page') ?? article).after(popover);
	const hint = parts.querySelector('#keyboard-hint');
	if (hint) article.after(hint);
	// A sentence may have taken keyboard focus while the markup was on its way.
	showKeyboardHint(document.activeElement);
}
