import type { AnnotatedArticle, AnnotatedSegment } from '$lib/content/annotate';
import { articleSegments } from '$lib/content/walk';

/** Segments with a translator's note, numbered in reading order (the footnotes of the reader). */
export function numberNotes(article: AnnotatedArticle): {
	numbers: Map<string, number>;
	notes: AnnotatedSegment[];
} {
	const notes = articleSegments(article).filter((s) => s.note);
	return { numbers: new Map(notes.map((s, i) => [s.id, i + 1])), notes };
}
