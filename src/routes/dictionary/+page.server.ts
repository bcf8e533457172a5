import * as v from 'valibot';
import { LOOKUP_LIMITS, lookup } from '$lib/server/dictionary';

const QuerySchema = v.pipe(v.string(), v.trim(), v.maxLength(LOOKUP_LIMITS.queryLength));

/** /dictionary?q=: a word in characters, pinyin (any spelling) or English, looked up on the server. */
export const load = async ({ url }) => {
	const parsed = v.safeParse(QuerySchema, url.searchParams.get('q') ?? '');
	const query = parsed.success ? parsed.output : '';
	return {
		query,
		queryTooLong: !parsed.success,
		maxLength: LOOKUP_LIMITS.queryLength,
		results: query ? await lookup(query, 30) : []
	};
};
