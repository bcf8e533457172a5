import type { ParamMatcher } from '@sveltejs/kit';
import { REVIEW_FORMATS, type ReviewFormat } from '$lib/review/workspace-model';

export const match = ((param: string): param is ReviewFormat =>
	(REVIEW_FORMATS as readonly string[]).includes(param)) satisfies ParamMatcher;
