/**
 * Numbered-tone syllables, the engine's internal form: lower case, ü written ü, tone 1–5 (5 = neutral), e.g.
 * "zhong4", "lü4", "le5". Conversions from pinyin-pro's output ("le0") and CC-CEDICT's ("Lu:4", "r5").
 */

const cache = new Map<string, string | null>();

/** A numbered-tone syllable in the engine's form, or null if `raw` is not one syllable with a tone. */
export function normaliseSyllable(raw: string): string | null {
	let out = cache.get(raw);
	if (out === undefined) {
		out = normalise(raw);
		if (cache.size < 10_000) cache.set(raw, out);
	}
	return out;
}

function normalise(raw: string): string | null {
	const s = raw.toLowerCase().replace(/u:|v/g, 'ü').replace(/0$/, '5');
	if (!/^[a-zü]+[1-5]$/.test(s)) return /^[a-zü]+$/.test(s) ? `${s}5` : null;
	return s;
}

/** Space-separated numbered pinyin ("Chong2 qing4") → normalised syllables, or null if any is not a syllable. */
export function normaliseSyllables(raw: string): string[] | null {
	const out: string[] = [];
	for (const part of raw.trim().split(/\s+/)) {
		const s = normaliseSyllable(part);
		if (!s) return null;
		out.push(s);
	}
	return out;
}
