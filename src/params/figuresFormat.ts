import type { ParamMatcher } from '@sveltejs/kit';

/** The key-figures downloads: /articles/<slug>/figures.csv and figures.json. */
export const match = ((param: string): param is 'csv' | 'json' =>
	param === 'csv' || param === 'json') satisfies ParamMatcher;
