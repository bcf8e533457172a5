import { allSegments, type AnnotatedArticle, type AnnotatedSegment } from '$lib/content/annotate';

/** Segments with a translator's note, numbered in reading order (the footnotes of the reader). */
export function numberNotes(article: AnnotatedArticle): {
	numbers: Map<string, number>;
	notes: AnnotatedSegment[];
} {
	const notes = allSegments(article).filter((s) => s.note);
	return { numbers: new Map(notes.map((s, i) => [s.id, i + 1])), notes };
}
