/**
 * Reading settings, shared by the server (which renders with them, so there is no flash) and the browser
 * script (which changes them in place). Stored in one cookie; a bad or old cookie falls back to defaults.
 */
import * as v from 'valibot';
import { CHINESE_SCRIPTS } from '$lib/chinese';

export const VIEWS = ['both', 'zh', 'en'] as const;
export const PINYIN_MODES = ['on', 'hover', 'off'] as const;
/** Tone colour schemes: none; Pleco's defaults; Hanping's defaults; dark colours plus a line style per tone. */
export const TONE_COLOURS = ['none', 'pleco', 'hanping', 'contrast'] as const;
export const TONE_STYLES = ['marks', 'numbers'] as const;
export const PINYIN_SIZES = ['small', 'medium', 'large'] as const;
/** Hide the pinyin of words on the HSK 2.0 lists at or below a level. */
export const HSK_HIDE = ['off', '1', '2', '3', '4', '5', '6'] as const;
/** Pinyin over words the learner marked known: shown, or hidden (beside hiding by HSK level). */
export const KNOWN_PINYIN = ['show', 'hide'] as const;
/** Words the learner is learning (saved, not known): as other words, or tinted. */
export const TINT_LEARNING = ['off', 'on'] as const;
/** 一 and 不 as spoken (tone sandhi) or with their dictionary tones. */
export const SANDHI_MODES = ['spoken', 'dictionary'] as const;

export const ReaderSettingsSchema = v.object({
	/** Which languages are shown. */
	view: v.fallback(v.picklist(VIEWS), 'both'),
	/** Pinyin above the characters: always, only on hover or focus, or never. */
	pinyin: v.fallback(v.picklist(PINYIN_MODES), 'on'),
	/** Colour (and, for `contrast`, line style) of characters and pinyin by tone. */
	toneColours: v.fallback(v.picklist(TONE_COLOURS), 'none'),
	/** Tones written as marks (gǎng) or numbers (gang3). */
	toneStyle: v.fallback(v.picklist(TONE_STYLES), 'marks'),
	pinyinSize: v.fallback(v.picklist(PINYIN_SIZES), 'medium'),
	hideHskAtOrBelow: v.fallback(v.picklist(HSK_HIDE), 'off'),
	/** Known words come from the browser's store, so this applies in the browser (is-known marks, CSS). */
	knownPinyin: v.fallback(v.picklist(KNOWN_PINYIN), 'show'),
	tintLearning: v.fallback(v.picklist(TINT_LEARNING), 'off'),
	sandhi: v.fallback(v.picklist(SANDHI_MODES), 'spoken'),
	/** Characters of the Chinese text; pinyin, translation, term marks and popovers do not change. */
	script: v.fallback(v.picklist(CHINESE_SCRIPTS), 'simplified')
});

export type ReaderSettings = v.InferOutput<typeof ReaderSettingsSchema>;

export const READER_COOKIE = 'reader';
/** A year: settings persist across visits. */
export const READER_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;

export const DEFAULT_READER_SETTINGS: ReaderSettings = v.parse(ReaderSettingsSchema, {});

/**
 * Settings the server renders into the markup (tone classes, tone numbers, hidden pinyin, sandhi, script); a
 * change to one of these needs the article's markup again. The others are attributes on the article, for CSS.
 */
export const MARKUP_SETTINGS = ['toneColours', 'toneStyle', 'hideHskAtOrBelow', 'sandhi', 'script'] as const;

/** Whether the markup rendered for `a` differs from the markup for `b`. */
export function markupChanged(a: ReaderSettings, b: ReaderSettings): boolean {
	// Switching between colour schemes is only CSS; switching colours on or off changes the markup.
	return MARKUP_SETTINGS.some((k) =>
		k === 'toneColours' ? (a[k] === 'none') !== (b[k] === 'none') : a[k] !== b[k]
	);
}

/** The HSK level at or below which pinyin is hidden; 0 when nothing is hidden. */
export function hskHideLevel(settings: ReaderSettings): number {
	return settings.hideHskAtOrBelow === 'off' ? 0 : Number(settings.hideHskAtOrBelow);
}

/** Read settings from the cookie value (JSON); anything malformed gives the defaults for that field. */
export function parseReaderSettings(raw: string | undefined | null): ReaderSettings {
	let data: unknown;
	try {
		data = raw ? JSON.parse(raw) : {};
	} catch {
		data = {};
	}
	const result = v.safeParse(ReaderSettingsSchema, typeof data === 'object' && data !== null ? data : {});
	return result.success ? result.output : DEFAULT_READER_SETTINGS;
}

/** Settings from submitted form fields (the no-JavaScript settings form), merged over the current ones. */
export function settingsFromForm(form: FormData, current: ReaderSettings): ReaderSettings {
	const merged = {
		...current,
		...Object.fromEntries([...form].filter(([, value]) => typeof value === 'string'))
	};
	return v.parse(ReaderSettingsSchema, merged);
}
