/**
 * Known and learning words in the reader (LingQ- and Lute-style): the popover's "I know this word" toggle marks
 * a word known in every text at once, and each word element gets `is-known` or `is-learning` (saved, not known)
 * from the words kept in this browser, for the settings that hide known words' pinyin and tint learning words
 * (CSS on data-known-pinyin and data-tint-learning). Marks follow every change to the store, in this tab or another.
 */
import { STORAGE_KEY, WORDS_CHANGED, readStore, setKnown, type StoreState } from '$lib/words/saved-words';
import { loadWords, pageSlug, wordsOf } from './words';

/** Sets up marking; the returned function puts the popover's toggle in step with the word it shows. */
export function enhanceKnownWords(article: HTMLElement, popover: HTMLElement): (key?: string) => void {
	const button = popover.querySelector<HTMLButtonElement>('[data-known]');
	const status = popover.querySelector<HTMLElement>('[data-slot="status"]');
	let current: string | undefined;

	const knownNow = () => {
		const state = readStore();
		return state.status === 'ok' ? state : undefined;
	};

	async function mark(event?: Event) {
		const detail = (event as CustomEvent<StoreState | null> | undefined)?.detail;
		const state = detail?.status === 'ok' ? detail : knownNow();
		if (!state) return;
		const known = new Set(state.known);
		const saved = new Set(state.words.map((w) => w.word));
		if (!known.size && !saved.size && !article.querySelector('.is-known, .is-learning')) return;
		let keys: Record<string, string[]>;
		try {
			keys = (await loadWords(pageSlug())).words;
		} catch {
			return;
		}
		for (const sentence of article.querySelectorAll<HTMLElement>('.zh [data-seg]')) {
			const sentenceKeys = keys[sentence.dataset.seg!] ?? [];
			wordsOf(sentence).forEach((el, i) => {
				const key = sentenceKeys[i];
				el.classList.toggle('is-known', !!key && known.has(key));
				el.classList.toggle('is-learning', !!key && !known.has(key) && saved.has(key));
			});
		}
	}

	const sync = (key?: string) => {
		current = key;
		button?.setAttribute('aria-pressed', String(!!key && !!knownNow()?.known.includes(key)));
	};

	button?.addEventListener('click', () => {
		if (!current) return;
		const known = button.getAttribute('aria-pressed') !== 'true';
		const result = setKnown(current, known);
		if (status)
			status.textContent = result.ok
				? ((known ? popover.dataset.knownDone : popover.dataset.learningDone) ?? '')
				: result.message;
		sync(current);
	});
	addEventListener(WORDS_CHANGED, (e) => void mark(e));
	addEventListener('storage', (e) => {
		if (e.key === STORAGE_KEY || e.key === null) void mark();
	});
	article.addEventListener('reader:rendered', () => void mark());
	void mark();
	return sync;
}
