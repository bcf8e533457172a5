/**
 * Search across the library: sentences, glossary terms, entities and key figures, in Chinese (characters, or
 * pinyin with or without tones) or English, through MiniSearch (an inverted index with BM25 scoring).
 *
 * Chinese has no spaces, so the `zh` field is indexed as single characters and character pairs; a query of
 * characters searches its pairs (or its one character) with AND and is then checked as a whole substring, so
 * 梅山 finds exactly the texts that contain 梅山. Pinyin is indexed as toneless runs of one to three syllables
 * ("mei", "meishan", "meishanwan"): "Meishan", "mei shan" and "Méishān" all search "meishan", and a query that
 * carries tones keeps only the texts whose syllables have those tones. English is indexed word by word with
 * prefix matching on the last word. Pure: the documents come from the caller.
 */
import MiniSearch from 'minisearch';
import { hasHan, hasToneMarks, stripToneMarks, withoutQuotationMarks } from '$lib/chinese';
import { toneSequence, tonelessKey, hasToneInfo } from '$lib/dictionary/pinyin';

/** What a result is. */
export const SEARCH_KINDS = ['sentence', 'term', 'entity', 'figure'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** A searchable text and where it leads. */
export interface SearchDoc {
	id: string;
	kind: SearchKind;
	/** The Chinese (sentence, term, entity name, figure as written with its sentence). */
	zh: string;
	/** The English (translation, rendering, name, measure). */
	en: string;
	/** Numbered pinyin per Han character of `zh`, in order ("mei2", "shan1"), for pinyin search. */
	pinyin: readonly string[];
	/** Where the result links: a sentence in the reader, a glossary entry, an entity. */
	href: string;
	/** The article's English title, when the result is in one. */
	article?: string;
}

/** Character pairs (and single characters) of the Han runs of a text. */
function hanTokens(text: string): string[] {
	const out: string[] = [];
	for (const run of text.match(/\p{Script=Han}+/gu) ?? []) {
		const chars = [...run];
		chars.forEach((c, i) => {
			out.push(c);
			if (i + 1 < chars.length) out.push(c + chars[i + 1]);
		});
	}
	return out;
}

const MAX_SYLLABLES = 3;

/** Toneless runs of one to three syllables ("mei", "meishan", "meishanwan"). */
function pinyinTokens(syllables: readonly string[]): string[] {
	const plain = syllables.map((s) => tonelessKey(s));
	const out: string[] = [];
	for (let i = 0; i < plain.length; i++) {
		let run = '';
		for (let n = 0; n < MAX_SYLLABLES && i + n < plain.length; n++) out.push((run += plain[i + n]));
	}
	return out;
}

const englishTokens = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? [];

/** A query as the index reads it. */
export interface ParsedQuery {
	han: string | null;
	latin: string | null;
	/** Tones the query carries, in order (neutral left out), or null. */
	tones: number[] | null;
}

/** Split a query into its Chinese characters and its Latin text. */
export function parseQuery(query: string): ParsedQuery {
	const q = query.normalize('NFC').trim().slice(0, 200);
	if (hasHan(q))
		return { han: withoutQuotationMarks(q).replace(/[^\p{Script=Han}]/gu, ''), latin: null, tones: null };
	const latin = q.replace(/\s+/g, ' ');
	if (!latin) return { han: null, latin: null, tones: null };
	const tones = hasToneInfo(latin) ? toneSequence(latin) : null;
	return { han: null, latin, tones: tones?.length ? tones : null };
}

/** Whether `syllables` hold the toneless `key` as consecutive syllables with the given tones. */
export function hasPinyin(
	syllables: readonly string[],
	key: string,
	tones: readonly number[] | null
): boolean {
	const plain = syllables.map((s) => tonelessKey(s));
	for (let i = 0; i < plain.length; i++) {
		let joined = '';
		for (let j = i; j < plain.length && joined.length < key.length; j++) {
			joined += plain[j];
			if (joined === key) {
				if (!tones) return true;
				const got = syllables
					.slice(i, j + 1)
					.map((s) => Number(/([1-5])$/.exec(s)?.[1] ?? 5))
					.filter((t) => t !== 5);
				if (got.join() === tones.join()) return true;
			}
			if (!key.startsWith(joined)) break;
		}
	}
	return false;
}

/** One result: the document and how it matched. */
export interface SearchHit {
	doc: SearchDoc;
	score: number;
	/** What matched: the Chinese characters, the pinyin or the English words. */
	via: 'zh' | 'pinyin' | 'en';
}

export interface SearchIndex {
	search(query: string, limit?: number): { hits: SearchHit[]; total: number; parsed: ParsedQuery };
	readonly size: number;
}

/** An index over the documents. */
export function createSearchIndex(docs: readonly SearchDoc[]): SearchIndex {
	const byId = new Map(docs.map((d) => [d.id, d]));
	const mini = new MiniSearch<SearchDoc & { py: string }>({
		fields: ['zh', 'py', 'en'],
		storeFields: [],
		// Each field has its own tokens: Han pairs, pinyin runs, English words.
		tokenize: (text, field) =>
			field === 'zh'
				? hanTokens(text)
				: field === 'py'
					? text.split(' ').filter(Boolean)
					: englishTokens(text),
		processTerm: (term) => term,
		searchOptions: { tokenize: (text) => text.split(' ').filter(Boolean), processTerm: (t) => t }
	});
	mini.addAll(docs.map((d) => ({ ...d, py: pinyinTokens(d.pinyin).join(' ') })));

	return {
		size: docs.length,
		search(query, limit = 50) {
			const parsed = parseQuery(query);
			const hits: SearchHit[] = [];
			const seen = new Set<string>();
			const push = (id: string, score: number, via: SearchHit['via']) => {
				const doc = byId.get(id);
				if (!doc || seen.has(id)) return;
				seen.add(id);
				hits.push({ doc, score, via });
			};
			if (parsed.han) {
				const han = parsed.han;
				const chars = [...han];
				const tokens = chars.length === 1 ? chars : chars.slice(0, -1).map((c, i) => c + chars[i + 1]);
				for (const r of mini.search(tokens.join(' '), { fields: ['zh'], combineWith: 'AND' }))
					if (
						byId
							.get(String(r.id))
							?.zh.replace(/[“”‘’"「」『』\s]/g, '')
							.includes(han)
					)
						push(String(r.id), r.score, 'zh');
			} else if (parsed.latin) {
				const words = englishTokens(parsed.latin);
				if (words.length)
					for (const r of mini.search(words.join(' '), {
						fields: ['en'],
						combineWith: 'AND',
						prefix: (term, i, terms) => i === terms.length - 1 && term.length >= 3
					}))
						push(String(r.id), r.score, 'en');
				const key = tonelessKey(stripToneMarks(parsed.latin));
				if (/^[a-zü]+$/.test(key) && key.length >= 2) {
					// Pinyin: the whole key as one run, or its space-separated syllables each.
					const runs =
						hasToneMarks(parsed.latin) || !parsed.latin.includes(' ')
							? [key]
							: parsed.latin.split(' ').map((s) => tonelessKey(s));
					for (const r of mini.search(runs.join(' '), { fields: ['py'], combineWith: 'AND' })) {
						const doc = byId.get(String(r.id));
						if (doc && hasPinyin(doc.pinyin, key, parsed.tones)) push(String(r.id), r.score, 'pinyin');
					}
				}
			}
			return { hits: hits.slice(0, limit), total: hits.length, parsed };
		}
	};
}
