/**
 * Hovering or focusing a sentence (or a term) marks its counterpart in the other language. Chinese sentences
 * become keyboard-reachable as one tab stop: arrow keys move between them (a roving tabindex).
 */
/**
 * Mark every element of `selector` that shares the hovered or focused one's `attribute` (within `scope`).
 * Sentences pair by data-seg across the article; terms by href within their block.
 */
function linkHighlight(
	article: HTMLElement,
	selector: string,
	attribute: 'data-seg' | 'href',
	scopeOf: (el: Element) => ParentNode,
	className: string
) {
	let current: Element[] = [];
	const clear = () => {
		current.forEach((el) => el.classList.remove(className));
		current = [];
	};
	const mark = (event: Event) => {
		const target = (event.target as Element | null)?.closest(selector);
		if (!target) return clear();
		const value = target.getAttribute(attribute)!;
		const matches = [...scopeOf(target).querySelectorAll(`${selector}[${attribute}="${CSS.escape(value)}"]`)];
		if (matches.length === current.length && matches.every((m, i) => m === current[i])) return;
		clear();
		current = matches;
		current.forEach((el) => el.classList.add(className));
	};
	article.addEventListener('mouseover', mark);
	article.addEventListener('focusin', mark);
	article.addEventListener('mouseleave', clear);
	article.addEventListener('focusout', (e) => {
		if (!article.contains(e.relatedTarget as Node | null)) clear();
	});
}

function rovingSentences(article: HTMLElement) {
	const sentences = [...article.querySelectorAll<HTMLElement>('.zh [data-seg], .zh[data-seg]')];
	if (!sentences.length) return;
	sentences.forEach((s, i) => (s.tabIndex = i === 0 ? 0 : -1));
	const hint = article.dataset.sentenceHint;
	if (hint) sentences.forEach((s) => s.setAttribute('aria-roledescription', hint));
	article.addEventListener('keydown', (e) => {
		const at = sentences.indexOf(e.target as HTMLElement);
		if (at < 0) return;
		const step = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 }[e.key];
		const to = e.key === 'Home' ? 0 : e.key === 'End' ? sentences.length - 1 : step ? at + step : -1;
		const next = sentences[to];
		if (!next) return;
		e.preventDefault();
		sentences[at]!.tabIndex = -1;
		next.tabIndex = 0;
		next.focus();
	});
}

export function enhanceHighlights(article: HTMLElement) {
	linkHighlight(article, '[data-seg]', 'data-seg', () => article, 'is-linked');
	linkHighlight(
		article,
		'a.term',
		'href',
		(el) => el.closest('.block, .article-header') ?? article,
		'is-term-linked'
	);
	rovingSentences(article);
}
