/**
 * In the reader: when the page is opened at a sentence link (#seg-<id>, from the word list), scroll to that
 * Chinese sentence and focus it (focus marks it and its translation: see highlight.ts). Part of the reader's
 * browser script.
 */
import { segmentFromHash } from './sentence-link';

export function revealLinkedSentence(article: HTMLElement) {
	const reveal = () => {
		const id = segmentFromHash(location.hash);
		if (!id) return;
		const sentence = article.querySelector<HTMLElement>(`.zh [data-seg="${CSS.escape(id)}"]`);
		if (!sentence) return;
		sentence.scrollIntoView({ block: 'center' });
		// Sentences are focusable (a roving tabindex), so keyboard reading continues from here.
		sentence.focus({ preventScroll: true });
	};
	reveal();
	addEventListener('hashchange', reveal);
}
