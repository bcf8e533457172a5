/**
 * Search across the library: sentences, glossary terms, entities and key figures, in Chinese (characters, or
 * pinyin with or without tones) or English, through MiniSearch (an inverted index with BM25 scoring).
 *
 * Chinese has no spaces, so the `zh` field is indexed as character pairs (and the last character of each run); a
 * query of characters searches its pairs with AND (one character: the pairs it starts, by prefix) and, when
 * longer than a pair, is then checked as a whole substring, so 梅山 finds exactly the texts that contain 梅山.
 * Pinyin is indexed as pairs of toneless syllables; a query ("Meishan", "mei shan", "Méishān", "mei2shan1") is
 * split into syllables the index knows (every way it splits), its pairs searched with AND, then checked as
 * consecutive syllables, with the query's tones when it has them (two syllables without tones need no check).
 * English is indexed word by word with prefix matching on the last word of three letters or more.
 *
 * What a query costs grows with the documents that match it: MiniSearch scores every one. Pairs keep that number
 * close to the number of real matches, and only documents that pass the checks are looked up and kept; a query
 * matching many thousands of documents (one common English word, one syllable) still costs tens of milliseconds.
 * Pure: the documents come from the caller.
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

/**
 * A Han character as the index keys it: its code point in five letters A–P (a hex digit each; 梅 U+6885 →
 * "AGIIF"). MiniSearch keeps terms in a radix tree whose nodes it scans child by child, so a thousand distinct
 * first characters made every insertion scan a thousand keys; sixteen letters keep each node at sixteen children
 * or fewer, and a character's prefix is still its pairs' prefix. Upper case: no English or pinyin token has it.
 */
const hanKey = (char: string) => {
	let code = char.codePointAt(0)!;
	let key = '';
	for (let i = 0; i < 5; i++, code >>= 4) key = String.fromCharCode(65 + (code & 15)) + key;
	return key;
};

/** Character pairs of the Han runs of a text, and each run's last character (so every character starts a token). */
function hanTokens(text: string): string[] {
	const out: string[] = [];
	for (const run of text.match(/\p{Script=Han}+/gu) ?? []) {
		const keys = [...run].map(hanKey);
		for (let i = 0; i + 1 < keys.length; i++) out.push(keys[i]! + keys[i + 1]!);
		out.push(keys[keys.length - 1]!);
	}
	return out;
}

/**
 * Toneless syllables as the index keys them: each pair of neighbours joined by "-" ("mei-shan"), and the last
 * syllable alone, so a query of two or more syllables searches pairs (far fewer documents each than a syllable)
 * and one syllable searches itself and, by prefix, the pairs it starts ("de", "de-").
 */
function pinyinTokens(plain: readonly string[]): string[] {
	const out: string[] = [];
	for (let i = 0; i + 1 < plain.length; i++) out.push(`${plain[i]}-${plain[i + 1]}`);
	if (plain.length) out.push(plain[plain.length - 1]!);
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
				// The syllables' tones (the digit each ends with; 5 and none are neutral, left out) against the query's.
				let t = 0;
				let same = true;
				for (let k = i; k <= j && same; k++) {
					const s = syllables[k]!;
					const tone = s.charCodeAt(s.length - 1) - 48;
					if (tone < 1 || tone > 4) continue;
					same = tones[t++] === tone;
				}
				if (same && t === tones.length) return true;
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

/**
 * Documents one query ranks at most. A query matching more (one common English word or syllable in a large
 * library) ranks the first this many in library order and says its count is a lower bound: MiniSearch scores
 * every document it admits, and scoring tens of thousands took over 100 ms. Queries of several terms take their
 * candidates from their rarest term, so "common prosperity" ranks only the documents with "prosperity", and is
 * exact whenever that term is in no more documents than this.
 */
export const CANDIDATE_CAP = 2_000;

export interface SearchResult {
	hits: SearchHit[];
	/** Documents found; a lower bound when `capped`. */
	total: number;
	/** The query matched more than CANDIDATE_CAP documents: only that many were ranked. */
	capped: boolean;
	parsed: ParsedQuery;
}

export interface SearchIndex {
	search(query: string, limit?: number): SearchResult;
	readonly size: number;
}

type Field = 'zh' | 'py' | 'en';
type PrefixRule = (term: string, i: number, terms: string[]) => boolean;

/** A boostDocument for MiniSearch that admits the first `cap` documents it is asked about and refuses the rest. */
function firstDocuments(cap: number) {
	const admitted = new Set<string>();
	const gate = {
		refused: false,
		boost: (id: string) => {
			if (admitted.has(id)) return 1;
			if (admitted.size < cap) {
				admitted.add(id);
				return 1;
			}
			gate.refused = true;
			return 0;
		}
	};
	return gate;
}

/** An index over the documents. */
export function createSearchIndex(docs: readonly SearchDoc[]): SearchIndex {
	const byId = new Map(docs.map((d) => [d.id, d]));
	/** The toneless syllables the documents hold, for splitting pinyin queries. */
	const syllables = new Set<string>();
	/** Per document: its toneless syllables, and its Chinese without quotation marks or spaces (for checks). */
	const plainOf = new Map<string, string[]>();
	const bareOf = new Map<string, string>();
	const tokens = (text: string, field: string) =>
		field === 'zh'
			? hanTokens(text)
			: field === 'py'
				? pinyinTokens(text.split(' ').filter(Boolean))
				: englishTokens(text);
	const mini = new MiniSearch<SearchDoc & { py: string }>({
		fields: ['zh', 'py', 'en'],
		storeFields: [],
		// Each field has its own tokens: Han pairs, pinyin pairs, English words.
		tokenize: (text, field) => tokens(text, field ?? ''),
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

	/**
	 * MiniSearch over one field, ranking at most CANDIDATE_CAP documents: with AND and several terms, those
	 * holding the rarest term (the first CANDIDATE_CAP of them); otherwise the first it meets.
	 */
	function ranked(terms: string[], field: Field, combineWith: 'AND' | 'OR', prefix: PrefixRule) {
		let gate: { boost: (id: string) => number; refused: boolean };
		if (combineWith === 'AND' && terms.length > 1) {
			// How many documents hold a term: MiniSearch asked to boost each one (and told to drop it), nothing scored.
			const count = (t: string) => {
				let n = 0;
				mini.search(t, {
					fields: [field],
					prefix: prefix(t, terms.indexOf(t), terms),
					boostDocument: () => (n++, 0)
				});
				return n;
			};
			const counts = new Map(terms.map((t) => [t, count(t)]));
			const rarest = terms.reduce((a, b) => (counts.get(b)! < counts.get(a)! ? b : a));
			const all = [...counts.values()].reduce((a, b) => a + b, 0);
			// Few documents in all: scoring them costs less than choosing candidates first.
			if (counts.get(rarest)! <= CANDIDATE_CAP && all <= 2 * CANDIDATE_CAP) {
				const results = mini.search(terms.join(' '), { fields: [field], combineWith, prefix });
				return { results, capped: false };
			}
			const first = firstDocuments(CANDIDATE_CAP);
			const alone = prefix(rarest, terms.indexOf(rarest), terms);
			const candidates = new Set(
				mini
					.search(rarest, { fields: [field], prefix: alone, boostDocument: first.boost })
					.map((r) => String(r.id))
			);
			gate = { boost: (id) => (candidates.has(id) ? 1 : 0), refused: first.refused };
		} else gate = firstDocuments(CANDIDATE_CAP);
		const results = mini.search(terms.join(' '), {
			fields: [field],
			combineWith,
			prefix,
			boostDocument: gate.boost
		});
		return { results, capped: gate.refused };
	}

	return {
		size: docs.length,
		search(query, limit = 50) {
			const parsed = parseQuery(query);
			const hits: SearchHit[] = [];
			const seen = new Set<string>();
			let capped = false;
			/** Count a document found; only the first `limit` become hits. */
			const push = (id: string, score: number, via: SearchHit['via']) => {
				if (seen.has(id)) return;
				const doc = byId.get(id);
				if (!doc) return;
				seen.add(id);
				if (hits.length < limit) hits.push({ doc, score, via });
			};
			if (parsed.han) {
				const han = parsed.han;
				const keys = [...han].map(hanKey);
				const terms = keys.length === 1 ? keys : keys.slice(0, -1).map((k, i) => k + keys[i + 1]);
				const found = ranked(terms, 'zh', 'AND', () => keys.length === 1);
				capped ||= found.capped;
				// One pair (or one character) found is the text found; longer, its pairs may be apart.
				const check = keys.length > 2;
				for (const r of found.results)
					if (!check || bareOf.get(String(r.id))?.includes(han)) push(String(r.id), r.score, 'zh');
			} else if (parsed.latin) {
				const words = englishTokens(parsed.latin);
				if (words.length) {
					const found = ranked(
						words,
						'en',
						'AND',
						(term, i, terms) => i === terms.length - 1 && term.length >= 3
					);
					capped ||= found.capped;
					for (const r of found.results) push(String(r.id), r.score, 'en');
				}
				const key = tonelessKey(stripToneMarks(parsed.latin));
				if (/^[a-zv]+$/.test(key) && key.length >= 2)
					for (const split of syllableSplits(key, syllables)) {
						const single = split.length === 1;
						// One syllable: itself and the pairs it starts; more: their pairs.
						const terms = single
							? [split[0]!, `${split[0]}-`]
							: split.slice(0, -1).map((p, i) => `${p}-${split[i + 1]}`);
						const found = ranked(terms, 'py', single ? 'OR' : 'AND', (term) => term.endsWith('-'));
						capped ||= found.capped;
						// Two syllables without tones are one pair: found is found.
						const check = parsed.tones !== null || split.length > 2;
						for (const r of found.results) {
							const id = String(r.id);
							if (seen.has(id)) continue;
							const doc = byId.get(id);
							if (doc && (!check || hasPinyin(doc.pinyin, key, parsed.tones, plainOf.get(id))))
								push(id, r.score, 'pinyin');
						}
					}
			}
			return { hits, total: seen.size, capped, parsed };
		}
	};
}
