import type { ParamMatcher } from '@sveltejs/kit';

/** The formats an article can be downloaded in. */
export const ARTICLE_FORMATS = ['tmx', 'xlf', 'csv', 'json'] as const;
export type ArticleFormat = (typeof ARTICLE_FORMATS)[number];

export const match = ((param: string): param is ArticleFormat =>
	(ARTICLE_FORMATS as readonly string[]).includes(param)) satisfies ParamMatcher;
