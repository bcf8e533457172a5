/**
 * The terminology rule: a glossary term found in the Chinese (by the glossary's own matcher: longest match,
 * aliases, quotation marks splitting a term) must be rendered in the English by its preferred rendering or one of
 * its admitted forms (`alsoRendered`; whole words, case-insensitive, by the glossary's English matcher), and not by
 * a rendering the glossary lists to avoid (`avoid`). One `missing` warning per term per segment, however often
 * the term occurs; one `non-preferred` warning per avoided rendering used, which replaces `missing` for that term.
 */
import type { QaContext, QaSegment, QaWarning } from './types';
import { makeWarning, uniqueByKey } from './types';
import { codePointsToUtf16, within, type Span } from './text';

/** A rendering to avoid, found in the English (UTF-16 offsets). */
export interface AvoidedRendering extends Span {
	/** The English as written. */
	text: string;
}

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
	/** Admitted forms of the rendering. */
	variants: string[];
	/** The English has the rendering or a variant. */
	rendered: boolean;
	/**
	 * Renderings the glossary lists to avoid that the English uses, in order, except where an admitted form
	 * contains them (the avoided "district committee" inside the admitted "CPC Beilun District Committee").
	 */
	avoided: AvoidedRendering[];
}

/**
 * The glossary terms of a segment, once each in order of first occurrence, with their renderings and whether the
 * English renders them: what the workspace's term list shows and what the terminology rule warns about.
 */
export function segmentTerms(segment: Pick<QaSegment, 'zh' | 'en'>, ctx: QaContext): TermHit[] {
	const hits: TermHit[] = [];
	const seen = new Set<string>();
	const en = segment.en;
	for (const match of ctx.findChineseTerms(segment.zh)) {
		if (seen.has(match.id)) continue;
		seen.add(match.id);
		const entry = ctx.entries.get(match.id);
		if (!entry) continue;
		const range = codePointsToUtf16(segment.zh, match.start, match.end);
		const accepted = ctx.findEnglishTerms(en, [match.id]).map((m) => codePointsToUtf16(en, m.start, m.end));
		const avoided = ctx
			.findAvoidedRenderings(en, [match.id])
			.map((m) => codePointsToUtf16(en, m.start, m.end))
			.filter((span) => !accepted.some((ok) => within(span, ok)))
			.map((span) => ({ ...span, text: en.slice(span.start, span.end) }));
		hits.push({
			id: entry.id,
			text: segment.zh.slice(range.start, range.end),
			...range,
			rendering: entry.rendering.en,
			variants: [...entry.alsoRendered],
			rendered: accepted.length > 0,
			avoided
		});
	}
	return hits;
}

export function checkTerminology(segment: QaSegment, ctx: QaContext): QaWarning[] {
	const warnings = segmentTerms(segment, ctx).flatMap((hit): QaWarning[] => {
		const { id, text, start, end, rendering, variants, avoided } = hit;
		if (avoided.length)
			return avoided.map((used) =>
				makeWarning({
					rule: 'terminology',
					code: 'non-preferred',
					segmentId: segment.id,
					text: used.text,
					message:
						`The English renders the glossary term ${text} as “${used.text}”, a rendering the glossary ` +
						`lists to avoid; its preferred rendering is “${rendering}”`,
					params: { term: text, termId: id, rendering, used: used.text },
					range: { side: 'en', start: used.start, end: used.end }
				})
			);
		if (hit.rendered) return [];
		const listed = variants.map((r) => `“${r}”`).join(', ');
		return [
			makeWarning({
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
			})
		];
	});
	return uniqueByKey(warnings);
}
