/**
 * The terminology rule: a glossary term found in the Chinese (by the glossary's own matcher: longest match,
 * aliases, quotation marks splitting a term) must be rendered in the English by its preferred rendering or one of
 * the renderings also in use (whole words, case-insensitive, by the glossary's English matcher). One warning per
 * term per segment, however often the term occurs.
 */
import type { QaContext, QaSegment, QaWarning } from './types';
import { makeWarning } from './types';
import { codePointsToUtf16 } from './text';

/** A glossary term found in a segment's Chinese, with its renderings and whether the English has one. */
export interface TermHit {
	/** The glossary entry. */
	id: string;
	/** The term as written in the Chinese. */
	text: string;
	/** UTF-16 offsets of its first occurrence in the Chinese. */
	start: number;
	end: number;
	/** The preferred English rendering. */
	rendering: string;
	/** Other renderings in use. */
	variants: string[];
	/** The English has the rendering or a variant. */
	rendered: boolean;
}

/**
 * The glossary terms of a segment, once each in order of first occurrence, with their renderings and whether the
 * English renders them: what the workspace's term list shows and what the terminology rule warns about.
 */
export function segmentTerms(segment: Pick<QaSegment, 'zh' | 'en'>, ctx: QaContext): TermHit[] {
	const hits: TermHit[] = [];
	const seen = new Set<string>();
	for (const match of ctx.findChineseTerms(segment.zh)) {
		if (seen.has(match.id)) continue;
		seen.add(match.id);
		const entry = ctx.entries.get(match.id);
		if (!entry) continue;
		const range = codePointsToUtf16(segment.zh, match.start, match.end);
		hits.push({
			id: entry.id,
			text: segment.zh.slice(range.start, range.end),
			...range,
			rendering: entry.rendering.en,
			variants: [...entry.alsoRendered],
			rendered: ctx.findEnglishTerms(segment.en, [match.id]).length > 0
		});
	}
	return hits;
}

export function checkTerminology(segment: QaSegment, ctx: QaContext): QaWarning[] {
	return segmentTerms(segment, ctx)
		.filter((hit) => !hit.rendered)
		.map(({ id, text, start, end, rendering, variants }) => {
			const listed = variants.map((r) => `“${r}”`).join(', ');
			return makeWarning({
				rule: 'terminology',
				code: 'missing',
				segmentId: segment.id,
				text,
				message:
					`The glossary term ${text} is not rendered as “${rendering}”` +
					(listed ? ` or a listed variant (${listed})` : '') +
					' in the English',
				params: { term: text, termId: id, rendering, variants: variants.join(' | ') },
				range: { side: 'zh', start, end }
			});
		});
}
