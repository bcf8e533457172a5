/**
 * The one script every page loads (a few hundred bytes): it fetches the bigger scripts only when they have work.
 *
 * - The site script (due count beside Study, known shares of texts) matters only to a learner with saved words:
 *   it is imported at once when this browser's store is non-empty, and otherwise the moment a word is saved (in
 *   this tab or another).
 * - The reader's script (popovers, instant settings, keyboard reading, reading aloud) is imported after the page
 *   has loaded and painted: on the reader's first interaction with the text or its tools (pointer, touch, focus,
 *   key), when the browser is idle after the load event, or at once for a sentence link (#seg-…). A tap on a word
 *   or on Settings made before it has arrived is held and replayed once it runs, so the first tap on a word still
 *   opens its popover and Settings opens in the page; if the script cannot be loaded, a held tap on a link (a
 *   term, Settings) follows the link.
 *
 * Without JavaScript none of this runs and the page works as a plain page (links, forms, ruby).
 */
import { STORAGE_KEY, WORDS_CHANGED } from '../words/keys';
import { TERM_LINK } from '../reader/term-link';

const boot = document.querySelector<HTMLScriptElement>('script[data-site]');

let site = false;
function loadSite() {
	if (site || !boot?.dataset.site) return;
	site = true;
	void import(boot.dataset.site).catch(() => (site = false));
}
try {
	if (localStorage.getItem(STORAGE_KEY)) loadSite();
} catch {
	// Storage blocked: no saved words to show.
}
addEventListener(WORDS_CHANGED, loadSite);
addEventListener('storage', (e) => {
	if (e.key === STORAGE_KEY && e.newValue) loadSite();
});

const readerUrl = document.querySelector<HTMLMetaElement>('meta[name="reader-script"]')?.content;
const article = document.querySelector<HTMLElement>('article.reader');
if (readerUrl && article) {
	/** The tap (on a word or term) or on Settings waiting for the script. */
	let heldTap: { target: Element; init: MouseEventInit } | undefined;
	let heldSettings: HTMLAnchorElement | undefined;
	let loading: Promise<void> | undefined;
	const tools = () => document.querySelector('.reader-toolbar');
	const inReader = (t: EventTarget | null) =>
		t instanceof Node && (article.contains(t) || !!tools()?.contains(t));

	const hold = (e: Event) => {
		const target = e.target instanceof Element ? e.target : null;
		const m = e as MouseEvent;
		// A modified click on a link keeps its usual meaning.
		if (m.ctrlKey || m.metaKey || m.shiftKey || m.button) return;
		const settings = target?.closest<HTMLAnchorElement>('.reader-toolbar a[data-settings-link]');
		if (settings) {
			e.preventDefault();
			heldSettings = settings;
			void load(true);
			return;
		}
		// A word (ruby) or a term link in the text.
		const word = target?.closest(TERM_LINK) ?? target?.closest('.zh [data-seg] ruby');
		if (!word || !article.contains(word)) return;
		e.preventDefault();
		heldTap = {
			target: word,
			init: { bubbles: true, cancelable: true, clientX: m.clientX, clientY: m.clientY }
		};
		void load(true);
	};
	const trigger = (e: Event) => {
		if (inReader(e.target)) void load(true);
	};
	const triggers = ['pointerover', 'pointerdown', 'touchstart', 'focusin', 'keydown'];

	/**
	 * Import the reader's script once. `interest`: the reader is touching or pointing at the text or its tools,
	 * which the script reads (`data-interest` on the article) to fetch the words at once, beside its other parts.
	 */
	const load = (interest = false) => {
		if (interest) article.dataset.interest = '';
		return (loading ??= import(readerUrl).then(
			() => {
				stop();
				// The script listens now: give it what happened while it was on its way.
				heldTap?.target.dispatchEvent(new MouseEvent('click', heldTap.init));
				if (heldSettings) openSettings(heldSettings);
				heldTap = heldSettings = undefined;
			},
			() => {
				stop();
				// No script (offline, blocked): a held link goes where it points, as without JavaScript.
				const link = heldSettings ?? heldTap?.target.closest<HTMLAnchorElement>(TERM_LINK);
				if (link) location.assign(link.href);
			}
		));
	};
	/** The script has put the settings in a sheet in the link's place: open it; if it could not, follow the link. */
	const openSettings = (link: HTMLAnchorElement) => {
		const sheet = document.querySelector<HTMLDetailsElement>('.reader-toolbar > details.sheet');
		if (!sheet) return location.assign(link.href);
		sheet.open = true;
		sheet.querySelector('summary')?.focus();
	};
	const stop = () => {
		document.removeEventListener('click', hold, true);
		for (const type of triggers) document.removeEventListener(type, trigger, true);
	};
	document.addEventListener('click', hold, true);
	for (const type of triggers) document.addEventListener(type, trigger, { capture: true, passive: true });

	if (location.hash.startsWith('#seg-')) void load();
	else {
		const idle = () =>
			'requestIdleCallback' in window
				? requestIdleCallback(() => void load(), { timeout: 3000 })
				: setTimeout(load, 1);
		if (document.readyState === 'complete') idle();
		else addEventListener('load', idle, { once: true });
	}
}
