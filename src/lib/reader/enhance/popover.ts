/**
 * The word popover. Every Chinese word (a <ruby> of the server's markup) and every glossary term (a link to
 * /glossary/<id>, which works without JavaScript) opens one popover on click, tap or Enter: the term's glossary
 * entry first, then the word's dictionary entry (pinyin in this sentence, CC-CEDICT senses, HSK level,
 * Traditional form, each character with its reading and meaning) and a Save button. The popover is a non-modal
 * dialog in the top layer (`popover="auto"`: Escape and a click outside close it), positioned beside the word by
 * Floating UI so it never covers it; focus moves into it and back. Text goes in with textContent only.
 */
import { autoUpdate, computePosition, flip, offset, shift, size } from '@floating-ui/dom';
import type { PopoverEntry } from '$lib/glossary/popover';
import type { ReadingExtract } from '$lib/dictionary/types';
import { numberedToMarks } from '$lib/dictionary/pinyin';
import { saveWord } from '$lib/words/saved-words';
import type { PopoverData } from '../word-data';
import { baseText, keyOf, loadWords, pageSlug, pinyinOf, sentenceOf, wordAt, wordsLoaded } from './words';
import { hasHan, stripDiacritics, withoutQuotationMarks } from '$lib/chinese';

/** Opens the popover for a word element; `back` gets focus when it closes (default: the word or its sentence). */
export type OpenWord = (word: HTMLElement, back?: HTMLElement) => Promise<void>;

/** A word as the popover shows it, and as Save stores it. */
interface Shown {
	sentence?: HTMLElement;
	key?: string;
	pinyin: string;
	readings: ReadingExtract[];
	hsk?: number;
	traditional?: string;
	term?: PopoverEntry;
}

/** Senses of a reading, joined; "…" when the extract left some out. */
const senses = (r: ReadingExtract | undefined, n?: number) =>
	r ? r.definitions.slice(0, n).join('; ') + (r.more || (n && r.definitions.length > n) ? ' …' : '') : '';

function fill(popover: HTMLElement, word: HTMLElement | undefined, data: PopoverData | undefined): Shown {
	const slot = (name: string) => popover.querySelector<HTMLElement>(`[data-slot="${name}"]`)!;
	const section = (name: string, show: boolean) =>
		popover.querySelector(`[data-section="${name}"]`)?.toggleAttribute('hidden', !show);
	const list = (name: string, template: string, items: [string, string, string?][]) => {
		const tpl = popover.querySelector<HTMLTemplateElement>(`template[data-template="${template}"]`)!;
		slot(name).replaceChildren(
			...items.map((texts) => {
				const li = tpl.content.firstElementChild!.cloneNode(true) as HTMLElement;
				[...li.children].forEach((span, i) => (span.textContent = texts[i] ?? ''));
				return li;
			})
		);
		return items.length > 0;
	};

	const href = word?.matches('a.term') ? word.getAttribute('href')! : undefined;
	const term = href && data ? data.terms[href.split('/').pop()!] : undefined;
	const sentence = word?.closest('.zh') ? sentenceOf(word) : undefined;
	const key = sentence && data ? keyOf(word!, data) : term?.term;
	const entry = key && data ? data.entries[key] : undefined;
	const shownText = sentence ? withoutQuotationMarks(baseText(word!)) : (term?.term ?? '');
	const head = key && /\d/.test(key) ? key : shownText;
	const readings = entry?.readings ?? [];
	const traditional = readings.find((r) => r.traditional)?.traditional;

	slot('word').textContent = head;
	slot('word').lang = sentence?.closest<HTMLElement>('[lang]')?.lang || 'zh-Hans';
	const pinyin = sentence ? pinyinOf(word!) : (term?.pinyin ?? '');
	slot('pinyin').textContent = pinyin;

	section('glossary', !!term);
	slot('rendering').textContent = term?.rendering ?? '';
	slot('literal').textContent = term?.literal ?? '';
	slot('expansionZh').textContent = term?.expansion?.zh ?? '';
	slot('expansionEn').textContent = term?.expansion?.en ?? '';
	slot('explanation').textContent = term?.explanation ?? '';
	slot('confidence').textContent = term?.confidence ?? '';
	section('literal', !!term?.literal);
	section('expansion', !!term?.expansion);
	section('confidence', !!term?.confidence);
	(slot('link') as HTMLAnchorElement).href = term?.href ?? '/glossary';

	section('dictionary', !!data && !!key);
	slot('hsk').textContent = String(entry?.hsk ?? '');
	section('hsk', !!entry?.hsk);
	slot('traditional').textContent = traditional ?? '';
	section('traditional', !!traditional && traditional !== head);
	slot('simplified').textContent = key ?? '';
	section('simplified', !!key && key !== head && !/\d/.test(key));
	list(
		'readings',
		'reading',
		readings.map((r) => [r.pinyin, senses(r)])
	);
	// The characters of a word, each with its own reading and meaning (shown in the page's script).
	const chars = [...(key ?? '')].filter((c) => hasHan(c));
	const shownChars = [...shownText];
	// Each character's reading as it is read in this word (强 in 强化 is qiáng, not its first entry jiàng).
	const syllables = sentence ? [...word!.querySelectorAll('rt')].map((rt) => rt.textContent ?? '') : [];
	const toneless = (p: string) => stripDiacritics(p).replace(/[1-5]/g, '').toLowerCase();
	const charItems = (forms: string[], shown: (f: string, i: number) => string) =>
		forms.map((f, i): [string, string, string] => {
			const all = data?.entries[f]?.readings ?? [];
			const heard = syllables.length === forms.length ? (syllables[i] ?? '') : '';
			const r =
				all.find((x) => x.pinyin.toLowerCase() === heard.toLowerCase()) ??
				all.find((x) => heard && toneless(x.pinyin) === toneless(heard)) ??
				all[0];
			return [shown(f, i), r?.pinyin ?? '', senses(r, 2)];
		});
	section(
		'characters',
		!entry?.parts &&
			chars.length > 1 &&
			list(
				'characters',
				'character',
				charItems(chars, (c, i) => (shownChars.length === chars.length ? shownChars[i]! : c))
			)
	);
	section(
		'parts',
		!!entry?.parts &&
			list(
				'parts',
				'character',
				charItems(entry.parts, (p) => p)
			)
	);
	section('none', !!data && !!key && !term && !readings.length && !entry?.parts);
	(slot('lookup') as HTMLAnchorElement).href = `/dictionary?q=${encodeURIComponent(key ?? '')}`;
	section('save', !!data && !!sentence && !!key);
	return { sentence, key, pinyin, readings, hsk: entry?.hsk, traditional, term };
}

/** Tone-marked pinyin for saving, whichever way the page writes tones. */
const marked = (pinyin: string) => (/[1-5](\s|$)/.test(pinyin) ? numberedToMarks(pinyin) : pinyin);

export function enhanceWordPopover(article: HTMLElement): OpenWord | undefined {
	const popover = document.getElementById('word-popover');
	const slug = pageSlug();
	if (!popover || !slug) return;
	// With the script running, a term opens a dialog rather than navigating.
	article.querySelectorAll('a.term').forEach((a) => a.setAttribute('aria-haspopup', 'dialog'));
	const status = popover.querySelector<HTMLElement>('[data-slot="status"]')!;
	let trigger: HTMLElement | undefined;
	let back: HTMLElement | undefined;
	let shown: Shown | undefined;
	let stopPositioning: (() => void) | undefined;

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
		if (trigger?.matches('a.term')) trigger.setAttribute('aria-expanded', 'false');
	};

	const open: OpenWord = async (word, returnTo) => {
		release();
		trigger = word;
		back =
			returnTo ?? (word.matches('a.term') ? word : (word.closest<HTMLElement>('[data-seg]') ?? undefined));
		word.classList.add('is-open');
		if (word.matches('a.term')) {
			word.setAttribute('aria-expanded', 'true');
			word.setAttribute('aria-controls', 'word-popover');
		}
		const ready = loadWords(slug);
		// Usually the data is already here (prefetched): fill before showing, so the popover opens complete.
		let data: PopoverData | undefined = wordsLoaded();
		shown = fill(popover, word, data);
		status.textContent = data ? '' : (popover.dataset.loading ?? '');
		if (!popover.matches(':popover-open')) popover.showPopover();
		stopPositioning?.();
		stopPositioning = autoUpdate(word, popover, position);
		popover.focus();
		if (data) return;
		try {
			data = await ready;
			if (trigger !== word) return;
			shown = fill(popover, word, data);
			status.textContent = '';
		} catch {
			if (trigger === word) status.textContent = popover.dataset.failed ?? '';
		}
		position();
	};

	article.addEventListener('click', (e) => {
		const target = e.target as Element | null;
		const link = target?.closest<HTMLElement>('a.term');
		const word = wordAt(target) ?? link ?? undefined;
		if (!word || (link && (e.ctrlKey || e.metaKey || e.shiftKey))) return;
		e.preventDefault();
		void open(word);
	});
	// Fetch the words at the first sign of interest, or once the reader has been reading for a while.
	const warm = () => void loadWords(slug).catch(() => {});
	for (const type of ['pointerover', 'focusin', 'touchstart'])
		article.addEventListener(type, warm, { once: true, passive: true });
	setTimeout(() => ('requestIdleCallback' in window ? requestIdleCallback(warm) : warm()), 3000);

	popover.querySelector('[data-close]')?.addEventListener('click', () => popover.hidePopover());
	popover.querySelector('[data-save]')?.addEventListener('click', () => {
		const s = shown;
		if (!s?.sentence || !s.key) return;
		const id = s.sentence.dataset.seg!;
		const english = article.querySelector(`.en [data-seg="${CSS.escape(id)}"]`);
		const result = saveWord({
			word: s.key,
			pinyin: marked(s.pinyin),
			meaning: s.readings[0]?.definitions.slice(0, 3).join('; ') || s.term?.rendering || '',
			hsk: s.hsk,
			traditional: s.traditional,
			sentenceZh: baseText(s.sentence),
			sentenceEn: english?.textContent ?? '',
			slug,
			segmentId: id,
			articleTitle: article.querySelector('#article-title .en')?.textContent ?? ''
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
