/**
 * Simplified → Traditional Chinese for the reader, with opencc-js (Taiwan or Hong Kong standard). Conversion is
 * character for character in form: OpenCC's phrase tables choose the right character in context (头发 → 頭髮,
 * 发展 → 發展), but the regional phrase tables that swap vocabulary (软件 → 軟體) are not used, so every
 * character keeps its place under its pinyin. Server-only ($lib/server): the tables are too large for the browser.
 * The list of scripts and their language tags are browser-safe, in $lib/chinese.
 */
import { Converter } from 'opencc-js/cn2t';
import { Converter as ToSimplifiedConverter } from 'opencc-js/t2cn';
import type { ChineseScript } from '$lib/chinese';

type Convert = (text: string) => string;

const converters = new Map<ChineseScript, Convert>();

function converter(script: Exclude<ChineseScript, 'simplified'>): Convert {
	let convert = converters.get(script);
	if (!convert) {
		const base = Converter({ from: 'cn', to: script === 'traditional-tw' ? 'tw' : 'hk' });
		// The article never changes while the server runs: each text is converted once.
		const cache = new Map<string, string>();
		convert = (text) => {
			let out = cache.get(text);
			if (out === undefined) cache.set(text, (out = convertKeepingLength(base, text)));
			return out;
		};
		converters.set(script, convert);
	}
	return convert;
}

/** Convert a whole text (so context picks the character); if a phrase changed the length, character by character. */
function convertKeepingLength(convert: Convert, text: string): string {
	const whole = convert(text);
	if ([...whole].length === [...text].length) return whole;
	return [...text].map((c) => [...convert(c)][0] ?? c).join('');
}

/** A text in the chosen script, one character for each character of the input. */
export function toScript(text: string, script: ChineseScript): string {
	return script === 'simplified' ? text : converter(script)(text);
}

let simplify: Convert | undefined;

/**
 * Traditional (any standard) → Simplified, one character for each character of the input: how /read annotates
 * a Traditional text (the dictionary and pinyin work on Simplified) while showing it as written.
 */
export function toSimplified(text: string): string {
	simplify ??= ToSimplifiedConverter({ from: 't', to: 'cn' });
	return convertKeepingLength(simplify, text);
}
