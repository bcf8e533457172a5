/**
 * The feed's entries: every published article with its English title and summary (the editors' overview, or
 * the article's first paragraph where there is none). An entry is updated when a review last changed the
 * article's English or summaries; an article nobody has reviewed carries the time this server started (the
 * content files carry no dates).
 */
import type { FeedEntry } from '$lib/briefing/feed';
import { summaryView } from '$lib/briefing/summary';
import { walkSegments } from '$lib/content/walk';
import { getDb, type Db } from '../db/index';
import { briefingContent } from './content';
import { publishedLibrary } from './briefing';
import { summaryReviews } from './store';

const STARTED = new Date().toISOString();

/** The feed's entries and the latest change among them. */
export async function feedEntries(db?: Db): Promise<{ entries: FeedEntry[]; updated: string }> {
	const d = db ?? (await getDb());
	const entries: FeedEntry[] = [];
	for (const article of await publishedLibrary(d)) {
		const reviews = await summaryReviews(article.slug, d);
		const overview = summaryView(
			'overview',
			briefingContent()
				.briefings.get(article.slug)
				?.summaries.find((s) => s.section === 'overview')?.en,
			reviews
		);
		const firstParagraph = walkSegments(article).find((p) => p.blockType === 'paragraph');
		const approvedAt = (
			await d.first(
				d.kysely
					.selectFrom('segment_states')
					.select((eb) => eb.fn.max('approved_at').as('at'))
					.where('slug', '=', article.slug)
			)
		)?.at;
		const times = [approvedAt, reviews.at(-1)?.at].filter((x): x is string => typeof x === 'string').sort();
		entries.push({
			slug: article.slug,
			title: article.subtitle ? `${article.title.en}: ${article.subtitle.en}` : article.title.en,
			summary: overview?.en ?? firstParagraph?.segment.en ?? article.title.en,
			updated: times.at(-1) ?? STARTED,
			...(article.byline ? { author: article.byline.en } : {})
		});
	}
	const updated =
		entries
			.map((e) => e.updated)
			.sort()
			.at(-1) ?? STARTED;
	return { entries, updated };
}
