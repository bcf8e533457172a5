/**
 * /read's own script, with the texts read there kept in this browser ($lib/read/recent-texts). Bundled on its own
 * (build-tools/browser-script.ts).
 *
 * - On a page showing a text read at /read (the reader's script imports this once it runs, after first paint), the
 *   text is remembered: what the server read (the form's text as the page came, even from a file), not what the
 *   reader may have typed since.
 * - On /read before a text is read (a module script of the page), the texts kept are listed under the form, with
 *   Read again (the text goes into the form, which posts it as if pasted) and Remove. The page carries the list's
 *   markup and words in a <template>; without JavaScript, or with nothing kept, nothing shows.
 * - Opened at a sentence link (/read#seg-…: a word saved while reading a text here, from the word list), the page
 *   says where the sentence is: in one of the texts kept, which Read again opens at that sentence (the form posts
 *   to the page's address, fragment and all), or in a text this browser no longer keeps.
 */
import {
	RECENT_TEXTS_KEY,
	forgetAll,
	forgetText,
	readRecent,
	recentTitle,
	rememberText,
	type RecentText
} from '../recent-texts';
import { segmentFromHash } from '../../words/sentence-link';

const template = document.querySelector<HTMLTemplateElement>('template#recent-texts-template');
const form = document.querySelector<HTMLFormElement>('form[data-read-form]');

/** A word of the template's, with `{name}` placeholders filled in. */
function words(name: string, values: Record<string, string> = {}): string {
	return (template?.dataset[name] ?? '').replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');
}

function item(text: RecentText, index: number, locale: string): HTMLLIElement {
	const li = document.createElement('li');
	const title = li.appendChild(document.createElement('span'));
	title.className = 'recent-title';
	title.lang = 'zh';
	title.id = `recent-text-${index}`;
	title.textContent = text.title;
	const meta = li.appendChild(document.createElement('span'));
	meta.className = 'recent-meta';
	meta.textContent = words('meta', {
		characters: text.characters.toLocaleString(locale),
		date: new Date(text.readAt).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' })
	});
	const actions = li.appendChild(document.createElement('span'));
	actions.className = 'recent-actions';
	const button = (label: string, act: () => void) => {
		const b = actions.appendChild(document.createElement('button'));
		b.type = 'button';
		b.textContent = label;
		b.setAttribute('aria-describedby', title.id);
		b.addEventListener('click', act);
	};
	button(words('readAgain'), () => {
		const area = form?.querySelector('textarea');
		const file = form?.querySelector<HTMLInputElement>('input[type=file]');
		if (!form || !area) return;
		area.value = text.text;
		if (file) file.value = '';
		form.requestSubmit();
	});
	button(words('forget'), () => {
		forgetText(text.readAt);
		render(true);
	});
	return li;
}

/**
 * For a sentence link, what the page says about the text it leads to (above the form): perhaps among the texts
 * kept, or no longer kept. Nothing when the kept list is damaged: the list says so.
 */
function sayWhereTheSentenceIs(kept: 'some' | 'none' | 'damaged'): void {
	document.getElementById('sentence-link-note')?.remove();
	if (!form || kept === 'damaged' || !segmentFromHash(location.hash)) return;
	const note = document.createElement('p');
	note.id = 'sentence-link-note';
	note.setAttribute('role', 'status');
	note.textContent = words(kept === 'some' ? 'fromWord' : 'fromWordGone');
	form.before(note);
}

/** Show what the browser holds now (`focus`: after a removal, put focus on the list's heading or the text area). */
function render(focus = false): void {
	document.getElementById('recent-texts')?.remove();
	const state = readRecent();
	const empty = state.kind === 'unavailable' || (state.kind === 'texts' && !state.texts.length);
	sayWhereTheSentenceIs(state.kind === 'damaged' ? 'damaged' : empty ? 'none' : 'some');
	if (!template || !form || empty) {
		if (focus) form?.querySelector('textarea')?.focus();
		return;
	}
	const section = template.content.firstElementChild!.cloneNode(true) as HTMLElement;
	const list = section.querySelector('ol')!;
	if (state.kind === 'damaged') {
		section.querySelector<HTMLElement>('[data-damaged]')!.hidden = false;
		list.remove();
	} else {
		const locale = document.documentElement.lang || 'en';
		state.texts.forEach((text, i) => list.append(item(text, i, locale)));
	}
	section.querySelector('[data-forget-all]')?.addEventListener('click', () => {
		if (!confirm(words('confirmForgetAll'))) return;
		forgetAll();
		render(true);
	});
	form.after(section);
	if (focus) section.querySelector<HTMLElement>('h2')?.focus();
}

/** Remember the text this page shows (its marker: `<span id="reader-words" data-characters>`). */
function remember(marker: HTMLElement): void {
	const text = form?.querySelector('textarea')?.defaultValue;
	if (!text?.trim()) return;
	rememberText({
		text,
		// The text's first line as written: the page's title may show it converted to the other script.
		title: recentTitle(text),
		characters: Number(marker.dataset.characters) || 0,
		readAt: new Date().toISOString()
	});
}

const shown = document.getElementById('reader-words');
if (shown) remember(shown);
else if (template) {
	render();
	// Another tab read or removed a text.
	addEventListener('storage', (e) => {
		if (e.key === RECENT_TEXTS_KEY || e.key === null) render();
	});
}
