/**
 * The consistency rule (article-level): the same Chinese (after trimming) translated differently in two segments.
 * The reference translation is the one most segments use (the earliest on a tie); every segment with another
 * translation is reported, naming a segment that uses the reference. English is compared after trimming and
 * collapsing runs of whitespace (a doubled space is the punctuation rule's business). Segments with no English are
 * left to the `empty` rule.
 */
import type { QaSegment, QaWarning } from './types';
import { makeWarning } from './types';

const normaliseEnglish = (en: string) => en.trim().replace(/\s+/g, ' ');

export function checkConsistency(segments: readonly QaSegment[]): QaWarning[] {
	const groups = new Map<string, QaSegment[]>();
	for (const s of segments) {
		if (!s.en.trim()) continue;
		const zh = s.zh.trim();
		groups.set(zh, [...(groups.get(zh) ?? []), s]);
	}
	const warnings: QaWarning[] = [];
	for (const group of groups.values()) {
		const counts = new Map<string, QaSegment[]>();
		for (const s of group) {
			const en = normaliseEnglish(s.en);
			counts.set(en, [...(counts.get(en) ?? []), s]);
		}
		if (counts.size < 2) continue;
		// Map iteration follows first appearance, so on a tie the earliest translation wins.
		let reference: QaSegment[] = [];
		for (const users of counts.values()) if (users.length > reference.length) reference = users;
		const ref = reference[0]!;
		for (const s of group) {
			if (reference.includes(s)) continue;
			const text = s.en.trim();
			warnings.push(
				makeWarning({
					rule: 'consistency',
					code: 'different',
					segmentId: s.id,
					text,
					message: `The same Chinese is translated differently in segment ${ref.id}: “${normaliseEnglish(ref.en)}”`,
					params: { otherSegmentId: ref.id, otherEnglish: normaliseEnglish(ref.en) },
					range: { side: 'en', start: s.en.indexOf(text), end: s.en.indexOf(text) + text.length }
				})
			);
		}
	}
	return warnings;
}
