/**
 * Reading aloud, the parts that do not touch the browser: which sentences to read for an article, a paragraph
 * or a sentence; which voice reads Mandarin best; the speaking rate. The reader's script (enhance/audio.ts)
 * feeds these the page's sentences and the browser's voices.
 */

/** What matters of a SpeechSynthesisVoice. */
export interface VoiceLike {
	lang: string;
	name: string;
	localService: boolean;
	default: boolean;
}

/**
 * How well a voice suits Mandarin text in simplified characters (lower is better), or -1 for not Chinese:
 * mainland Mandarin (zh-CN), then other Mandarin (cmn, zh-Hans, zh-SG, plain zh), then Taiwan (zh-TW, zh-Hant),
 * then any other zh-* (zh-HK voices read the characters in Cantonese).
 */
export function voiceRank(lang: string): number {
	const tag = lang.replace(/_/g, '-').toLowerCase();
	if (
		tag === 'zh-cn' ||
		tag.startsWith('zh-cn-') ||
		tag === 'zh-hans-cn' ||
		tag === 'cmn-cn' ||
		tag.startsWith('cmn-hans-cn')
	)
		return 0;
	if (tag === 'zh' || tag.startsWith('zh-hans') || tag === 'zh-sg' || tag === 'cmn' || tag.startsWith('cmn-'))
		return 1;
	if (tag === 'zh-tw' || tag.startsWith('zh-hant')) return 2;
	if (tag.startsWith('zh-')) return 3;
	return -1;
}

/** The best Chinese voice: by rank, then the browser's default, then one on the device (works offline). */
export function pickChineseVoice<V extends VoiceLike>(voices: readonly V[]): V | undefined {
	let best: V | undefined;
	let bestScore = Infinity;
	for (const voice of voices) {
		const rank = voiceRank(voice.lang);
		if (rank < 0) continue;
		const score = rank * 4 + (voice.default ? 0 : 2) + (voice.localService ? 0 : 1);
		if (score < bestScore) {
			best = voice;
			bestScore = score;
		}
	}
	return best;
}

/** The speaking rate's range (1 is the voice's normal speed). */
export const RATE = { min: 0.5, max: 2, step: 0.1, normal: 1 } as const;

/** A rate within range, to one decimal; anything that is not a number is normal speed. */
export function clampRate(value: number): number {
	if (!Number.isFinite(value)) return RATE.normal;
	return Math.round(Math.min(RATE.max, Math.max(RATE.min, value)) * 10) / 10;
}

/** A sentence to read: its segment id (to highlight it) and its Chinese text. */
export interface SpeechItem {
	id: string;
	text: string;
}

/** A block of the article (heading, paragraph, caption…) and its Chinese sentences in order. */
export interface SpeechBlock {
	id: string;
	sentences: readonly SpeechItem[];
}

export type SpeechScope = 'article' | 'paragraph' | 'sentence';

/**
 * The sentences to read, in order: every sentence of the article, those of the block holding `segmentId`, or
 * that sentence alone. Empty when `segmentId` is needed and not found. Sentences without text are skipped.
 */
export function speechQueue(
	blocks: readonly SpeechBlock[],
	scope: SpeechScope,
	segmentId?: string
): SpeechItem[] {
	const spoken = (items: readonly SpeechItem[]) =>
		items.map((s) => ({ id: s.id, text: s.text.replace(/\s+/g, ' ').trim() })).filter((s) => s.text);
	if (scope === 'article') return spoken(blocks.flatMap((b) => b.sentences));
	const block = blocks.find((b) => b.sentences.some((s) => s.id === segmentId));
	if (!block) return [];
	return spoken(scope === 'paragraph' ? block.sentences : block.sentences.filter((s) => s.id === segmentId));
}
