import type { ParamMatcher } from '@sveltejs/kit';
import { isReviewFormat } from '$lib/exports/formats';

export const match = isReviewFormat satisfies ParamMatcher;
