/**
 * What the public sees: an article (from any source) with the latest approved English applied. The reader page
 * and the public downloads both call `publishedArticle` (or `requirePublishedArticle`), so there is one place
 * where review decisions reach readers.
 */
import { createAnnotator, type AnnotatedArticle, type AnnotatedSegment } from '$lib/content/annotate';
import { withEnglish } from '$lib/content/overlay';
import type { Segment } from '$lib/content/schema';
import { getArticle, getGlossary, glossaryRevision, requireArticle } from '$lib/server/content/store';
import type { Db } from '../db/index';
import { approvedEnglish } from './store';

let annotateSegment: ((s: Segment) => AnnotatedSegment) | undefined;
/** The glossary revision the annotator and the cache were made with. */
let annotatedRevision = -1;
/** Re-annotated segments by id and English: approvals are rare, pinyin is not free. */
const annotated = new Map<string, AnnotatedSegment>();

function annotateCached(segment: Segment): AnnotatedSegment {
	if (annotatedRevision !== glossaryRevision()) {
		annotatedRevision = glossaryRevision();
		annotateSegment = undefined;
		annotated.clear();
	}
	const key = `${segment.id}\u0000${segment.en}`;
	let hit = annotated.get(key);
	if (!hit) {
		annotateSegment ??= createAnnotator(getGlossary()).segment;
		hit = annotateSegment(segment);
		if (annotated.size > 5_000) annotated.clear();
		annotated.set(key, hit);
	}
	return hit;
}

/** The article with the approved English over its own. */
async function publish(article: AnnotatedArticle, db?: Db): Promise<AnnotatedArticle> {
	return withEnglish(article, await approvedEnglish(article.slug, db), annotateCached);
}

/** The article as the public reader shows it (approved English over the content file), or undefined. */
export async function publishedArticle(slug: string, db?: Db): Promise<AnnotatedArticle | undefined> {
	const article = await getArticle(slug);
	return article && publish(article, db);
}

/** The article as the public reader shows it; a miss is a 404 (see `requireArticle`). */
export async function requirePublishedArticle(
	slug: string,
	locals: Pick<App.Locals, 't'> & Partial<Pick<App.Locals, 'reviewer'>>
): Promise<AnnotatedArticle> {
	return publish(await requireArticle(slug, locals));
}
