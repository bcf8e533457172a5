/**
 * Pinyin for running text: the pinyin engine (engine.ts) once the server has set one (setPinyinEngine), else
 * pinyin-pro from whole sentences; both corrected by the proofread overrides in content/pinyin-overrides.yaml.
 */
import { customPinyin, pinyin } from 'pinyin-pro';
import type { PinyinOverride } from '$lib/content/schema';
import { hasHan } from '$lib/chinese';
import { numberedToMarks } from '$lib/dictionary/pinyin';
import type { PinyinEngine } from './engine';

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

let engine: PinyinEngine | undefined;

/**
 * Use `next` for every annotation from now on (process-wide, like the overrides; the server sets it once at
 * start-up). Undefined goes back to pinyin-pro alone.
 */
export function setPinyinEngine(next: PinyinEngine | undefined): void {
	engine = next;
}

/** Annotation with a given engine: every code point with its reading in tone marks. */
export function pinyinReader(source: PinyinEngine): (text: string) => RubyChar[] {
	return (text) => source.read(text).map((r) => ({ c: r.c, p: r.p === null ? null : numberedToMarks(r.p) }));
}

/** Annotate a sentence (or any run of text) character by character, readings in tone marks. */
export function annotatePinyin(text: string): RubyChar[] {
	if (engine) return pinyinReader(engine)(text);
	const chars = [...text];
	const readings = pinyin(text, { type: 'all', toneType: 'symbol' });
	// pinyin-pro yields one item per character for Chinese text; fall back to per-character lookups if a
	// future version groups non-Chinese runs differently, so readings never drift onto the wrong character.
	if (readings.length !== chars.length) {
		return chars.map((c) => ({ c, p: hasHan(c) ? pinyin(c) : null }));
	}
	return chars.map((c, i) => ({ c, p: hasHan(c) ? readings[i]?.pinyin || null : null }));
}
