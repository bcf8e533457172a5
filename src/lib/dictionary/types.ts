/** Types shared by the dictionary layer. Plain data only, so extracts serialise to JSON for the browser. */

/** HSK 2.0 level of a word. */
export type HskLevel = 1 | 2 | 3 | 4 | 5 | 6;

/** What a reviewed supplement entry names. */
export type SupplementKind = 'person' | 'place' | 'company' | 'term';

/** One dictionary reading: a CC-CEDICT line, or an entry of the reviewed supplement (content/lexicon-supplement.yaml). */
export interface DictionaryEntry {
	traditional: string;
	simplified: string;
	/** Tone marks, one syllable per character, space-separated: "gǎng chéng". */
	pinyin: string;
	/** CC-CEDICT's tone-number form: "gang3 cheng2" (ü written u:). */
	pinyinNumbered: string;
	/** Senses, as CC-CEDICT separates them with '/'. */
	definitions: string[];
	source: 'cedict' | 'supplement';
	/** Supplement entries only. */
	kind?: SupplementKind;
	/** Supplement entries only: where the entry was checked. */
	note?: string;
}

/** Entry indices of one headword: a single index (most headwords) or several, to spare 250,000 small arrays. */
export type Postings = number | readonly number[];

/** The whole dictionary with its lookup maps; server-side only (it is tens of megabytes in memory). */
export interface Dictionary {
	readonly entries: readonly DictionaryEntry[];
	/** Entry indices by simplified form, in reading order (supplement first); read them with `postings`. */
	readonly bySimplified: ReadonlyMap<string, Postings>;
	/** Entry indices by traditional form, for entries whose traditional form differs from the simplified. */
	readonly byTraditional: ReadonlyMap<string, Postings>;
	/** HSK 2.0 level by simplified word (the lowest level where a word is listed at several). */
	readonly hsk: ReadonlyMap<string, HskLevel>;
	/** Longest headword, in characters (code points). */
	readonly maxWordLength: number;
}

/** A match of a glossary term in text (offsets in code points, end exclusive), as createChineseMatcher returns. */
export interface TermSpan {
	id: string;
	start: number;
	end: number;
}

/** What the segmenter needs: word membership, the longest word, and the glossary's term finder. */
export interface SegmenterLexicon {
	has(word: string): boolean;
	readonly maxWordLength: number;
	/** Longest word starting (ending) with a character; bounds the matching window. Defaults to maxWordLength. */
	maxLengthFrom?(char: string): number;
	maxLengthTo?(char: string): number;
	/** Preference among equally short segmentations (higher is better), e.g. for HSK words. Defaults to 0. */
	weight?(word: string): number;
	/** Glossary spans; they take priority over dictionary words and come out as single tokens. */
	findTerms?: (text: string) => TermSpan[];
	/**
	 * A segmenter with word frequencies for a run of Chinese characters (jieba on the server), used instead of
	 * maximum matching; its words must concatenate to the run. Words it finds that the lexicon lacks are split
	 * by maximum matching, so every token has an entry.
	 */
	cut?: (run: string) => string[];
}

/**
 * word: Chinese word or character found in the lexicon; term: a glossary term (may include quotation marks);
 * unknown: a Chinese character in no lexicon; number: digits with their magnitude and measure word ("1856.6亿元");
 * latin: a run of Latin letters (with digits); punct: punctuation or symbols; space: whitespace.
 */
export type TokenKind = 'word' | 'term' | 'unknown' | 'number' | 'latin' | 'punct' | 'space';

/** A token of segmented text; offsets count code points, end exclusive; token texts concatenate to the input. */
export interface Token {
	text: string;
	kind: TokenKind;
	start: number;
	end: number;
	/** Glossary entry id, for `term` tokens. */
	termId?: string;
}

/** One reading of a word as shipped to the browser. */
export interface ReadingExtract {
	/** Tone marks, space-separated syllables ("fā zhǎn"). */
	pinyin: string;
	/** Traditional form, when it differs from the form the entry is keyed by (or, in lookups, the simplified). */
	traditional?: string;
	/** Senses, most important first (CC-CEDICT order); possibly cut, see `more`. */
	definitions: string[];
	/** How many further senses the full entry has (ask /dictionary?q= for them). */
	more?: number;
	/** Present for readings from the reviewed supplement. */
	kind?: SupplementKind;
	/**
	 * Present when the reading is not a dictionary entry but taken from the word it occurs in (a character that
	 * CC-CEDICT lacks, such as 碶 in 新碶): the syllable is known, the meaning is not.
	 */
	fromWord?: string;
}

/**
 * A word's (or character's) entry in a per-article extract or a lookup result. In an extract, the characters of a
 * multi-character key (`charactersOf(key)`) are keys too: that is the per-character breakdown.
 */
export interface WordExtract {
	/** Simplified form: always in lookup results; in extracts only where the key is not itself simplified. */
	simplified?: string;
	/** Dictionary readings, most useful first; empty when the form is in no dictionary (then see parts). */
	readings: ReadingExtract[];
	hsk?: HskLevel;
	/** Forms not in the dictionary (glossary terms, numbers with measure words): the words they are made of. */
	parts?: string[];
}

/** The per-article extract: every form the article's tokens need, keyed by form (see `tokenKey`). */
export type ArticleDictionary = Record<string, WordExtract>;

/** One result of a dictionary lookup. */
export interface LookupResult {
	entry: WordExtract & { simplified: string };
	/** How the query matched. */
	match: 'simplified' | 'traditional' | 'contains' | 'pinyin' | 'pinyin-prefix' | 'english';
	score: number;
}

/** Share of an article's Chinese tokens that the dictionary or glossary knows. */
export interface Coverage {
	/** Chinese tokens (word, term, unknown), counted per occurrence. */
	total: number;
	known: number;
	/** known / total, 0..1 (1 when there are no Chinese tokens). */
	share: number;
	/** Tokens inside `singleCharRuns`: known as characters, but probably parts of a word the lexicon lacks. */
	inRuns: number;
	/** (known − inRuns) / total: the share covered by words, not by falling back to characters. */
	strictShare: number;
	/** Distinct forms not found, with occurrence counts, most frequent first. */
	unknown: { form: string; count: number }[];
	/**
	 * Runs of two or more single-character tokens (known or not) — where maximum matching fell back to
	 * characters, typically names or terms the dictionary lacks. Distinct runs with counts, most frequent first.
	 */
	singleCharRuns: { form: string; count: number }[];
}
