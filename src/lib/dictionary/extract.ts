/**
 * Per-article dictionary extracts: only the entries an article's tokens need (each word, its characters for the
 * per-character breakdown, and the dictionary words inside glossary terms), small enough to send to the browser.
 */
import { entriesFor, segmenterLexicon } from './lexicon';
import { numberParts, segment, tokenKey } from './segment';
import type {
	ArticleDictionary,
	Dictionary,
	DictionaryEntry,
	ReadingExtract,
	SegmenterLexicon,
	Token,
	WordExtract
} from './types';

const VARIANT_ONLY = /^(?:old |archaic |Japanese |erroneous |ancient )?variant of /;
const HAN = /\p{Script=Han}/u;

function toReading(e: DictionaryEntry): ReadingExtract {
	const r: ReadingExtract = { pinyin: e.pinyin, traditional: e.traditional, definitions: e.definitions };
	if (e.kind) r.kind = e.kind;
	if (e.note) r.note = e.note;
	return r;
}

/**
 * A form's entry on its own: its readings (variant-only readings dropped when the form has others), traditional
 * forms and HSK level. `contextSyllable` supplies the reading of a character the dictionary lacks.
 */
export function wordExtract(
	dictionary: Dictionary,
	form: string,
	context?: { word: string; syllable: string | undefined }
): WordExtract {
	let entries = entriesFor(dictionary, form);
	const substantial = entries.filter((e) => !e.definitions.every((d) => VARIANT_ONLY.test(d)));
	if (substantial.length) entries = substantial;
	const simplified = entries[0]?.simplified ?? form;
	const extract: WordExtract = {
		simplified,
		traditional: [...new Set(entries.map((e) => e.traditional))],
		readings: entries.map(toReading)
	};
	if (!entries.length && context?.syllable && [...form].length === 1) {
		extract.traditional = [form];
		extract.readings = [{ pinyin: context.syllable, traditional: form, definitions: [], fromWord: context.word }];
	}
	const hsk = dictionary.hsk.get(simplified) ?? dictionary.hsk.get(form);
	if (hsk) extract.hsk = hsk;
	return extract;
}

/** Builds an extract incrementally; one builder per article. */
class ExtractBuilder {
	readonly out: ArticleDictionary = {};
	private plain: SegmenterLexicon;

	constructor(private dictionary: Dictionary) {
		this.plain = segmenterLexicon(dictionary);
	}

	addWord(form: string, context?: { word: string; syllable: string | undefined }): void {
		if (!form || this.out[form]) return;
		const extract = wordExtract(this.dictionary, form, context);
		this.out[form] = extract;
		const chars = [...form];
		if (chars.length < 2) return;
		const han = chars.filter((c) => HAN.test(c));
		extract.chars = han;
		// The reading of each character in this word, for characters the dictionary lacks (碶 in 新碶 Xīnqì).
		const syllables = extract.readings[0]?.pinyin.split(' ');
		const aligned = syllables?.length === chars.length;
		chars.forEach((c, i) => {
			if (HAN.test(c)) this.addWord(c, { word: form, syllable: aligned ? syllables?.[i]?.toLowerCase() : undefined });
		});
		if (!extract.readings.length) {
			const parts = segment(form, this.plain)
				.filter((t) => t.kind === 'word' || t.kind === 'unknown')
				.map((t) => t.text);
			if (parts.some((p) => [...p].length > 1)) {
				extract.parts = parts;
				for (const p of parts) this.addWord(p);
			}
		}
	}

	addNumber(text: string): void {
		if (this.out[text]) return;
		const parts = numberParts(text);
		this.out[text] = { simplified: text, traditional: [], readings: [], parts };
		for (const p of parts) this.addWord(p);
	}
}

/**
 * The dictionary entries an article's tokens need, keyed by `tokenKey(token)`: each word or term, each of its
 * characters, the words inside terms the dictionary lacks, and the parts of numbers with measure words.
 */
export function extractArticleDictionary(tokens: Iterable<Token>, dictionary: Dictionary): ArticleDictionary {
	const builder = new ExtractBuilder(dictionary);
	for (const token of tokens) {
		const key = tokenKey(token);
		if (!key) continue;
		if (token.kind === 'number') builder.addNumber(key);
		else builder.addWord(key);
	}
	return builder.out;
}
