/**
 * What the word popover shows, as plain data: the word as the page has it (read from the DOM by popover.ts) and
 * the article's word data in, the text of every slot, which sections show and the list rows out. No DOM here,
 * so it runs (and is tested) in Node with the real article; popover.ts writes the result into the popover.
 */
import type { PopoverEntry } from '$lib/glossary/popover';
import type { ReadingExtract } from '$lib/dictionary/types';
import type { PopoverData } from '../word-data';
import { hasHan, properNounPinyin, stripDiacritics } from '$lib/chinese';

/** The word the reader opened, as read from the page. */
export interface OpenedWord {
	/** The link's address, when the word is a term link: the popover data's key for its entry. */
	termHref?: string;
	/** Whether the word is in the article's Chinese text (a sentence), not elsewhere on the page. */
	inSentence: boolean;
	/** The word's key in the extract (from its position in its sentence), once the data is here. */
	key?: string;
	/** Its characters as shown, without pinyin or quotation marks. */
	text: string;
	/** The language of its sentence (zh-Hans or zh-Hant). */
	lang: string;
	/** Its pinyin in this sentence, syllables separated by spaces. */
	pinyin: string;
	/** Each syllable of its <rt>s, in order. */
	syllables: string[];
}

/** The popover's text slots (`data-slot`). */
export type TextSlot =
	| 'word'
	| 'pinyin'
	| 'rendering'
	| 'literal'
	| 'expansionZh'
	| 'expansionEn'
	| 'explanation'
	| 'confidence'
	| 'hsk'
	| 'traditional'
	| 'simplified';

/** The popover's sections that show or hide (`data-section`). */
export type Section =
	| 'glossary'
	| 'literal'
	| 'expansion'
	| 'confidence'
	| 'dictionary'
	| 'hsk'
	| 'traditional'
	| 'simplified'
	| 'characters'
	| 'parts'
	| 'none'
	| 'save';

/** A word as the popover shows it, and as Save stores it. */
export interface ShownWord {
	key?: string;
	pinyin: string;
	readings: ReadingExtract[];
	hsk?: number;
	traditional?: string;
	term?: PopoverEntry;
}

/** Everything the popover shows for one word. */
export interface PopoverView {
	text: Record<TextSlot, string>;
	/** The language of the headword. */
	lang: string;
	sections: Record<Section, boolean>;
	/** List rows: readings are [pinyin, senses]; characters and parts are [character, pinyin, senses]. */
	lists: { readings: string[][]; characters: string[][]; parts: string[][] };
	links: { link: string; lookup: string };
	shown: ShownWord;
}

/** Senses of a reading, joined; "…" when the extract left some out. */
export const senses = (r: ReadingExtract | undefined, n?: number) =>
	r ? r.definitions.slice(0, n).join('; ') + (r.more || (n && r.definitions.length > n) ? ' …' : '') : '';

const toneless = (p: string) => stripDiacritics(p).replace(/[1-5]/g, '').toLowerCase();

/** The popover for a word; `data` is undefined while the article's word data is still on its way. */
export function popoverView(word: OpenedWord | undefined, data: PopoverData | undefined): PopoverView {
	const term = word?.termHref && data ? data.terms[word.termHref] : undefined;
	const inSentence = !!word?.inSentence;
	const key = inSentence ? word?.key : term?.term;
	const entry = key && data ? data.entries[key] : undefined;
	const shownText = inSentence ? word!.text : (term?.term ?? '');
	const head = key && /\d/.test(key) ? key : shownText;
	const readings = entry?.readings ?? [];
	const traditional = readings.find((r) => r.traditional)?.traditional;
	// A name read as the dictionary reads it is written as a name: 周松华 Zhōu Sōnghuá, not zhōu sōng huá.
	const asName = readings.find(
		(r) => r.pinyin !== r.pinyin.toLowerCase() && r.pinyin.toLowerCase() === word?.pinyin.toLowerCase()
	);
	const pinyin = inSentence
		? asName
			? properNounPinyin(asName.pinyin)
			: word!.pinyin
		: (term?.pinyin ?? '');

	// The characters of a word, each with its own reading and meaning (shown in the page's script).
	const chars = [...(key ?? '')].filter((c) => hasHan(c));
	const shownChars = [...shownText];
	// Each character's reading as it is read in this word (强 in 强化 is qiáng, not its first entry jiàng).
	const syllables = inSentence ? word!.syllables : [];
	const charItems = (forms: string[], shown: (f: string, i: number) => string) =>
		forms.map((f, i): string[] => {
			const all = data?.entries[f]?.readings ?? [];
			const heard = syllables.length === forms.length ? (syllables[i] ?? '') : '';
			const r =
				all.find((x) => x.pinyin.toLowerCase() === heard.toLowerCase()) ??
				all.find((x) => heard && toneless(x.pinyin) === toneless(heard)) ??
				all[0];
			return [shown(f, i), r?.pinyin ?? '', senses(r, 2)];
		});
	const characters =
		!entry?.parts && chars.length > 1
			? charItems(chars, (c, i) => (shownChars.length === chars.length ? shownChars[i]! : c))
			: [];
	const parts = entry?.parts ? charItems(entry.parts, (p) => p) : [];

	return {
		text: {
			word: head,
			pinyin,
			rendering: term?.rendering ?? '',
			literal: term?.literal ?? '',
			expansionZh: term?.expansion?.zh ?? '',
			expansionEn: term?.expansion?.en ?? '',
			explanation: term?.explanation ?? '',
			confidence: term?.confidence ?? '',
			hsk: String(entry?.hsk ?? ''),
			traditional: traditional ?? '',
			simplified: key ?? ''
		},
		lang: (inSentence && word?.lang) || 'zh-Hans',
		sections: {
			glossary: !!term,
			literal: !!term?.literal,
			expansion: !!term?.expansion,
			confidence: !!term?.confidence,
			dictionary: !!data && !!key,
			hsk: !!entry?.hsk,
			traditional: !!traditional && traditional !== head,
			simplified: !!key && key !== head && !/\d/.test(key),
			characters: characters.length > 0,
			parts: parts.length > 0,
			none: !!data && !!key && !term && !readings.length && !entry?.parts,
			save: !!data && inSentence && !!key
		},
		lists: { readings: readings.map((r) => [properNounPinyin(r.pinyin), senses(r)]), characters, parts },
		links: { link: term?.href ?? '/glossary', lookup: `/dictionary?q=${encodeURIComponent(key ?? '')}` },
		shown: { key, pinyin, readings, hsk: entry?.hsk, traditional, term }
	};
}
