/**
 * The `empty` rule (no English, or English identical to the Chinese) and the `untranslated-chinese` rule (Chinese
 * characters left in the English). Chinese quoted in the English, inside quotation marks or brackets, is allowed
 * when it quotes the source ("the Six Promotions and Six Optimisations (六促六优) campaign"); quoted Chinese that
 * the source does not contain is reported, since it cannot be quoting this segment.
 */
import type { QaSegment, QaWarning } from './types';
import { makeWarning } from './types';
import { enclosedSpans, within } from './text';
import { CJK_PUNCTUATION_SOURCE, HAN_SOURCE, hanChars, hasHan } from '$lib/chinese';
import { UNTRANSLATED } from '$lib/review/status';

/** A stretch of Chinese: Han characters, with CJK punctuation, middle dots and quotes between them. */
const CHINESE_RUN = new RegExp(
	`${HAN_SOURCE}(?:[${HAN_SOURCE}${CJK_PUNCTUATION_SOURCE}·“”‘’]*${HAN_SOURCE})?`,
	'gu'
);
const hanOnly = (s: string) => hanChars(s).join('');

/**
 * `empty` when the English is blank or the same as the Chinese. A segment nobody has translated yet (status
 * untranslated: no English and no review record, as every segment of a newly imported article) gets no warning:
 * its status already says so, and a warning on each would bury the ones that matter.
 */
export function checkEmpty(segment: QaSegment): QaWarning[] {
	const { id, zh, en } = segment;
	if (!en.trim() && segment.status === UNTRANSLATED) return [];
	if (!en.trim())
		return [
			makeWarning({
				rule: 'empty',
				code: 'empty',
				segmentId: id,
				text: zh.trim(),
				message: 'The English is empty',
				range: { side: 'zh', start: 0, end: zh.length }
			})
		];
	if (en.trim() === zh.trim())
		return [
			makeWarning({
				rule: 'empty',
				code: 'identical',
				segmentId: id,
				text: en.trim(),
				message: 'The English is identical to the Chinese',
				range: { side: 'en', start: 0, end: en.length }
			})
		];
	return [];
}

/** `untranslated-chinese`: Chinese characters in the English other than a quotation of the source. */
export function checkUntranslatedChinese(segment: QaSegment): QaWarning[] {
	const { id, zh, en } = segment;
	if (!hasHan(en)) return [];
	const enclosed = enclosedSpans(en);
	const source = hanOnly(zh);
	const warnings: QaWarning[] = [];
	for (const m of en.matchAll(CHINESE_RUN)) {
		const span = { start: m.index, end: m.index + m[0].length };
		const quoted = enclosed.some((q) => within(span, q));
		if (quoted && source.includes(hanOnly(m[0]))) continue;
		warnings.push(
			makeWarning({
				rule: 'untranslated-chinese',
				code: quoted ? 'not-in-source' : 'untranslated',
				segmentId: id,
				text: m[0],
				message: quoted
					? `The Chinese ${m[0]} quoted in the English does not occur in the Chinese of this segment`
					: `Chinese characters ${m[0]} in the English outside a quotation of the source`,
				params: { chinese: m[0] },
				range: { side: 'en', ...span }
			})
		);
	}
	return warnings;
}
