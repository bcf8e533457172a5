/**
 * JSON of the full annotated model (pinyin per character, glossary terms on both sides), wrapped with a format
 * name and version so consumers can detect changes, and the generator that wrote it. Keys inside the article
 * are sorted so the same article always serialises to the same text, whatever order objects were built in.
 */
import type { AnnotatedArticle } from '$lib/content/annotate';
import { DEFAULT_TOOL, type Tool } from './model';

export const JSON_FORMAT = 'bilingual-reader/annotated-article';
/** Bump when the shape of `article` changes incompatibly. */
export const JSON_FORMAT_VERSION = 1;

export interface ArticleJson {
	format: typeof JSON_FORMAT;
	formatVersion: number;
	generator: Tool;
	article: AnnotatedArticle;
}

/** A copy of `value` with every object's keys in sorted order; arrays keep their order, undefined is dropped. */
export function sortKeys(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(sortKeys);
	if (value && typeof value === 'object') {
		const out: Record<string, unknown> = {};
		for (const key of Object.keys(value).sort()) {
			const v = (value as Record<string, unknown>)[key];
			if (v !== undefined) out[key] = sortKeys(v);
		}
		return out;
	}
	return value;
}

/** The annotated article as pretty-printed JSON (2-space indent, trailing newline) with format and generator. */
export function toJson(article: AnnotatedArticle, generator: Tool = DEFAULT_TOOL): string {
	const doc: ArticleJson = {
		format: JSON_FORMAT,
		formatVersion: JSON_FORMAT_VERSION,
		generator: { name: generator.name, version: generator.version },
		article: sortKeys(article) as AnnotatedArticle
	};
	return `${JSON.stringify(doc, null, 2)}\n`;
}
