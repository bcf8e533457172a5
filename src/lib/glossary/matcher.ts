/**
 * Finds glossary terms in text using only the glossary itself: longest match first, aliases included, and
 * tolerant of quotation marks that split a term (the source writes “扩中”“提低” for 扩中提低).
 */
import type { GlossaryEntry } from '$lib/content/schema';
import { CLOSING_QUOTATION_MARKS, OPENING_QUOTATION_MARKS, isQuotationMark } from '$lib/chinese';

/** A term found in text; offsets count code points, end exclusive. */
export interface TermMatch {
	id: string;
	start: number;
	end: number;
}

const OPENING = OPENING_QUOTATION_MARKS;
const CLOSING = CLOSING_QUOTATION_MARKS;

interface TrieNode {
	next: Map<string, TrieNode>;
	id?: string;
}

function insert(root: TrieNode, form: string, id: string) {
	let node = root;
	for (const ch of form) {
		if (isQuotationMark(ch)) continue;
		let child = node.next.get(ch);
		if (!child) node.next.set(ch, (child = { next: new Map() }));
		node = child;
	}
	node.id ??= id;
}

/** Build a matcher for Chinese text from glossary entries (terms and aliases). */
export function createChineseMatcher(entries: readonly Pick<GlossaryEntry, 'id' | 'term' | 'aliases'>[]) {
	const root: TrieNode = { next: new Map() };
	for (const e of entries) for (const form of [e.term, ...e.aliases]) insert(root, form, e.id);

	return function findTerms(text: string): TermMatch[] {
		const chars = [...text];
		const found: TermMatch[] = [];
		let i = 0;
		while (i < chars.length) {
			const first = chars[i]!;
			if (isQuotationMark(first) || !root.next.has(first)) {
				i++;
				continue;
			}
			let node: TrieNode | undefined = root;
			let best: TermMatch | undefined;
			for (let j = i; j < chars.length && node; j++) {
				const ch = chars[j]!;
				if (isQuotationMark(ch)) continue;
				node = node.next.get(ch);
				if (node?.id) best = { id: node.id, start: i, end: j + 1 };
			}
			if (!best) {
				i++;
				continue;
			}
			// A term that opens a quotation inside itself (专精特新“小巨人”) takes the closing mark with it.
			const inside = chars.slice(best.start, best.end);
			const open = inside.filter((c) => OPENING.has(c)).length;
			const close = inside.filter((c) => CLOSING.has(c)).length;
			if (open > close && CLOSING.has(chars[best.end] ?? '')) best.end++;
			found.push(best);
			i = best.end;
		}
		return found;
	};
}

const QUOTE_CLASS = '"“”‘’\'';

function escapeRegExp(s: string) {
	return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Build a matcher for English text: each entry's preferred rendering and the renderings also in use, whole
 * words, case-insensitive, longest first. Only the ids passed to `findTerms` are looked for, so an English
 * phrase is marked only where its Chinese term stands in the same segment.
 */
export function createEnglishMatcher(
	entries: readonly Pick<GlossaryEntry, 'id' | 'rendering' | 'alsoRendered'>[]
) {
	const patterns = new Map<string, RegExp>();
	for (const e of entries) {
		const forms = [e.rendering.en, ...e.alsoRendered].sort((a, b) => b.length - a.length);
		// Between words, tolerate quotation marks the English may carry (“246” Industrial Demonstration Park).
		const alternatives = forms
			.map((f) => escapeRegExp(f).replace(/\s+/g, `[${QUOTE_CLASS}]?\\s+[${QUOTE_CLASS}]?`))
			.join('|');
		patterns.set(e.id, new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{N}])`, 'giu'));
	}

	return function findTerms(text: string, ids: Iterable<string>): TermMatch[] {
		const candidates: TermMatch[] = [];
		for (const id of new Set(ids)) {
			const re = patterns.get(id);
			if (!re) continue;
			for (const m of text.matchAll(re)) {
				const start = [...text.slice(0, m.index)].length;
				candidates.push({ id, start, end: start + [...m[0]].length });
			}
		}
		// Longest first, then leftmost; drop overlaps so marks never nest.
		candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
		const kept: TermMatch[] = [];
		for (const c of candidates) if (kept.every((k) => c.end <= k.start || c.start >= k.end)) kept.push(c);
		return kept.sort((a, b) => a.start - b.start);
	};
}
