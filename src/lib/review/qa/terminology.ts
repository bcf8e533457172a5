/**
 * The terminology rule: a glossary term found in the Chinese (by the glossary's own matcher: longest match,
 * aliases, quotation marks splitting a term) must be rendered in the English by its preferred rendering or one of
 * the renderings also in use (whole words, case-insensitive, by the glossary's English matcher). One warning per
 * term per segment, however often the term occurs.
 */
import type { QaContext, QaSegment, QaWarning } from './types';
import { makeWarning } from './types';
import { codePointsToUtf16 } from './text';

export function checkTerminology(segment: QaSegment, ctx: QaContext): QaWarning[] {
	const { id, zh, en } = segment;
	const warnings: QaWarning[] = [];
	const seen = new Set<string>();
	for (const match of ctx.findChineseTerms(zh)) {
		if (seen.has(match.id)) continue;
		seen.add(match.id);
		const entry = ctx.entries.get(match.id);
		if (!entry || ctx.findEnglishTerms(en, [match.id]).length) continue;
		const range = codePointsToUtf16(zh, match.start, match.end);
		const text = zh.slice(range.start, range.end);
		const variants = entry.alsoRendered.map((r) => `“${r}”`).join(', ');
		warnings.push(
			makeWarning({
				rule: 'terminology',
				code: 'missing',
				segmentId: id,
				text,
				message:
					`The glossary term ${text} is not rendered as “${entry.rendering.en}”` +
					(variants ? ` or a listed variant (${variants})` : '') +
					' in the English',
				params: {
					term: text,
					termId: entry.id,
					rendering: entry.rendering.en,
					variants: entry.alsoRendered.join(' | ')
				},
				range: { side: 'zh', ...range }
			})
		);
	}
	return warnings;
}
