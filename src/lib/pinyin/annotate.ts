/**
 * Pinyin for running text, computed by pinyin-pro from whole sentences (so context picks the reading of
 * polyphonic characters) and corrected by the proofread overrides in content/pinyin-overrides.yaml.
 */
import { customPinyin, pinyin } from 'pinyin-pro';
import type { PinyinOverride } from '$lib/content/schema';
import { hasHan } from '$lib/chinese';

/** One character of source text with its reading; `p` is null for anything that is not a Chinese character. */
export interface RubyChar {
	c: string;
	p: string | null;
}

/**
 * Register the overrides with pinyin-pro. Its custom dictionary is process-wide, so this is the one place that
 * sets it; calling again with the same overrides is harmless.
 */
export function applyPinyinOverrides(overrides: readonly PinyinOverride[]): void {
	customPinyin(Object.fromEntries(overrides.map((o) => [o.word, o.pinyin])));
}

/** Annotate a sentence (or any run of text) character by character. */
export function annotatePinyin(text: string): RubyChar[] {
	const chars = [...text];
	const readings = pinyin(text, { type: 'all', toneType: 'symbol' });
	// pinyin-pro yields one item per character for Chinese text; fall back to per-character lookups if a
	// future version groups non-Chinese runs differently, so readings never drift onto the wrong character.
	if (readings.length !== chars.length) {
		return chars.map((c) => ({ c, p: hasHan(c) ? pinyin(c) : null }));
	}
	return chars.map((c, i) => ({ c, p: hasHan(c) ? readings[i]?.pinyin || null : null }));
}
