/**
 * Hand-written readings for constructions and names that context features learned from a small corpus miss:
 * 为 wéi in 以…为… and 为…所…, surnames in bylines and credits, and names the segmenter tags as person names.
 * Each rule returns a numbered reading or null (no opinion).
 */
import { HAN_SOURCE, hasHan } from '$lib/chinese';
import type { Sentence } from './features';

/** Surnames whose reading as a surname differs from the character's common reading. */
export const SURNAMES: Readonly<Record<string, string>> = {
	沈: 'shen3',
	单: 'shan4',
	曾: 'zeng1',
	仇: 'qiu2',
	解: 'xie4',
	区: 'ou1',
	朴: 'piao2',
	查: 'zha1',
	盖: 'ge3',
	缪: 'miao4',
	翟: 'zhai2',
	覃: 'qin2',
	尉: 'yu4'
};

/** Words that introduce a person's name in a byline or credit line (记者 沈某 …, 文/单某). */
const BYLINE_CUE =
	/(记者|作者|通讯员|编辑|责编|主编|摄影|摄|撰稿|撰文|文|图|供图|校对|审核|审校|审读|翻译|译|编审|监制|策划|制图|出品人|通讯)[\s:：/／|丨]*$/u;

/** Characters that end a clause, for constructions that do not cross one. */
const CLAUSE_END = /[，。！？；：,.!?;:、\n“”"（）()《》]/u;

/** Whether the character at `i` begins a personal name in a byline or credit (after a cue such as 记者). */
function startsBylineName(s: Sentence, i: number): boolean {
	// The name: two to three Han characters, then something that is not Han (or the end).
	let end = i;
	while (end < s.chars.length && hasHan(s.chars[end]!)) end++;
	const len = end - i;
	if (len < 2 || len > 3) return false;
	// The segmenter must not have read the name as a common word (单位, 曾经): the surname stands alone or
	// begins a word tagged as a name.
	const w = s.words[s.wordAt[i]!]!;
	if (w.start !== i || (w.end - w.start > 1 && w.tag !== 'nr')) return false;
	const before = s.chars.slice(Math.max(0, i - 8), i).join('');
	const after = s.chars.slice(end, end + 6).join('');
	return (
		BYLINE_CUE.test(before) ||
		CREDIT_AFTER.test(after) ||
		NAMES_ONLY.test(s.chars.join('')) ||
		(/(^|[、，,\s/／])$/u.test(before) && BYLINE_CUE.test(listHead(s, i)))
	);
}

/** A credit that follows the name (王梦雄 摄, 单某/文). */
const CREDIT_AFTER = /^[\s/／]*(摄影|摄|供图|报道|撰文|文|图|整理)([\s。，,)）]|$)/u;
/** A text that is nothing but two or more names of two or three characters (a byline: 周松华 龚雯雯). */
const NAMES_ONLY = new RegExp(`^\\s*(${HAN_SOURCE}{2,3}[\\s、，,]+)+${HAN_SOURCE}{2,3}\\s*$`, 'u');

/** A byline cue followed by names separated by 、 or spaces, at the end of a text. */
const BYLINE_NAMES = new RegExp(
	`(记者|作者|通讯员|编辑|摄影|撰稿|校对|审核|翻译|策划)[\\s:：/／]*(${HAN_SOURCE}{2,3}[、，,\\s]+)+$`,
	'u'
);

/** The text before the list a name stands in (记者 张三、沈四 → "记者 "), within the line. */
function listHead(s: Sentence, i: number): string {
	let k = i;
	while (
		k > 0 &&
		s.chars[k - 1] !== '\n' &&
		(hasHan(s.chars[k - 1]!) || /[、，,\s]/u.test(s.chars[k - 1]!))
	) {
		k--;
		if (i - k > 40) break;
	}
	// Walk back over names separated by 、 or spaces to the cue.
	const span = s.chars.slice(Math.max(0, k - 8), i).join('');
	const cue = BYLINE_NAMES.exec(span);
	return cue ? (cue[1] ?? '') : '';
}

/** A surname reading for the character at `i`, when it begins a name. */
function surnameReading(s: Sentence, i: number): string | null {
	const reading = SURNAMES[s.chars[i]!];
	if (!reading) return null;
	const w = s.words[s.wordAt[i]!]!;
	// Three-character names only: jieba tags some two-character words as names too (朴素).
	if (w.start === i && w.tag === 'nr' && w.end - w.start === 3) return reading;
	return startsBylineName(s, i) ? reading : null;
}

/** 为 wéi in 以…为… ("take … as …") and 为…所… (passive), when 为 stands alone as a word. */
function weiReading(s: Sentence, i: number): string | null {
	if (s.chars[i] !== '为') return null;
	const w = s.words[s.wordAt[i]!]!;
	if (w.end - w.start !== 1) return null;
	// 以 standing alone earlier in the same clause, and what 为 introduces is short — 以改革为引领，以…为主的
	// (以…为浙江推进… is 为 wèi "for", followed by a whole verb phrase).
	for (let k = i - 1; k >= 0 && i - k <= 15; k--) {
		const c = s.chars[k]!;
		if (CLAUSE_END.test(c)) break;
		const wk = s.words[s.wordAt[k]!]!;
		if (c === '以' && wk.end - wk.start === 1) {
			let end = i + 1;
			while (end < s.chars.length && !CLAUSE_END.test(s.chars[end]!)) end++;
			const next = s.words[s.wordAt[i + 1] ?? -1];
			if (end - i - 1 <= 4 || (next && s.chars[next.end] === '的')) return 'wei2';
			break;
		}
	}
	// 所 standing alone later in the same clause, before a verb.
	for (let k = i + 1; k < s.chars.length && k - i <= 12; k++) {
		const c = s.chars[k]!;
		if (CLAUSE_END.test(c)) break;
		const wk = s.words[s.wordAt[k]!]!;
		if (c === '所' && wk.end - wk.start === 1 && k > i + 1) return 'wei2';
	}
	return null;
}

/** 为 wèi ("for") standing alone at the start of a clause (，为浙江推进…，为人民服务), unless …为…所… follows. */
function clauseInitialWei(s: Sentence, i: number): string | null {
	if (s.chars[i] !== '为' || (i > 0 && !CLAUSE_END.test(s.chars[i - 1]!))) return null;
	const w = s.words[s.wordAt[i]!]!;
	return w.end - w.start === 1 ? 'wei4' : null;
}

/** Characters that make 率 shuài in a word ending in them: 表率, 统率, 轻率, 草率, 坦率, 直率, 督率, 真率. */
const SHUAI_BEFORE = /[表统轻草坦直督真]/u;

/** 率 lǜ ("rate") as a word after another word (增长|率) or ending a longer one (完成率), except 率 shuài leading (率先, 率领, 率队). */
function rateReading(s: Sentence, i: number): string | null {
	if (s.chars[i] !== '率' || i === 0 || !hasHan(s.chars[i - 1]!)) return null;
	const w = s.words[s.wordAt[i]!]!;
	// Two-character words are the dictionary's (效率 lǜ, 坦率 shuài); longer ones ending in 率 are rates.
	if (w.end - w.start >= 3 && w.end === i + 1) return SHUAI_BEFORE.test(s.chars[i - 1]!) ? null : 'lü4';
	if (w.end - w.start !== 1) return null;
	// After a verb or noun (增长|率, 完成|率), before what a rate does (达, 为, 超, 暂列) or the clause end; 率 before
	// an object is shuài, "to lead" (粟裕率新四军).
	const prev = s.words[s.wordAt[i - 1]!]!;
	const next = s.words[s.wordAt[i + 1] ?? -1];
	if (!/^(v|vn|n|an|a)$/.test(prev.tag)) return null;
	return !next || !hasHan(next.text) || /^(v|d|p|a|c|u)/.test(next.tag) ? 'lü4' : null;
}

/**
 * 地 de, the adverbial particle: standing alone between an adjective, adverb or reduplication (慢慢, 认真, 积极)
 * and a verb (慢慢地走, 认真地做). Plain adjectives are left to the model: 低效地改造 is "renewing inefficient land".
 */
function adverbialDe(s: Sentence, i: number): string | null {
	if (s.chars[i] !== '地') return null;
	const wi = s.wordAt[i]!;
	const w = s.words[wi]!;
	const prev = s.words[wi - 1];
	const next = s.words[wi + 1];
	if (w.end - w.start !== 1 || !prev || !next || !hasHan(prev.text)) return null;
	const chars = [...prev.text];
	const reduplicated = chars.length >= 2 && chars[chars.length - 1] === chars[chars.length - 2];
	const adverbial = /^(ad|d|z)$/.test(prev.tag) || reduplicated;
	return adverbial && /^v/.test(next.tag) ? 'de5' : null;
}

/** The rules' reading for the character at `i`, or null. */
export function ruleReading(s: Sentence, i: number): string | null {
	return (
		weiReading(s, i) ??
		clauseInitialWei(s, i) ??
		rateReading(s, i) ??
		adverbialDe(s, i) ??
		surnameReading(s, i)
	);
}
