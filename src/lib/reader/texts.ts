import { allSegments, type AnnotatedArticle } from '$lib/content/annotate';

/** Every Chinese text the reader shows for an article: segments, byline, date, source, credits, notes. */
export function articleChineseTexts(article: AnnotatedArticle): string[] {
	const texts = new Set(allSegments(article).map((s) => s.zh));
	const add = (text: string | undefined) => text && texts.add(text);
	add(article.byline?.zh);
	add(article.date.zh);
	add(article.source.zh);
	for (const b of article.blocks) {
		if (b.type === 'caption') add(b.credit?.zh);
		if (b.type === 'gap') add(b.note.zh);
	}
	for (const n of article.notes) add(n.zh);
	return [...texts];
}
