/**
 * Search across the library: sentences, glossary terms, entities and key figures, in Chinese (characters, or
 * pinyin with or without tones) or English, through MiniSearch (an inverted index with BM25 scoring).
 *
 * Chinese has no spaces, so the `zh` field is indexed as character pairs (and the last character of each run); a
 * query of characters searches its pairs with AND (one character: the pairs it starts, by prefix) and is then
 * checked as a whole substring, so 梅山 finds exactly the texts that contain 梅山. Pinyin is indexed as toneless
 * syllables; a query ("Meishan", "mei shan", "Méishān", "mei2shan1") is split into syllables the index knows
 * (every way it splits), searched with AND, then checked as consecutive syllables, with the query's tones when it
 * has them. English is indexed word by word with prefix matching on the last word. Pure: the documents come from
 * the caller.
 */
import MiniSearch from 'minisearch';
import { hasHan, stripToneMarks, withoutQuotationMarks } from '$lib/chinese';
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

/** Character pairs of the Han runs of a text, and each run's last character (so every character starts a token). */
function hanTokens(text: string): string[] {
	const out: string[] = [];
	for (const run of text.match(/\p{Script=Han}+/gu) ?? []) {
		const chars = [...run];
		for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
		out.push(chars[chars.length - 1]!);
	}
	return out;
}

/** Every way `key` splits into syllables of `known` (at most `max` ways), longest syllables first. */
export function syllableSplits(key: string, known: ReadonlySet<string>, max = 8): string[][] {
	const out: string[][] = [];
	const walk = (at: number, acc: string[]) => {
		if (out.length >= max) return;
		if (at === key.length) {
			out.push(acc);
			return;
		}
		for (let len = Math.min(6, key.length - at); len >= 1; len--) {
			const syllable = key.slice(at, at + len);
			if (known.has(syllable)) walk(at + len, [...acc, syllable]);
		}
	};
	walk(0, []);
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
	tones: readonly number[] | null,
	plain: readonly string[] = syllables.map((s) => tonelessKey(s))
): boolean {
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
	/** The toneless syllables the documents hold, for splitting pinyin queries. */
	const syllables = new Set<string>();
	/** Per document: its toneless syllables, and its Chinese without quotation marks or spaces (for checks). */
	const plainOf = new Map<string, string[]>();
	const bareOf = new Map<string, string>();
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
	mini.addAll(
		docs.map((d) => {
			const plain = d.pinyin.map((p) => tonelessKey(p));
			for (const p of plain) syllables.add(p);
			plainOf.set(d.id, plain);
			bareOf.set(d.id, d.zh.replace(/[“”‘’"「」『』\s]/g, ''));
			return { ...d, py: plain.join(' ') };
		})
	);

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
				const options = { fields: ['zh'], combineWith: 'AND' as const, prefix: chars.length === 1 };
				for (const r of mini.search(tokens.join(' '), options))
					if (bareOf.get(String(r.id))?.includes(han)) push(String(r.id), r.score, 'zh');
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
				if (/^[a-zv]+$/.test(key) && key.length >= 2)
					for (const split of syllableSplits(key, syllables))
						for (const r of mini.search(split.join(' '), { fields: ['py'], combineWith: 'AND' })) {
							const id = String(r.id);
							const doc = byId.get(id);
							if (doc && hasPinyin(doc.pinyin, key, parsed.tones, plainOf.get(id)))
								push(id, r.score, 'pinyin');
						}
			}
			return { hits: hits.slice(0, limit), total: hits.length, parsed };
		}
	};
}
