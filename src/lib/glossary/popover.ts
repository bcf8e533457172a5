import type { GlossaryEntry } from '$lib/content/schema';
import { entryHref } from './term-links';

/** What a term popover shows: a subset of the entry, small enough to fetch for a whole article at once. */
export interface PopoverEntry {
	term: string;
	pinyin: string;
	rendering: string;
	literal: string;
	expansion?: { zh: string; en: string };
	explanation: string;
	/** Present only when the meaning or rendering could not be fully confirmed. */
	confidence?: string;
	href: string;
}

export function popoverEntry(e: GlossaryEntry): PopoverEntry {
	return {
		term: e.term,
		pinyin: e.pinyin,
		rendering: e.rendering.en,
		literal: e.literal,
		expansion: e.expansion,
		explanation: e.explanation,
		confidence: e.confidence.level === 'confirmed' ? undefined : (e.confidence.note ?? e.confidence.level),
		href: entryHref(e.id)
	};
}
