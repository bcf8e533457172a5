/**
 * Editors' section summaries: what the briefing shows of each, and how its review state is read from the
 * reviews (append-only, oldest first). Pure.
 */
import type { ReviewStatus } from '$lib/review/status';

/** One review of a summary: its English as edited, status, who and when. */
export interface SummaryReview {
	section: string;
	en: string;
	status: ReviewStatus;
	reviewer: string;
	at: string;
}

/** A section summary as the briefing shows it: editorial, with its review state. */
export interface SummaryView {
	section: string;
	en: string;
	/** The latest review's status, or null when no editor has reviewed it yet. */
	status: ReviewStatus | null;
	reviewer: string | null;
	at: string | null;
	/** Every review, oldest first (for the editors' page). */
	history: SummaryReview[];
}

/**
 * The summary of a section: the latest approved review's English over the content file's (so an edit is public
 * once approved, as with segments), with the latest review's state; null when there is no text at all.
 */
export function summaryView(
	section: string,
	contentEn: string | undefined,
	reviews: readonly SummaryReview[]
): SummaryView | null {
	const mine = reviews.filter((r) => r.section === section);
	const approved = mine.filter((r) => r.status === 'approved').at(-1);
	const latest = mine.at(-1);
	const en = approved?.en ?? contentEn ?? null;
	if (!en) return null;
	return {
		section,
		en,
		status: latest?.status ?? null,
		reviewer: latest?.reviewer ?? null,
		at: latest?.at ?? null,
		history: mine
	};
}
