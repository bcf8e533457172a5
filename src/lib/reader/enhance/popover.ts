/**
 * Glossary popovers. Term marks are links to /glossary/<id> (they work without JavaScript); here a click, tap or
 * Enter opens the entry in a popover instead. The popover is a non-modal dialog in the top layer
 * (`popover="auto"`: Escape and a click outside close it), positioned next to the term by Floating UI so it never
 * covers the word, and focus moves into it and back.
 */
import { autoUpdate, computePosition, flip, offset, shift, size } from '@floating-ui/dom';
import type { PopoverEntry } from '$lib/glossary/popover';

type Entries = Record<string, PopoverEntry>;

let entries: Promise<Entries> | undefined;

function loadEntries(slug: string): Promise<Entries> {
	entries ??= fetch(`/articles/${encodeURIComponent(slug)}/glossary.json`).then((r) => {
		if (!r.ok) throw new Error(`HTTP ${r.status}`);
		return r.json() as Promise<Entries>;
	});
	entries.catch(() => (entries = undefined));
	return entries;
}

function fill(popover: HTMLElement, entry: PopoverEntry | undefined) {
	const slot = (name: string) => popover.querySelector<HTMLElement>(`[data-slot="${name}"]`)!;
	const section = (name: string, show: boolean) =>
		popover.querySelector<HTMLElement>(`[data-section="${name}"]`)?.toggleAttribute('hidden', !show);
	slot('term').textContent = entry?.term ?? '';
	slot('pinyin').textContent = entry?.pinyin ?? '';
	slot('rendering').textContent = entry?.rendering ?? '';
	slot('literal').textContent = entry?.literal ?? '';
	slot('expansionZh').textContent = entry?.expansion?.zh ?? '';
	slot('expansionEn').textContent = entry?.expansion?.en ?? '';
	slot('explanation').textContent = entry?.explanation ?? '';
	slot('confidence').textContent = entry?.confidence ?? '';
	section('literal', !!entry);
	section('expansion', !!entry?.expansion);
	section('confidence', !!entry?.confidence);
	const link = slot('link') as HTMLAnchorElement;
	link.toggleAttribute('hidden', !entry);
	if (entry) link.href = entry.href;
}

/** Term links point at /glossary/<id>. */
const termId = (link: HTMLElement) => link.getAttribute('href')!.split('/').pop()!;

export function enhanceTermPopovers(article: HTMLElement) {
	const popover = document.getElementById('term-popover');
	const slug = location.pathname.split('/')[2];
	if (!popover || !slug) return;
	// With the script running, a term opens a dialog rather than navigating.
	article.querySelectorAll('a.term').forEach((a) => a.setAttribute('aria-haspopup', 'dialog'));
	const status = popover.querySelector<HTMLElement>('[data-slot="status"]')!;
	let trigger: HTMLElement | undefined;
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

	async function open(link: HTMLElement) {
		const id = termId(link);
		if (trigger) trigger.setAttribute('aria-expanded', 'false');
		trigger = link;
		link.setAttribute('aria-expanded', 'true');
		link.setAttribute('aria-controls', 'term-popover');
		fill(popover!, undefined);
		status.textContent = popover!.dataset.loading ?? '';
		if (!popover!.matches(':popover-open')) popover!.showPopover();
		stopPositioning?.();
		stopPositioning = autoUpdate(link, popover!, position);
		popover!.focus();
		try {
			const entry = (await loadEntries(slug!))[id];
			if (trigger !== link) return;
			fill(popover!, entry);
			status.textContent = entry ? '' : (popover!.dataset.failed ?? '');
		} catch {
			if (trigger === link) status.textContent = popover!.dataset.failed ?? '';
		}
		position();
	}

	article.addEventListener('click', (e) => {
		const link = (e.target as Element | null)?.closest<HTMLElement>('a.term');
		if (!link || e.ctrlKey || e.metaKey || e.shiftKey) return;
		e.preventDefault();
		void open(link);
	});
	// Warm the cache when the reader first shows interest in any term, so the popover opens at once.
	article.addEventListener('pointerover', (e) => {
		if ((e.target as Element | null)?.closest('a.term')) void loadEntries(slug).catch(() => {});
	});
	article.addEventListener('focusin', (e) => {
		if ((e.target as Element | null)?.closest('a.term')) void loadEntries(slug).catch(() => {});
	});
	popover.querySelector('[data-close]')?.addEventListener('click', () => popover.hidePopover());
	popover.addEventListener('toggle', (e) => {
		if ((e as ToggleEvent).newState !== 'closed') return;
		stopPositioning?.();
		stopPositioning = undefined;
		const last = trigger;
		trigger = undefined;
		last?.setAttribute('aria-expanded', 'false');
		// Return focus to the term when the popover held it (Escape, close button), not after a click elsewhere.
		if (last && (popover.contains(document.activeElement) || document.activeElement === document.body))
			last.focus();
	});
}
