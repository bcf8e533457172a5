/**
 * Glossary search in Chinese, pinyin (with or without tone marks, spaced or not) or English. Pure and cheap:
 * the glossary is small enough to scan.
 */
import type { GlossaryEntry } from '$lib/content/schema';
import { stripDiacritics, withoutQuotationMarks } from '$lib/chinese';

/** Lowercase, strip tone marks and everything but letters and digits: "Kuòzhōng tídī" → "kuozhongtidi". */
export function foldLatin(s: string): string {
	return stripDiacritics(s)
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Chinese as searched: no quotation marks, no spaces. */
const bare = (s: string) => withoutQuotationMarks(s).replace(/\s/g, '');

/**
 * Entries matching the query, best first: exact term, then term prefix, then any field. `explanations: false`
 * leaves out entries that match only in their explanation (for pages that list glossary entries beside others).
 */
export function searchGlossary(
	entries: readonly GlossaryEntry[],
	query: string,
	{ explanations = true }: { explanations?: boolean } = {}
): GlossaryEntry[] {
	const q = query.trim();
	if (!q) return [...entries].sort((a, b) => a.pinyin.localeCompare(b.pinyin, 'en'));
	const han = bare(q);
	const latin = foldLatin(q);
	const scored = entries.flatMap((e) => {
		const forms = [e.term, ...e.aliases].map((f) => bare(f));
		const english = [e.rendering.en, ...e.alsoRendered, ...e.avoid, e.literal, e.explanation].map(foldLatin);
		let score = 0;
		if (han && forms.includes(han)) score = 100;
		else if (han && forms.some((f) => f.startsWith(han))) score = 80;
		else if (han && (forms.some((f) => f.includes(han)) || e.expansion?.zh.includes(han))) score = 60;
		else if (latin && foldLatin(e.pinyin) === latin) score = 90;
		else if (latin && foldLatin(e.pinyin).startsWith(latin)) score = 70;
		else if (latin && english.slice(0, -1).some((f) => f.includes(latin))) score = 50;
		else if (explanations && latin && english.at(-1)!.includes(latin)) score = 20;
		return score ? [{ e, score }] : [];
	});
	return scored.sort((a, b) => b.score - a.score || a.e.pinyin.localeCompare(b.e.pinyin)).map((s) => s.e);
}
