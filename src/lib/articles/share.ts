/** How much of an article the reader shows in English. Pure. */

/**
 * The share of segments (0–100, rounded down so 100 means every one) with English the reader shows: the
 * article's own English or an approved translation.
 */
export function translatedShare(
	segmentIds: readonly string[],
	withOwnEnglish: readonly string[],
	approved: Readonly<Record<string, string>>
): number {
	if (!segmentIds.length) return 0;
	const own = new Set(withOwnEnglish);
	const done = segmentIds.filter((id) => own.has(id) || !!approved[id]?.trim()).length;
	return Math.floor((done * 100) / segmentIds.length);
}
