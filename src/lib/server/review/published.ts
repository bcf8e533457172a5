/**
 * What the public sees: a curated article with the latest approved English applied. The reader page and the
 * public downloads both call `publishedArticle`, so there is one place where review decisions reach readers.
 */
import { createAnnotator, type AnnotatedSegment } from '$lib/content/annotate';
import { withEnglish } from '$lib/content/overlay';
import type { Segment } from '$lib/content/schema';
import { getArticle, getGlossary } from '$lib/server/content/store';
import type { Db } from '../db/index';
import { approvedEnglish } from './store';

let annotateSegment: ((s: Segment) => AnnotatedSegment) | undefined;
/** Re-annotated segments by id and English: approvals are rare, pinyin is not free. */
const annotated = new Map<string, AnnotatedSegment>();

function annotateCached(segment: Segment): AnnotatedSegment {
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

/** The article as the public reader shows it (approved English over the content file), or undefined. */
export async function publishedArticle(slug: string, db?: Db) {
	const article = getArticle(slug);
	if (!article) return undefined;
	return withEnglish(article, await approvedEnglish(slug, db), annotateCached);
}
