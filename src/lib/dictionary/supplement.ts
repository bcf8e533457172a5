/**
 * The reviewed lexicon supplement (content/lexicon-supplement.yaml): proper nouns and terms of curated articles
 * that CC-CEDICT lacks, each with its source. Small by design; it never invents meanings.
 */
import * as v from 'valibot';
import { parse as parseYaml } from 'yaml';
import { marksToNumbered } from './pinyin';
import type { DictionaryEntry } from './types';
import { hasHan } from '$lib/chinese';

const chinese = (what: string) =>
	v.pipe(
		v.string(`${what} must be text`),
		v.trim(),
		v.check(
			(s) => [...s].length > 0 && [...s].every((c) => hasHan(c)),
			`${what} must be Chinese characters only`
		)
	);
const english = (what: string) =>
	v.pipe(
		v.string(`${what} must be text`),
		v.trim(),
		v.nonEmpty(`${what} is missing or empty`),
		v.check((s) => !hasHan(s), `${what} holds Chinese characters; English only`)
	);

/** One supplement entry. */
export const SupplementEntrySchema = v.pipe(
	v.strictObject({
		word: chinese('word'),
		/** Traditional form; defaults to `word`. */
		traditional: v.optional(chinese('traditional')),
		/** Tone marks, one space-separated syllable per character, proper nouns capitalised ("Xīn qì"). */
		pinyin: v.pipe(
			v.string('pinyin must be text'),
			v.trim(),
			v.regex(/^[^\d]+$/, 'pinyin uses tone marks, not numbers')
		),
		/** English gloss: what the word is, as the source shows it, nothing more. */
		en: english('en'),
		kind: v.picklist(['person', 'place', 'company', 'term'], 'kind must be person, place, company or term'),
		/** Where the entry was checked (the article line, an official page, a gazetteer…); may quote Chinese. */
		source: v.pipe(
			v.string('source must be text'),
			v.trim(),
			v.nonEmpty('source is missing: say where the entry was checked')
		)
	}),
	v.check(
		(e) => e.pinyin.split(/\s+/).length === [...e.word].length,
		'pinyin needs one syllable per character of word'
	),
	v.check(
		(e) => e.traditional === undefined || [...e.traditional].length === [...e.word].length,
		'traditional must have as many characters as word'
	)
);

export const SupplementSchema = v.array(SupplementEntrySchema);

export type SupplementEntry = v.InferOutput<typeof SupplementEntrySchema>;

/** Parse and validate the supplement's YAML; problems name the file, the entry and the field. */
export function parseSupplement(file: string, source: string): SupplementEntry[] {
	const data: unknown = parseYaml(source) ?? [];
	const result = v.safeParse(SupplementSchema, data);
	if (!result.success) {
		const problems = result.issues.map((i) => {
			const path = (i.path ?? []).map((p) =>
				typeof p.key === 'number' ? `[${p.key}]` : `.${String(p.key)}`
			);
			return `${file}: ${path.join('') || '(top level)'}: ${i.message}`;
		});
		throw new Error(`Invalid lexicon supplement:\n  ${problems.join('\n  ')}`);
	}
	const seen = new Set<string>();
	for (const e of result.output) {
		if (seen.has(e.word)) throw new Error(`${file}: "${e.word}" is listed twice`);
		seen.add(e.word);
	}
	return result.output;
}

/** Supplement entries as dictionary entries (source "supplement", the gloss as the one definition). */
export function supplementEntries(items: readonly SupplementEntry[]): DictionaryEntry[] {
	return items.map((e) => ({
		traditional: e.traditional ?? e.word,
		simplified: e.word,
		pinyin: e.pinyin.split(/\s+/).join(' '),
		pinyinNumbered: marksToNumbered(e.pinyin),
		definitions: [e.en],
		source: 'supplement',
		kind: e.kind,
		note: e.source
	}));
}
