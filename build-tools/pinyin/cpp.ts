/**
 * The CPP polyphone benchmark (kakaobrain/g2pM, Apache-2.0): line N of `<split>.sent` is a sentence with one
 * polyphonic character wrapped in U+2581 on both sides, line N of `<split>.lb` its numbered reading ("u:" for ü).
 * CPP_DIR points at the folder (default ../shared/data/cpp beside the checkout, which holds the development split).
 *
 * Held-out part: a fixed 20 % of the development split, chosen by line number — line N (1-based) is held out when
 * the FNV-1a hash of the decimal string N is divisible by 5. Training and tuning use only the other 80 %.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { normaliseSyllable } from '$lib/pinyin/syllable';

/** One benchmark item: the sentence without markers, the marked character's code-point index, its reading. */
export interface CppItem {
	line: number;
	text: string;
	at: number;
	char: string;
	label: string;
}

export const CPP_DIR = process.env.CPP_DIR ?? resolve('../shared/data/cpp');

const MARK = '\u2581';

/** FNV-1a (32-bit) of a string's UTF-16 code units. */
function fnv1a(s: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < s.length; i++) {
		h ^= s.charCodeAt(i);
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	return h >>> 0;
}

/** Whether line `line` (1-based) of the development split is in the held-out 20 %. */
export function isHeldOut(line: number): boolean {
	return fnv1a(String(line)) % 5 === 0;
}

/** Read a split ("dev" or "test"). */
export function readCpp(split: string, dir = CPP_DIR): CppItem[] {
	const sents = readFileSync(join(dir, `${split}.sent`), 'utf8').split('\n');
	const labels = readFileSync(join(dir, `${split}.lb`), 'utf8').split('\n');
	const items: CppItem[] = [];
	sents.forEach((raw, n) => {
		if (!raw.trim()) return;
		const chars = [...raw];
		const open = chars.indexOf(MARK);
		const close = chars.indexOf(MARK, open + 1);
		const label = normaliseSyllable(labels[n]?.trim() ?? '');
		if (open < 0 || close !== open + 2 || !label)
			throw new Error(`${split}.sent:${n + 1}: cannot read the item`);
		const text = chars.filter((c) => c !== MARK).join('');
		items.push({ line: n + 1, text, at: open, char: chars[open + 1]!, label });
	});
	return items;
}
