/**
 * HTML for segment text. A sentence of Chinese is hundreds of elements (a <ruby> per run of characters, an <rt>
 * per character, a link per glossary term); building it as an escaped string keeps the server-rendered page
 * small (Svelte's per-item hydration markers would double it) and is the hot path of every reader page.
 * Every piece of text and every attribute value goes through `escapeHtml`.
 */
import type { EnRun, ZhRun } from '$lib/content/annotate';
import type { RubyChar } from '$lib/pinyin/annotate';
import { citationTone, toneOf, withToneNumber } from '$lib/pinyin/tones';
import { tokenKey } from '$lib/dictionary/segment';
import type { Token } from '$lib/dictionary/types';
import { isQuotationMark, withoutQuotationMarks } from '$lib/chinese';
import { entryHref } from '$lib/glossary/term-links';
import { idByPlace } from './segment-ids';

const ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;'
};

/** Escape text for HTML content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/**
 * A plain link to the entry (`/g/<key>`, see $lib/glossary/term-links); the enhancement script finds the term's
 * popover data by the href and adds aria-haspopup. Its name is its content, with no aria-label to disagree with
 * the text. Chromium leaves <rt> out of the accessibility tree's text and names (the ruby carries a reading as its
 * description, as w3c/html-aam#352 proposes for every browser), so a Chinese term is named by its characters,
 * never by pinyin read out letter by letter; the reader's browser test checks this in Chromium's own tree. Its
 * pinyin is treated as that of every other word of the text.
 */
function termLink(href: string, inner: string): string {
	return `<a href="${escapeHtml(href)}">${inner}</a>`;
}

/** Where a term link goes, by entry id: the page's TermLinks (the readable address when none is given). */
export type TermHref = (id: string) => string;

/** How the Chinese is shown: word boundaries, and the reading settings that change the markup. */
export interface ZhDisplay {
	/** The segment's tokens (the dictionary layer's segmentation); without them a word is a run of characters. */
	tokens?: readonly Token[];
	/** HSK level of a word, by its extract key. */
	hskOf?: (key: string) => number | undefined;
	/** Hide the pinyin of words at or below this HSK level (0: none). */
	hideAtOrBelow?: number;
	/** Mark each character with its tone (`<i class="tN">`), for tone colours. */
	tones?: boolean;
	/** Tone numbers instead of marks. */
	numbers?: boolean;
	/** Dictionary tones for 一 and 不 instead of the spoken ones. */
	dictionaryTones?: boolean;
	/** The segment's text in another script, one character for each (Traditional). */
	convert?: (text: string) => string;
	/** Where term links go (both sides of the segment). */
	termHref?: TermHref;
}

/** A piece of a Chinese segment: plain text, a word (one <ruby>), or a glossary term (a link, one word). */
type Piece =
	| { kind: 'text'; chars: RubyChar[] }
	| { kind: 'word'; key: string; chars: RubyChar[] }
	| { kind: 'term'; id: string; key: string; chars: RubyChar[] };

const textOf = (chars: readonly RubyChar[]) => chars.map((c) => c.c).join('');

/**
 * A segment's pieces: glossary terms as the annotation marked them; elsewhere one word per token (a character
 * without a reading ends a word). Each word carries its key in the article's dictionary extract (`tokenKey`).
 * The markup and the word list the browser receives both come from here, so they always agree.
 */
export function segmentPieces(runs: readonly ZhRun[], tokens?: readonly Token[]): Piece[] {
	const pieces: Piece[] = [];
	let at = 0;
	let t = 0;
	for (const run of runs) {
		if (run.term) {
			pieces.push({
				kind: 'term',
				id: run.term,
				key: withoutQuotationMarks(textOf(run.chars)),
				chars: run.chars
			});
			at += run.chars.length;
			continue;
		}
		let word: { kind: 'word'; key: string; chars: RubyChar[] } | undefined;
		let wordToken: Token | undefined;
		for (const ch of run.chars) {
			while (tokens && t < tokens.length && tokens[t]!.end <= at) t++;
			const token = tokens?.[t] && tokens[t]!.start <= at ? tokens[t] : undefined;
			if (!ch.p) {
				word = undefined;
				const last = pieces[pieces.length - 1];
				if (last?.kind === 'text') last.chars.push(ch);
				else pieces.push({ kind: 'text', chars: [ch] });
			} else {
				if (!word || (tokens && token !== wordToken)) {
					word = { kind: 'word', key: (token && tokenKey(token)) ?? '', chars: [] };
					wordToken = token;
					pieces.push(word);
				}
				word.chars.push(ch);
			}
			at++;
		}
	}
	for (const p of pieces) if (p.kind === 'word' && !p.key) p.key = textOf(p.chars);
	return pieces;
}

/** The extract keys of a segment's words, in the order of their elements (a term link counts as one). */
export function segmentWordKeys(runs: readonly ZhRun[], tokens?: readonly Token[]): string[] {
	return segmentPieces(runs, tokens).flatMap((p) => (p.kind === 'text' ? [] : [p.key]));
}

/**
 * One character with its reading, as the settings show it; the <rt> is left open, closed by the next character's
 * markup or by </ruby> (HTML allows that): 5 KB less to parse on the seed article.
 */
function displayChar(c: string, shown: string, p: string, display: ZhDisplay): string {
	const reading = display.dictionaryTones ? citationTone(c, p) : p;
	const rt = `<rt>${escapeHtml(display.numbers ? withToneNumber(reading) : reading)}`;
	return display.tones
		? `<i class="t${toneOf(reading)}">${escapeHtml(shown)}</i>${rt}`
		: `${escapeHtml(shown)}${rt}`;
}

/** A Chinese segment: one <ruby> per word, glossary terms as links to their entries (popovers when scripted). */
export function zhSegmentHtml(runs: readonly ZhRun[], display: ZhDisplay = {}): string {
	const source = runs.flatMap((r) => r.chars);
	const shown = display.convert ? [...display.convert(textOf(source))] : undefined;
	const hide = display.hideAtOrBelow ?? 0;
	const termHref = display.termHref ?? entryHref;
	let at = 0;
	// In a term link (`inLink`) the quotation marks inside the term are aria-hidden: the link's name is the term
	// itself (扩中提低, not 扩中”“提低).
	const chars = (list: readonly RubyChar[], inLink = false) => {
		let out = '';
		let open = false;
		for (const { c, p } of list) {
			const s = shown?.[at++] ?? c;
			if (p) {
				// Within a word, the previous character's <rt> closes here; a word's last one closes with </ruby>.
				out += open ? '</rt>' : '<ruby>';
				out += displayChar(c, s, p, display);
				open = true;
			} else {
				if (open) out += '</ruby>';
				out +=
					inLink && isQuotationMark(c) ? `<span aria-hidden="true">${escapeHtml(s)}</span>` : escapeHtml(s);
				open = false;
			}
		}
		return open ? out + '</ruby>' : out;
	};
	return segmentPieces(runs, display.tokens)
		.map((piece) => {
			if (piece.kind === 'text') return chars(piece.chars);
			if (piece.kind === 'term') return termLink(termHref(piece.id), chars(piece.chars, true));
			const level = hide ? display.hskOf?.(piece.key) : undefined;
			const ruby = chars(piece.chars);
			// Words the reader knows (HSK level at or below the setting) keep their pinyin, hidden by CSS.
			return level && level <= hide ? ruby.replace('<ruby>', '<ruby class="k">') : ruby;
		})
		.join('');
}

/** An English segment, with glossary renderings as links to their entries. */
export function enSegmentHtml(runs: readonly EnRun[], termHref: TermHref = entryHref): string {
	return runs
		.map((run) => (run.term ? termLink(termHref(run.term), escapeHtml(run.text)) : escapeHtml(run.text)))
		.join('');
}

/** Footnote numbers for segments that carry a translator's note, in reading order. */
export type NoteNumbers = ReadonlyMap<string, number>;

interface SegmentLike {
	id: string;
	zhRuns: readonly ZhRun[];
	enRuns: readonly EnRun[];
	note?: unknown;
}

/** How segmentsHtml writes one side of a block. */
export interface SegmentsOptions {
	/** The block's id: a sentence whose id follows from its place leaves it to the page ($lib/reader/segment-ids). */
	block?: string;
	/** Footnote numbers of segments with a translator's note (English side). */
	notes?: NoteNumbers;
	/** The accessible name of footnote reference `n`. */
	noteLabel?: (n: number) => string;
	/** How each segment's Chinese is shown, and where its term links go. */
	display?: (segmentId: string) => ZhDisplay;
	/** What stands for a run of segments with no English yet. */
	untranslated?: string;
}

/**
 * The segments of one block on one side, each wrapped so the two sides can find each other. On the English
 * side a segment with a translator's note gets a footnote reference. A segment with no English yet (an imported
 * article) is said to be untranslated: one `untranslated` label for each run of such segments, never an empty gap
 * or filler text.
 */
export function segmentsHtml(
	segments: readonly SegmentLike[],
	side: 'zh' | 'en',
	{
		block,
		notes = new Map(),
		noteLabel = String,
		display = () => ({}),
		untranslated = 'Not yet translated.'
	}: SegmentsOptions = {}
): string {
	const out: string[] = [];
	let missing = false;
	let position = 0;
	for (const s of segments) {
		const id = escapeHtml(s.id);
		if (side === 'en' && !s.enRuns.some((r) => r.text.trim())) {
			if (!missing)
				out.push(`<span class="seg-missing" data-missing="${id}">${escapeHtml(untranslated)}</span>`);
			missing = true;
			continue;
		}
		missing = false;
		const shown = display(s.id);
		const body = side === 'zh' ? zhSegmentHtml(s.zhRuns, shown) : enSegmentHtml(s.enRuns, shown.termHref);
		const n = side === 'en' ? notes.get(s.id) : undefined;
		const ref = n
			? `<sup class="note-ref"><a href="#note-${id}" id="ref-${id}" aria-label="${escapeHtml(noteLabel(n))}">${n}</a></sup>`
			: '';
		const byPlace = block !== undefined && s.id === idByPlace(block, ++position);
		out.push(`<span data-seg${byPlace ? '' : `="${id}"`}>${body}</span>${ref}`);
	}
	return out.join(side === 'zh' ? '' : ' ');
}
