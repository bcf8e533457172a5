import * as v from 'valibot';
import { getGlossary, occurrenceCounts } from '$lib/server/content/store';
import { searchGlossary } from '$lib/glossary/search';

const QuerySchema = v.pipe(v.string(), v.trim(), v.maxLength(100));

export const load = async ({ url }) => {
	const parsed = v.safeParse(QuerySchema, url.searchParams.get('q') ?? '');
	const query = parsed.success ? parsed.output : '';
	const counts = await occurrenceCounts();
	return {
		query,
		queryTooLong: !parsed.success,
		entries: searchGlossary(getGlossary(), query).map((e) => ({ ...e, occurrences: counts.get(e.id) ?? 0 })),
		total: getGlossary().length
	};
};
