/**
 * The word popover. Every Chinese word (a <ruby> of the server's markup) and every glossary term (a link to
 * /glossary/<id>, which works without JavaScript) opens one popover on click, tap or Enter: the term's glossary
 * entry first, then the word's dictionary entry (pinyin in this sentence, CC-CEDICT senses, HSK level,
 * Traditional form, each character with its reading and meaning) and a Save button. The popover is a non-modal
 * dialog in the top layer (`popover="auto"`: Escape and a click outside close it), positioned beside the word by
 * Floating UI so it never covers it; focus moves into it and back. Text goes in with textContent only.
 */
import { autoUpdate, computePosition, flip, offset, shift, size } from '@floating-ui/dom';
import { numberedToMarks } from '$lib/dictionary/pinyin';
import { saveWord } from '$lib/words/saved-words';
import type { PopoverData } from '../word-data';
import { popoverView, type OpenedWord, type PopoverView, type ShownWord } from './popover-view';
import {
	READ_WORDS_ID,
	baseOffset,
	baseText,
	keyOf,
	loadWords,
	pageSlug,
	pinyinOf,
	sentenceOf,
	wordAt,
	wordsLoaded
} from './words';
import { withoutQuotationMarks } from '$lib/chinese';
import { enhanceKnownWords } from './known';
import { TERM_LINK } from '../term-link';

/** Opens the popover for a word element; `back` gets focus when it closes (default: the word or its sentence). */
export type OpenWord = (word: HTMLElement, back?: HTMLElement) => Promise<void>;

/** A word as the popover shows it, and as Save stores it, with the sentence it is in. */
interface Shown extends ShownWord {
	sentence?: HTMLElement;
	/** The word's element in the page. */
	element: HTMLElement;
}

/** What the popover needs to know about a word element (its key only once the data is here). */
export function readWord(word: HTMLElement, data: PopoverData | undefined): OpenedWord {
	const href = word.matches(TERM_LINK) ? word.getAttribute('href')! : undefined;
	const sentence = word.closest('.zh') ? sentenceOf(word) : undefined;
	return {
		termHref: href,
		inSentence: !!sentence,
		key: sentence && data ? keyOf(word, data) : undefined,
		text: sentence ? withoutQuotationMarks(baseText(word)) : '',
		lang: sentence?.closest<HTMLElement>('[lang]')?.lang ?? '',
		pinyin: sentence ? pinyinOf(word) : '',
		syllables: sentence ? [...word.querySelectorAll('rt')].map((rt) => rt.textContent ?? '') : []
	};
}

/** Writes a view into the popover's slots, sections and lists (text only, never HTML). */
export function writePopover(popover: HTMLElement, view: PopoverView): void {
	const slot = (name: string) => popover.querySelector<HTMLElement>(`[data-slot="${name}"]`)!;
	for (const [name, text] of Object.entries(view.text)) slot(name).textContent = text;
	slot('word').lang = view.lang;
	for (const [name, show] of Object.entries(view.sections))
		popover.querySelector(`[data-section="${name}"]`)?.toggleAttribute('hidden', !show);
	const templates = { readings: 'reading', characters: 'character', parts: 'character' } as const;
	for (const [name, rows] of Object.entries(view.lists)) {
		const tpl = popover.querySelector<HTMLTemplateElement>(
			`template[data-template="${templates[name as keyof typeof templates]}"]`
		)!;
		slot(name).replaceChildren(
			...rows.map((texts) => {
				const li = tpl.content.firstElementChild!.cloneNode(true) as HTMLElement;
				[...li.children].forEach((span, i) => (span.textContent = texts[i] ?? ''));
				return li;
			})
		);
	}
	(slot('link') as HTMLAnchorElement).href = view.links.link;
	(slot('lookup') as HTMLAnchorElement).href = view.links.lookup;
}

function fill(
	popover: HTMLElement,
	word: HTMLElement,
	data: PopoverData | undefined,
	syncKnown?: (key?: string) => void
): Shown {
	const view = popoverView(readWord(word, data), data);
	writePopover(popover, view);
	syncKnown?.(view.shown.key);
	return { ...view.shown, sentence: word.closest('.zh') ? sentenceOf(word) : undefined, element: word };
}

/** Tone-marked pinyin for saving, whichever way the page writes tones. */
const marked = (pinyin: string) => (/[1-5](\s|$)/.test(pinyin) ? numberedToMarks(pinyin) : pinyin);

export function enhanceWordPopover(article: HTMLElement): OpenWord | undefined {
	const popover = document.getElementById('word-popover');
	const slug = pageSlug();
	if (!popover || !slug) return;
	// With the script running, a term opens a dialog rather than navigating.
	article.querySelectorAll(TERM_LINK).forEach((a) => a.setAttribute('aria-haspopup', 'dialog'));
	const status = popover.querySelector<HTMLElement>('[data-slot="status"]')!;
	let trigger: HTMLElement | undefined;
	let back: HTMLElement | undefined;
	let shown: Shown | undefined;
	let stopPositioning: (() => void) | undefined;
	const syncKnown = enhanceKnownWords(article, popover);

	const position = () => {
		if (!trigger) return;
		computePosition(trigger, popover, {
			strategy: 'fixed',
			placement: 'bottom-start',
			middleware: [
				offset(8),
				flip({ fallbackPlacements: ['top-start', 'bottom-end', 'top-end'] }),
				shift({ padding: 8 }),
				size({
					padding: 8,
					apply({ availableWidth, availableHeight, elements }) {
						elements.floating.style.maxWidth = `${Math.min(availableWidth, 420)}px`;
						elements.floating.style.maxHeight = `${Math.max(availableHeight, 120)}px`;
					}
				})
			]
		}).then(({ x, y }) => {
			popover.style.left = `${x}px`;
			popover.style.top = `${y}px`;
		});
	};

	const release = () => {
		trigger?.classList.remove('is-open');
		if (trigger?.matches(TERM_LINK)) trigger.setAttribute('aria-expanded', 'false');
	};

	const open: OpenWord = async (word, returnTo) => {
		release();
		trigger = word;
		back =
			returnTo ?? (word.matches(TERM_LINK) ? word : (word.closest<HTMLElement>('[data-seg]') ?? undefined));
		word.classList.add('is-open');
		if (word.matches(TERM_LINK)) {
			word.setAttribute('aria-expanded', 'true');
			word.setAttribute('aria-controls', 'word-popover');
		}
		const ready = loadWords(slug);
		// Usually the data is already here (prefetched): fill before showing, so the popover opens complete.
		let data: PopoverData | undefined = wordsLoaded();
		shown = fill(popover, word, data, syncKnown);
		status.textContent = data ? '' : (popover.dataset.loading ?? '');
		if (!popover.matches(':popover-open')) popover.showPopover();
		stopPositioning?.();
		stopPositioning = autoUpdate(word, popover, position);
		popover.focus();
		if (data) return;
		try {
			data = await ready;
			if (trigger !== word) return;
			shown = fill(popover, word, data, syncKnown);
			status.textContent = '';
		} catch {
			if (trigger === word) status.textContent = popover.dataset.failed ?? '';
		}
		position();
	};

	article.addEventListener('click', (e) => {
		const target = e.target as Element | null;
		const link = target?.closest<HTMLElement>(TERM_LINK);
		const word = wordAt(target) ?? link ?? undefined;
		if (!word || (link && (e.ctrlKey || e.metaKey || e.shiftKey))) return;
		e.preventDefault();
		void open(word);
	});
	// Fetch the words at the first sign of interest, or once the reader has been reading for a while (not for a
	// text read at /read, whose words the server computes again: only when the reader shows interest).
	const warm = () => void loadWords(slug).catch(() => {});
	for (const type of ['pointerover', 'focusin', 'touchstart'])
		article.addEventListener(type, warm, { once: true, passive: true });
	if (!document.getElementById(READ_WORDS_ID))
		setTimeout(() => ('requestIdleCallback' in window ? requestIdleCallback(warm) : warm()), 3000);

	popover.querySelector('[data-close]')?.addEventListener('click', () => popover.hidePopover());
	popover.querySelector('[data-save]')?.addEventListener('click', () => {
		const s = shown;
		if (!s?.sentence || !s.key) return;
		const id = s.sentence.dataset.seg!;
		const english = article.querySelector(`.en [data-seg="${CSS.escape(id)}"]`);
		const zhTitle = article.querySelector('#article-title .zh');
		// Where the word stands in the sentence as saved (trimmed), so that only this occurrence is marked.
		const sentenceZh = baseText(s.sentence);
		const at =
			baseOffset(s.sentence, s.element) -
			(sentenceZh.length - sentenceZh.trimStart().length) +
			Math.max(0, baseText(s.element).indexOf(s.key));
		const result = saveWord({
			word: s.key,
			pinyin: marked(s.pinyin),
			meaning: s.readings[0]?.definitions.slice(0, 3).join('; ') || s.term?.rendering || '',
			hsk: s.hsk,
			traditional: s.traditional,
			sentenceZh,
			at,
			sentenceEn: english?.textContent ?? '',
			slug,
			segmentId: id,
			// A text read at /read has no English title: its Chinese one, or the page's name for an untitled text.
			articleTitle:
				article.querySelector('#article-title .en')?.textContent ||
				(zhTitle ? baseText(zhTitle).trim().slice(0, 200) : '') ||
				(article.getAttribute('aria-label') ?? '')
		});
		status.textContent = result.ok
			? ((result.alreadySaved ? popover.dataset.already : popover.dataset.saved) ?? '')
			: result.message;
	});
	popover.addEventListener('toggle', (e) => {
		if ((e as ToggleEvent).newState !== 'closed') return;
		stopPositioning?.();
		stopPositioning = undefined;
		release();
		trigger = undefined;
		// Return focus when the popover held it (Escape, close button), not after a click elsewhere.
		if (back && (popover.contains(document.activeElement) || document.activeElement === document.body))
			back.focus();
		back = undefined;
	});
	return open;
}
