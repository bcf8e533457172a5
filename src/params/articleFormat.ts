import type { ParamMatcher } from '@sveltejs/kit';
import { isArticleFormat } from '$lib/exports/formats';

export const match = isArticleFormat satisfies ParamMatcher;
