/**
 * The site script, on every page (small: the store's validation and the queue's counting, no scheduler): the
 * number of cards due beside Study in the header, and on a text's difficulty line the share of its words the
 * learner knows. Both come from the words kept in this browser, so they are filled in here and stay hidden
 * without JavaScript; they follow changes made in this tab (the `words:changed` event) and in others (`storage`).
 */
import { STORAGE_KEY, WORDS_CHANGED, readStore, type StoreState } from '$lib/words/saved-words';
import { studyQueue, totalDue } from '../queue';
import { knownShare, wordCounts } from '../known-share';

/**
 * A text's words with their counts, fetched once per page and source (this script runs only for a learner with
 * saved words, so nobody else downloads them): an article's word-counts.json, or for a text read at /read its
 * word data, posted with the form's text (as the reader's script does) and counted here the server's way.
 */
const counts = new Map<string, Promise<Record<string, number>>>();
function textWords(el: HTMLElement): Promise<Record<string, number>> {
	const src = el.dataset.knownShare ?? '';
	let hit = counts.get(src);
	if (!hit) {
		const form = document.querySelector<HTMLFormElement>('form[data-read-form]');
		const body = el.dataset.post !== undefined && form ? new FormData(form) : undefined;
		body?.delete('file');
		hit = fetch(src, body ? { method: 'POST', body, headers: { accept: 'application/json' } } : {})
			.then((r) => {
				if (!r.ok) throw new Error(`HTTP ${r.status}`);
				return r.json() as Promise<Record<string, number> | { words: Record<string, string[]> }>;
			})
			.then((data) =>
				body ? wordCounts(Object.values((data as { words: Record<string, string[]> }).words)) : data
			) as Promise<Record<string, number>>;
		hit.catch(() => counts.delete(src));
		counts.set(src, hit);
	}
	return hit;
}

function refresh(event?: Event) {
	const detail = (event as CustomEvent<StoreState | null> | undefined)?.detail;
	const state = detail ?? readStore();
	const ok = state.status === 'ok';
	const known = new Set(ok ? state.known : []);
	for (const badge of document.querySelectorAll<HTMLElement>('[data-due-count]')) {
		const due = ok ? totalDue(studyQueue(state.words, known, state.settings, new Date()).counts) : 0;
		// A space of its own: the link's name reads "Study 3 due", not "Study3 due".
		badge.textContent = due
			? ` ${(badge.dataset.template ?? '{count}').replace('{count}', String(due))}`
			: '';
		badge.hidden = !due;
	}
	for (const el of document.querySelectorAll<HTMLElement>('[data-known-share]')) {
		if (!ok) {
			el.hidden = true;
			continue;
		}
		textWords(el).then(
			(words) => {
				const share = `${Math.round(knownShare(words, known) * 100)}%`;
				el.textContent = (el.dataset.template ?? '{share}').replace('{share}', share);
				el.hidden = false;
			},
			() => {}
		);
	}
}

refresh();
addEventListener(WORDS_CHANGED, refresh);
addEventListener('storage', (e) => {
	if (e.key === STORAGE_KEY || e.key === null) refresh();
});
// Learning cards fall due within minutes: keep the count current while a page stays open.
setInterval(() => refresh(), 60_000);
