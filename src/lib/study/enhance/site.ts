/**
 * The site script, on every page (small: the store's validation and the queue's counting, no scheduler): the
 * number of cards due beside Study in the header, and on a text's difficulty line the share of its words the
 * learner knows. Both come from the words kept in this browser, so they are filled in here and stay hidden
 * without JavaScript; they follow changes made in this tab (the `words:changed` event) and in others (`storage`).
 */
import { STORAGE_KEY, WORDS_CHANGED, readStore, type StoreState } from '$lib/words/saved-words';
import { studyQueue, totalDue } from '../queue';
import { knownShare } from '../known-share';

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
		let words: Record<string, number>;
		try {
			words = JSON.parse(el.dataset.knownShare ?? '{}') as Record<string, number>;
		} catch {
			continue;
		}
		const share = `${Math.round(knownShare(words, known) * 100)}%`;
		el.textContent = (el.dataset.template ?? '{share}').replace('{share}', share);
		el.hidden = false;
	}
}

refresh();
addEventListener(WORDS_CHANGED, refresh);
addEventListener('storage', (e) => {
	if (e.key === STORAGE_KEY || e.key === null) refresh();
});
// Learning cards fall due within minutes: keep the count current while a page stays open.
setInterval(() => refresh(), 60_000);
