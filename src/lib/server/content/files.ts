/**
 * The curated content shipped in the repository (content/*.yaml), read at build time by Vite and validated
 * once when the server first needs it. A malformed file fails the build (see vite.config.ts) and the tests.
 */
import { parseArticle, parseGlossary, parsePinyinOverrides } from '$lib/content/validate';
import type { Article, GlossaryEntry, PinyinOverride } from '$lib/content/schema';

const articleSources = import.meta.glob<string>('/content/articles/*.yaml', {
	query: '?raw',
	import: 'default',
	eager: true
});
const glossarySource = import.meta.glob<string>('/content/glossary.yaml', {
	query: '?raw',
	import: 'default',
	eager: true
});
const overridesSource = import.meta.glob<string>('/content/pinyin-overrides.yaml', {
	query: '?raw',
	import: 'default',
	eager: true
});

const file = (path: string) => path.replace(/^\//, '');

/** All curated articles, validated. */
export function curatedArticles(): Article[] {
	return Object.entries(articleSources)
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([path, source]) => parseArticle(file(path), source));
}

/** The shared glossary, validated. */
export function curatedGlossary(): GlossaryEntry[] {
	return Object.entries(glossarySource).flatMap(([path, source]) => parseGlossary(file(path), source));
}

/** The proofread pinyin corrections, validated. */
export function pinyinOverrides(): PinyinOverride[] {
	return Object.entries(overridesSource).flatMap(([path, source]) => parsePinyinOverrides(file(path), source));
}
