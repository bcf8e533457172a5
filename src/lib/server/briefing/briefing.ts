/**
 * An article's briefing, assembled from the article as the public reads it (approved English over the content
 * file, from any source in the article store), its briefing content (summaries, figure curation), the shared
 * entities and exchange rates, and the database (editors' corrections and summary reviews).
 */
import type { AnnotatedArticle } from '$lib/content/annotate';
import type { GlossaryEntry } from '$lib/content/schema';
import { walkSegments } from '$lib/content/walk';
import {
	articleEntities,
	glossaryEntityType,
	type EntityMention,
	type NamingText
} from '$lib/briefing/entities';
import {
	applyCorrections,
	figureTable,
	type FigureCorrection,
	type FigureRow,
	type OmittedFigure
} from '$lib/briefing/figures';
import type { ExchangeRate } from '$lib/briefing/schema';
import { summaryView, type SummaryView } from '$lib/briefing/summary';
import { articleYear } from '$lib/review/workspace-model';
import { getGlossary, getGlossaryEntry, glossaryFor } from '$lib/server/content/store';
import { qaContext } from '$lib/server/review/load-workspace';
import { publishedArticle } from '$lib/server/review/published';
import { allArticles } from '$lib/server/content/store';
import type { Db } from '../db/index';
import { briefingContent, rateFor } from './content';
import { figureCorrections, summaryReviews } from './store';

export interface BriefingSection {
	id: string;
	heading: { zh: string; en: string };
	summary: SummaryView | null;
}

export interface BriefingTerm {
	id: string;
	term: string;
	pinyin: string;
	rendering: string;
}

/** A figure row as the briefing shows it, with its footnote (the sentence it comes from). */
export type BriefingFigure = FigureRow & { corrections: FigureCorrection[]; footnote: number };

export interface Briefing {
	slug: string;
	title: { zh: string; en: string };
	subtitle: { zh: string; en: string } | null;
	date: string;
	year: number | null;
	overview: SummaryView | null;
	sections: BriefingSection[];
	figures: BriefingFigure[];
	omitted: OmittedFigure[];
	/** The sentences the figures cite, numbered as footnotes. */
	footnotes: { n: number; segmentId: string; zh: string; en: string }[];
	rate: ExchangeRate | null;
	entities: EntityMention[];
	terms: BriefingTerm[];
}

/** The texts of an article where names are looked for: every segment (the byline and caption credits among them). */
export function namingTexts(article: AnnotatedArticle): NamingText[] {
	return walkSegments(article).map(({ segment, anchor }) => {
		const terms: NamingText['terms'] = [];
		let at = 0;
		for (const run of segment.zhRuns) {
			if (run.term) terms.push({ id: run.term, start: at, end: at + run.chars.length });
			at += run.chars.length;
		}
		return { key: segment.id, anchor, zh: segment.zh, en: segment.en, terms };
	});
}

let glossaryMap: Map<string, GlossaryEntry> | undefined;

/** The entities an article names. */
export function entitiesOf(article: AnnotatedArticle): EntityMention[] {
	glossaryMap ??= new Map(getGlossary().map((e) => [e.id, e]));
	return articleEntities(article.slug, namingTexts(article), glossaryMap, briefingContent().entities);
}

/** The key figures of a published article, before editors' corrections. */
export function figuresOf(article: AnnotatedArticle) {
	const year = articleYear(article);
	const file = briefingContent().briefings.get(article.slug);
	const rate = rateFor(year);
	const segments = walkSegments(article).map(({ segment, anchor }) => ({
		id: segment.id,
		zh: segment.zh,
		en: segment.en,
		anchor
	}));
	return figureTable(segments, {
		ctx: qaContext(article),
		...(year === undefined ? {} : { year }),
		dateEn: article.date.en,
		...(rate ? { rate } : {}),
		places: file?.places ?? {},
		curation: file?.figures ?? []
	});
}

/** The briefing of an article as the public reads it, or undefined when there is no such article. */
export async function articleBriefing(slug: string, db?: Db): Promise<Briefing | undefined> {
	const article = await publishedArticle(slug, db);
	if (!article) return undefined;
	const year = articleYear(article) ?? null;
	const file = briefingContent().briefings.get(slug);
	const [corrections, reviews] = await Promise.all([figureCorrections(slug, db), summaryReviews(slug, db)]);
	const summaries = new Map((file?.summaries ?? []).map((s) => [s.section, s.en]));

	const table = figuresOf(article);
	const rows = applyCorrections(table.rows, corrections);
	const footnotes: Briefing['footnotes'] = [];
	const numberOf = new Map<string, number>();
	const segmentById = new Map(walkSegments(article).map((p) => [p.segment.id, p.segment]));
	const figures = rows.map((row) => {
		let n = numberOf.get(row.segmentId);
		if (n === undefined) {
			n = footnotes.length + 1;
			numberOf.set(row.segmentId, n);
			const s = segmentById.get(row.segmentId)!;
			footnotes.push({ n, segmentId: s.id, zh: s.zh, en: s.en });
		}
		return { ...row, footnote: n };
	});

	const sections = article.blocks.flatMap((b) =>
		b.type === 'heading'
			? [
					{
						id: b.id,
						heading: { zh: b.segments.map((s) => s.zh).join(' '), en: b.segments.map((s) => s.en).join(' ') },
						summary: summaryView(b.id, summaries.get(b.id), reviews)
					}
				]
			: []
	);

	const entityTypes = briefingContent().entities;
	const terms = glossaryFor(article)
		.filter((e) => !glossaryEntityType(e, entityTypes))
		.map((e) => ({ id: e.id, term: e.term, pinyin: e.pinyin, rendering: e.rendering.en }));

	return {
		slug,
		title: { zh: article.title.zh, en: article.title.en },
		subtitle: article.subtitle ? { zh: article.subtitle.zh, en: article.subtitle.en } : null,
		date: article.date.en,
		year,
		overview: summaryView('overview', summaries.get('overview'), reviews),
		sections,
		figures,
		omitted: table.omitted,
		footnotes,
		rate: rateFor(year ?? undefined) ?? null,
		entities: entitiesOf(article),
		terms
	};
}

/** Every article as the public reads it, in library order. */
export async function publishedLibrary(db?: Db): Promise<AnnotatedArticle[]> {
	const out: AnnotatedArticle[] = [];
	for (const a of await allArticles()) {
		const published = await publishedArticle(a.slug, db);
		if (published) out.push(published);
	}
	return out;
}

/** A glossary entry's rendering, for search results. */
export const glossaryRendering = (id: string) => getGlossaryEntry(id)?.rendering.en;
