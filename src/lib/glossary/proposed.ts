/**
 * Proposed terms: the likely policy terms of an article that the glossary lacks, for an editor to turn into
 * glossary entries. Pure: the glossary's term finder, the dictionary's word test and (optionally) a word
 * segmenter come in as functions.
 *
 * What counts as a candidate, from the way Chinese policy writing marks its coinages:
 * - `quoted`: a short quotation (“精特亮”, “强链、延链、补链”), not a quoted sentence;
 * - `paired`: quotations set side by side with nothing between them, read as one slogan (“扩中”“提低” → 扩中提低);
 * - `number`: number abbreviations — a quotation of digits (“141”, “1244”), a bare code of three to five digits
 *   that is no quantity (12345热线), numeral formulas (六促六优, 两场一仓) and numeral runs before a name (八八战略,
 *   十四五规划);
 * - `programme`: the name of a programme, a coinage before 工程, 计划, 行动, 机制… (政治铸魂计划, 干部强基工程);
 * - `listed`: coined four-character items of a parallel list (着力深化铸魂溯源、产业升级、…、固本强基);
 * - `recurring`: four-character phrases that occur at least twice, are absent from the dictionary, contain no
 *   function word and start and end on word boundaries (共富先行, 规上工业).
 * Forms the glossary already has (terms and aliases, quotation marks ignored), and occurrences inside a longer
 * glossary term, do not count.
 */
import { COUNTING_MEASURE_WORDS, NUMBER_UNITS, hasHan, isQuotationMark } from '$lib/chinese';
import { walkSegments, type WalkableArticle } from '$lib/content/walk';
import type { TermMatch } from './matcher';

/** Why a form was proposed. */
export type ProposalKind = 'quoted' | 'paired' | 'number' | 'programme' | 'listed' | 'recurring';

/** The kinds, strongest evidence first (the order proposals are listed in). */
export const PROPOSAL_KINDS: readonly ProposalKind[] = [
	'paired',
	'number',
	'quoted',
	'programme',
	'listed',
	'recurring'
];

/** A sentence a proposed term occurs in. */
export interface ProposedSentence {
	segmentId: string;
	/** The reader's element id around the segment, for a link into the article. */
	anchor: string;
	zh: string;
}

/** A likely policy term the glossary lacks. */
export interface ProposedTerm {
	/** The form as written, without quotation marks (扩中提低, 强链、延链、补链, 141). */
	term: string;
	kinds: ProposalKind[];
	/** Occurrences in the article (quotation marks ignored), outside longer glossary terms. */
	count: number;
	/** The segments it occurs in, in reading order. */
	sentences: ProposedSentence[];
	/** Whether the dictionary has the form as a word (a common word used as a slogan, e.g. 组合拳). */
	inDictionary: boolean;
}

/** What proposing needs to know. */
export interface ProposeOptions {
	/** The glossary's term finder (createChineseMatcher over the glossary): forms it finds whole are known. */
	findTerms: (text: string) => TermMatch[];
	/** Whether the dictionary (CC-CEDICT and the supplement) has a word. */
	inDictionary: (word: string) => boolean;
	/** Words of a run of Chinese characters (jieba on the server); recurring phrases must start and end on a word. */
	cut?: (run: string) => string[];
	/** Most proposals to return (default 60). */
	limit?: number;
}

/** Longest quotation taken for a term, in characters; longer ones are quoted sentences. */
export const MAX_QUOTED_LENGTH = 16;

const NUMERALS = '一二三四五六七八九十百千万亿两双';
const NUMERAL = new Set(NUMERALS);
/** Punctuation that makes a quotation a sentence or a list of clauses rather than a name. */
const CLAUSE_MARKS = /[，。；：！？,.;:!?（）()《》\s]/u;
/** Characters that mark a phrase as running text, not a name: particles, prepositions, conjunctions, pronouns. */
const FUNCTION_CHARS = new Set(
	'的了着过是在和与及或等为对把被将从向于以而也都就还又并且其之这那此各该有个们年月日'
);
const DIGITS = /[0-9０-９]/u;
/**
 * Words that open running text in official prose (全力打好, 持续推进, 深入实施): a four-character phrase starting with
 * one is an action, not a name.
 */
const TEXT_OPENERS = new Set(
	'全力 持续 深入 加快 积极 不断 大力 着力 努力 坚持 切实 扎实 全面 稳步 有序 加强 推进 推动 进一步 力争 确保 围绕 聚焦 聚力'.split(
		' '
	)
);
/** A quantity after a digit code: 2022年, 5000多家, 12.5亿. */
const AFTER_QUANTITY = new Set([
	...NUMBER_UNITS.map((u) => [...u][0]!),
	'多',
	'余',
	'万',
	'亿',
	'千',
	'百',
	'%',
	'％'
]);
/** A numeral formula: numeral, character, numeral, character (六促六优, 两场一仓, 三改一拆). */
const FORMULA = new RegExp(`[${NUMERALS}]{1,2}[^${NUMERALS}][${NUMERALS}]{1,2}[^${NUMERALS}]`, 'gu');
/** A run of two or more numerals and the two characters after it (八八战略, 十四五规划 → 十四五规划). */
const NUMERAL_NAME = new RegExp(`[${NUMERALS}]{2,}\\p{Script=Han}{2}`, 'gu');
/** A code of three to five digits (ASCII or full-width). */
const DIGIT_CODE = /[0-9０-９]{3,5}/gu;

const OPENING_TO_CLOSING: Record<string, string> = { '“': '”', '‘': '’', '「': '」', '『': '』', '"': '"' };

interface Segment {
	segmentId: string;
	anchor: string;
	zh: string;
	/** The text without quotation marks, as code points. */
	bare: string[];
	/** For each code point of `bare`, its offset in the original text. */
	offsets: number[];
	/** Glossary matches in the original text. */
	terms: TermMatch[];
}

function prepare(article: WalkableArticle, findTerms: ProposeOptions['findTerms']): Segment[] {
	return walkSegments(article).map(({ segment, anchor }) => {
		const chars = [...segment.zh];
		const bare: string[] = [];
		const offsets: number[] = [];
		chars.forEach((c, i) => {
			if (!isQuotationMark(c)) {
				bare.push(c);
				offsets.push(i);
			}
		});
		return { segmentId: segment.id, anchor, zh: segment.zh, bare, offsets, terms: findTerms(segment.zh) };
	});
}

/** A quotation in a text: its content and where it ends (the index of its closing mark). */
interface Quotation {
	content: string;
	close: number;
}

/** The quotations of a text, in order (unclosed ones are dropped). */
function quotations(chars: readonly string[]): Quotation[] {
	const out: Quotation[] = [];
	for (let i = 0; i < chars.length; i++) {
		const closing = OPENING_TO_CLOSING[chars[i]!];
		if (!closing) continue;
		const end = chars.indexOf(closing, i + 1);
		if (end < 0) continue;
		out.push({ content: chars.slice(i + 1, end).join(''), close: end });
		i = end;
	}
	return out;
}

/** Whether a quotation's content can be a term: short, no clause punctuation, Chinese or digits. */
function isTermLike(content: string): boolean {
	const n = [...content].length;
	if (n < 2 || n > MAX_QUOTED_LENGTH || CLAUSE_MARKS.test(content)) return false;
	if ([...content].some(isQuotationMark)) return false;
	// Chinese, or a code of digits and letters (“141”, “415X”).
	return hasHan(content) || (DIGITS.test(content) && /^[0-9０-９A-Za-z]+$/u.test(content));
}

const isNumberLike = (form: string) =>
	DIGITS.test(form) || new RegExp(`^[${NUMERALS}]{1,2}[^${NUMERALS}][${NUMERALS}]`, 'u').test(form);

/** Quoted, paired and digit-quotation candidates of one text. */
function quotedCandidates(zh: string, add: (form: string, kind: ProposalKind) => void) {
	const chars = [...zh];
	const quotes = quotations(chars);
	for (let i = 0; i < quotes.length; i++) {
		// Quotations set side by side (“扩中”“提低”): one slogan, not its halves.
		let j = i;
		while (
			j + 1 < quotes.length &&
			quotes[j + 1]!.close === quotes[j]!.close + [...quotes[j + 1]!.content].length + 2
		)
			j++;
		const run = quotes.slice(i, j + 1).map((q) => q.content);
		// Parallel halves of two characters (扩中/提低, 强链/延链/补链); a list of names (“三改一拆”“四换三名”) is not.
		const parallel = run.every((c) => /^\p{Script=Han}{2}$/u.test(c));
		if (run.length > 1 && run.length <= 3 && parallel) {
			add(run.join(''), 'paired');
			i = j;
			continue;
		}
		const content = quotes[i]!.content;
		if (!isTermLike(content)) continue;
		add(content, 'quoted');
		if (isNumberLike(content)) add(content, 'number');
	}
}

/** Unquoted number abbreviations in a text without quotation marks. */
function numberCandidates(bare: string, add: (form: string, kind: ProposalKind) => void) {
	for (const m of bare.matchAll(FORMULA)) {
		const names = [...m[0]].filter((c) => !NUMERAL.has(c));
		// 两年一次, 三个一批: numerals counting things twice over are a frequency, no formula (两场一仓 is one).
		if (names.every((c) => /\p{Script=Han}/u.test(c)) && !names.every((c) => COUNTING_MEASURE_WORDS.has(c)))
			add(m[0], 'number');
	}
	for (const m of bare.matchAll(NUMERAL_NAME)) {
		const before = bare.slice(0, m.index).at(-1);
		const numerals = m[0].match(new RegExp(`^[${NUMERALS}]+`, 'u'))![0];
		const next = [...m[0]][[...numerals].length]!;
		if (before === '第' || (before !== undefined && NUMERAL.has(before))) continue;
		if (COUNTING_MEASURE_WORDS.has(next) || FUNCTION_CHARS.has(next)) continue;
		add(m[0], 'number');
	}
	for (const m of bare.matchAll(DIGIT_CODE)) {
		const before = bare.slice(0, m.index).at(-1) ?? '';
		const after = bare.slice(m.index + m[0].length)[0] ?? '';
		if (/[0-9０-９.．\-－~～/]/u.test(before) || /[0-9０-９.．\-－~～/:：]/u.test(after)) continue;
		if (!/\p{Script=Han}/u.test(after) || AFTER_QUANTITY.has(after)) continue;
		add(m[0], 'number');
	}
}

/** What ends the name of a programme. */
const PROGRAMME_SUFFIXES = new Set(['工程', '计划', '行动', '战略', '体系', '机制', '模式', '工作法']);
/** Verbs that introduce a programme's name (实施政治铸魂计划) and are no part of it. */
const INTRODUCING_VERBS = new Set(
	'实施 开展 推进 启动 组织 建立 健全 完善 深化 落实 推出 打造 构建 建设 探索 迭代 升级 用活 按照 实行 开启 谋划 制定 出台'.split(
		' '
	)
);

/** Whether a four-character phrase reads as a coinage: no function word, not two dictionary words, not an opener. */
function isCoinage(gram: readonly string[], options: ProposeOptions): boolean {
	if (gram.some((c) => FUNCTION_CHARS.has(c) || NUMERAL.has(c))) return false;
	const form = gram.join('');
	// Two dictionary words side by side (社会治理, 同比增长) are running text; a coinage abbreviates
	// (共富先行: 共富 is no word) or is one word the dictionary lacks.
	const halves = [gram.slice(0, 2).join(''), gram.slice(2).join('')];
	return !options.inDictionary(form) && !halves.every(options.inDictionary) && !TEXT_OPENERS.has(halves[0]!);
}

/** Programme names: up to four characters of coinage before a suffix such as 工程 (jieba's words needed). */
function programmeCandidates(
	text: string,
	options: ProposeOptions,
	add: (form: string, kind: ProposalKind) => void
) {
	if (!options.cut) return;
	for (const run of text.match(/\p{Script=Han}{4,}/gu) ?? []) {
		const words = options.cut(run);
		words.forEach((word, i) => {
			if (!PROGRAMME_SUFFIXES.has(word)) return;
			const name: string[] = [];
			let k = i - 1;
			for (; k >= 0; k--) {
				const w = words[k]!;
				if (INTRODUCING_VERBS.has(w) || TEXT_OPENERS.has(w) || [...w].some((c) => FUNCTION_CHARS.has(c)))
					break;
				if ([...(name.join('') + w)].length > 4) break;
				name.unshift(w);
			}
			const chars = [...name.join('')];
			// Two characters at the start of a run may be the tail of a quotation (“双轨关联”用地机制).
			if (k < 0 && chars.length < 3) return;
			// A coinage: some part is no dictionary word (铸魂, 强基), so 协调推进机制 is not proposed.
			if (chars.length < 2 || chars.some((c) => NUMERAL.has(c)) || options.inDictionary(chars.join('')))
				return;
			if (name.every((w) => [...w].length >= 2 && options.inDictionary(w))) return;
			if (chars.length === 4 && !isCoinage(chars, options)) return;
			add(name.join('') + word, 'programme');
		});
	}
}

/** Coined four-character items of a parallel list of three or more (、-separated) in one clause. */
function listedCandidates(
	bare: string,
	options: ProposeOptions,
	add: (form: string, kind: ProposalKind) => void
) {
	for (const clause of bare.split(/[，。；：！？,;:!?（）()]/u)) {
		const parts = clause.split('、').map((p) => [...p]);
		if (parts.length < 3 || !parts.slice(1, -1).every((p) => p.length === 4)) continue;
		const items = [parts[0]!.slice(-4), ...parts.slice(1, -1), parts.at(-1)!.slice(0, 4)];
		for (const item of items)
			if (item.length === 4 && item.every((c) => /\p{Script=Han}/u.test(c)) && isCoinage(item, options))
				add(item.join(''), 'listed');
	}
}

/** Four-character phrases on word boundaries, absent from the dictionary, without function words. */
function recurringCandidates(
	text: string,
	options: ProposeOptions,
	add: (form: string, kind: ProposalKind) => void
) {
	for (const run of text.match(/\p{Script=Han}{4,}/gu) ?? []) {
		const chars = [...run];
		let bounds: Set<number> | undefined;
		if (options.cut) {
			bounds = new Set([0]);
			let at = 0;
			for (const word of options.cut(run)) bounds.add((at += [...word].length));
		}
		for (let i = 0; i + 4 <= chars.length; i++) {
			if (bounds && !(bounds.has(i) && bounds.has(i + 4))) continue;
			const gram = chars.slice(i, i + 4);
			if (!isCoinage(gram, options)) continue;
			const form = gram.join('');
			add(form, 'recurring');
		}
	}
}

/** Non-overlapping occurrences of `form` (code points) in `bare`, as [start, end) offsets of `bare`. */
function occurrences(bare: readonly string[], form: readonly string[]): [number, number][] {
	const out: [number, number][] = [];
	for (let i = 0; i + form.length <= bare.length;) {
		if (form.every((c, k) => bare[i + k] === c)) {
			out.push([i, i + form.length]);
			i += form.length;
		} else i++;
	}
	return out;
}

/**
 * Whether the glossary already has the form: whole (as a term or an alias), or after a verb of one or two
 * characters that the dictionary knows (“打造全球智造创新之都” is the known 全球智造创新之都 with its verb).
 */
function known(form: string, options: ProposeOptions): boolean {
	const chars = [...form];
	return options
		.findTerms(form)
		.some(
			(m) =>
				m.end === chars.length &&
				(m.start === 0 || (m.start <= 2 && options.inDictionary(chars.slice(0, m.start).join(''))))
		);
}

/**
 * The likely policy terms of an article that the glossary lacks, strongest evidence first, then most frequent:
 * each with its kinds, its count and the sentences it occurs in.
 */
export function proposeTerms(article: WalkableArticle, options: ProposeOptions): ProposedTerm[] {
	const segments = prepare(article, options.findTerms);
	const kinds = new Map<string, Set<ProposalKind>>();
	const add = (form: string, kind: ProposalKind) => {
		let set = kinds.get(form);
		if (!set) kinds.set(form, (set = new Set()));
		set.add(kind);
	};
	for (const s of segments) {
		quotedCandidates(s.zh, add);
		const bare = s.bare.join('');
		numberCandidates(bare, add);
		// Names and phrases never straddle a quotation mark (“锋领网格”行动 is the known term and a word).
		programmeCandidates(s.zh, options, add);
		listedCandidates(bare, options, add);
		recurringCandidates(s.zh, options, add);
	}

	const proposals: (ProposedTerm & { first: number })[] = [];
	for (const [form, set] of kinds) {
		if (known(form, options)) continue;
		const onlyRecurring = [...set].every((k) => k === 'recurring' || k === 'listed');
		const chars = [...form];
		let count = 0;
		let first = Infinity;
		const sentences: ProposedSentence[] = [];
		segments.forEach((s, index) => {
			const found = occurrences(s.bare, chars).filter(([a, b]) => {
				const start = s.offsets[a]!;
				const end = s.offsets[b - 1]! + 1;
				// Inside a longer glossary term (小巨人 in 专精特新“小巨人”) it is that term. A recurring phrase must not
				// even cut across one (六优行动 across 六促六优|行动); one that holds a term whole (共富先行) may stand.
				return !s.terms.some((t) =>
					onlyRecurring
						? t.start < end && start < t.end && !(start <= t.start && t.end <= end)
						: t.start <= start && end <= t.end
				);
			});
			if (!found.length) return;
			count += found.length;
			first = Math.min(first, index);
			sentences.push({ segmentId: s.segmentId, anchor: s.anchor, zh: s.zh });
		});
		// Recurring means at least twice; a quoted slogan seen once is proposed as quoted only.
		if (count < 2) set.delete('recurring');
		if (!count || !set.size) continue;
		proposals.push({
			term: form,
			kinds: PROPOSAL_KINDS.filter((k) => set.has(k)),
			count,
			sentences,
			inDictionary: options.inDictionary(form),
			first
		});
	}

	// Unquoted evidence gives way to a quotation that accounts for it: a recurring phrase inside a stronger
	// proposal that occurs as often is that proposal; 十四五规划 is “十四五” followed by a word.
	const unquoted = (p: ProposedTerm) => p.kinds.every((k) => k !== 'quoted' && k !== 'paired');
	const kept = proposals.filter(
		(p) =>
			!unquoted(p) ||
			!proposals.some(
				(q) =>
					q !== p &&
					q.count >= p.count &&
					(q.term.includes(p.term)
						? !unquoted(q) || p.kinds.every((k) => k === 'recurring')
						: !unquoted(q) && p.term.startsWith(q.term))
			)
	);
	// Quotations and numbers first, then programme names and recurring phrases, then items of lists.
	const group = (p: ProposedTerm) =>
		p.kinds.some((k) => k === 'quoted' || k === 'paired' || k === 'number')
			? 0
			: p.kinds.some((k) => k === 'programme' || k === 'recurring')
				? 1
				: 2;
	kept.sort(
		(a, b) =>
			group(a) - group(b) ||
			Number(a.inDictionary) - Number(b.inDictionary) ||
			b.count - a.count ||
			a.first - b.first
	);
	return kept.slice(0, options.limit ?? 60).map(({ first: _, ...p }) => p);
}
