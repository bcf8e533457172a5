/**
 * HTML for segment text. A sentence of Chinese is hundreds of elements (a <ruby> per run of characters, an <rt>
 * per character, a link per glossary term); building it as an escaped string keeps the server-rendered page
 * small (Svelte's per-item hydration markers would double it) and is the hot path of every reader page.
 * Every piece of text and every attribute value goes through `escapeHtml`.
 */
import type { EnRun, ZhRun } from '$lib/content/annotate';
import type { RubyChar } from '$lib/pinyin/annotate';

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

const QUOTES = /[“”‘’"'「」『』]/g;

/** Characters with readings as <ruby> runs; characters without a reading stay plain text. */
export function rubyHtml(chars: readonly RubyChar[]): string {
	let out = '';
	let open = false;
	for (const { c, p } of chars) {
		if (p) {
			if (!open) out += '<ruby>';
			out += `${escapeHtml(c)}<rt>${escapeHtml(p)}</rt>`;
			open = true;
		} else {
			if (open) out += '</ruby>';
			out += escapeHtml(c);
			open = false;
		}
	}
	return open ? out + '</ruby>' : out;
}

function termLink(id: string, inner: string, label?: string): string {
	const aria = label ? ` aria-label="${escapeHtml(label)}"` : '';
	// Plain links to the entry; the enhancement script reads the id from the href and adds aria-haspopup.
	return `<a class="term" href="/glossary/${escapeHtml(id)}"${aria}>${inner}</a>`;
}

/** A Chinese segment: ruby text, with glossary terms as links to their entries (popovers when scripted). */
export function zhSegmentHtml(runs: readonly ZhRun[]): string {
	return runs
		.map((run) => {
			const ruby = rubyHtml(run.chars);
			if (!run.term) return ruby;
			// The accessible name is the term itself, without the pinyin of the ruby or the quotation marks inside it.
			return termLink(
				run.term,
				ruby,
				run.chars
					.map((c) => c.c)
					.join('')
					.replace(QUOTES, '')
			);
		})
		.join('');
}

/** An English segment, with glossary renderings as links to their entries. */
export function enSegmentHtml(runs: readonly EnRun[]): string {
	return runs
		.map((run) => (run.term ? termLink(run.term, escapeHtml(run.text)) : escapeHtml(run.text)))
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

/**
 * The segments of one block on one side, each wrapped so the two sides can find each other. On the English
 * side a segment with a translator's note gets a footnote reference; `noteLabel` is its accessible name.
 */
export function segmentsHtml(
	segments: readonly SegmentLike[],
	side: 'zh' | 'en',
	notes: NoteNumbers,
	noteLabel: (n: number) => string
): string {
	return segments
		.map((s) => {
			const id = escapeHtml(s.id);
			const body = side === 'zh' ? zhSegmentHtml(s.zhRuns) : enSegmentHtml(s.enRuns);
			const n = side === 'en' ? notes.get(s.id) : undefined;
			const ref = n
				? `<sup class="note-ref"><a href="#note-${id}" id="ref-${id}" aria-label="${escapeHtml(noteLabel(n))}">${n}</a></sup>`
				: '';
			return `<span class="seg" data-seg="${id}">${body}</span>${ref}`;
		})
		.join(side === 'zh' ? '' : ' ');
}
