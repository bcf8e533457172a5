/**
 * The library's search index: every sentence of every published article, the glossary terms, the entities and
 * the key figures, as $lib/search documents. Built on first use and again whenever what it is built from changes:
 * the glossary, which articles are published, an article's version, or an approval (which changes a sentence's
 * English). The signature of those is a few small queries, so a search does not rebuild the library to find out.
 */
import type { AnnotatedArticle } from '$lib/content/annotate';
import { walkSegments } from '$lib/content/walk';
import { marksToNumbered } from '$lib/dictionary/pinyin';
import { annotatePinyin } from '$lib/pinyin/annotate';
import { createSearchIndex, type SearchDoc, type SearchIndex } from '$lib/search';
import { sentenceLink } from '$lib/words/sentence-link';
import { articleVersion, getGlossary, glossaryRevision, publishedArticles } from '$lib/server/content/store';
import { approvalStamps } from '$lib/server/review/store';
import type { Db } from '../db/index';
import { entitiesOf, figuresOf, publishedLibrary } from './briefing';

/** Numbered pinyin of each Han character ("mei2"), from readings with tone marks. */
const numbered = (readings: readonly (string | null)[]) =>
	readings.flatMap((p) => (p ? [marksToNumbered(p).toLowerCase()] : []));

/** The search documents of one published article. */
export function articleDocs(article: AnnotatedArticle): SearchDoc[] {
	const title = article.title.en;
	const docs: SearchDoc[] = walkSegments(article).map(({ segment }) => ({
		id: `s:${article.slug}:${segment.id}`,
		kind: 'sentence',
		zh: segment.zh,
		en: segment.en,
		pinyin: numbered(segment.zhRuns.flatMap((r) => r.chars.map((c) => c.p))),
		href: sentenceLink(article.slug, segment.id),
		article: title
	}));
	for (const row of figuresOf(article).rows)
		docs.push({
			id: `f:${article.slug}:${row.key}`,
			kind: 'figure',
			zh: row.zh,
			en: [row.measure, row.display, row.usdDisplay, row.period].filter(Boolean).join(' · '),
			pinyin: [],
			href: sentenceLink(article.slug, row.segmentId),
			article: title
		});
	return docs;
}

/** Documents for the glossary and the entities (one per entity, linking to its entry in /entities). */
function libraryDocs(articles: readonly AnnotatedArticle[]): SearchDoc[] {
	const docs: SearchDoc[] = getGlossary().map((e) => ({
		id: `t:${e.id}`,
		kind: 'term',
		zh: [e.term, ...e.aliases].join(' '),
		en: [e.rendering.en, ...e.alsoRendered].join(' · '),
		pinyin: numbered(annotatePinyin(e.term).map((c) => c.p)),
		href: `/glossary/${encodeURIComponent(e.id)}`
	}));
	const seen = new Set<string>();
	for (const article of articles)
		for (const e of entitiesOf(article)) {
			if (seen.has(e.id)) continue;
			seen.add(e.id);
			docs.push({
				id: `e:${e.id}`,
				kind: 'entity',
				zh: e.zh,
				en: e.en,
				pinyin: numbered(annotatePinyin(e.zh).map((c) => c.p)),
				href: `/entities#${encodeURIComponent(e.id)}`
			});
		}
	return docs;
}

let cached: { signature: string; index: SearchIndex } | undefined;

/** What the index is built from: the glossary's revision, and each published article's version and approvals. */
async function signature(db?: Db): Promise<string> {
	const approvals = await approvalStamps(db);
	const parts = [`glossary ${glossaryRevision()}`];
	for (const a of await publishedArticles())
		parts.push(`${a.slug} ${articleVersion(a)} ${approvals[a.slug] ?? '0:0'}`);
	return parts.join('\n');
}

/** The library's index, rebuilt when what it is built from has changed. */
export async function librarySearch(db?: Db): Promise<SearchIndex> {
	const sig = await signature(db);
	if (cached?.signature !== sig) {
		const articles = await publishedLibrary(db);
		cached = {
			signature: sig,
			index: createSearchIndex([...articles.flatMap(articleDocs), ...libraryDocs(articles)])
		};
	}
	return cached.index;
}
