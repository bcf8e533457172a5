import * as v from 'valibot';
import { librarySearch } from '$lib/server/briefing';

const QuerySchema = v.pipe(v.string(), v.trim(), v.maxLength(200));

export const load = async ({ url, locals }) => {
	const raw = url.searchParams.get('q') ?? '';
	const parsed = v.safeParse(QuerySchema, raw);
	if (!parsed.success)
		return {
			query: raw.slice(0, 200),
			hits: [],
			total: 0,
			capped: false,
			error: locals.t('search.tooLong')
		};
	const query = parsed.output;
	if (!query) return { query, hits: [], total: 0, capped: false, error: null };
	const { hits, total, capped } = (await librarySearch()).search(query, 100);
	return {
		query,
		total,
		capped,
		error: null,
		hits: hits.map(({ doc, via }) => ({
			kind: doc.kind,
			zh: doc.zh,
			en: doc.en,
			href: doc.href,
			article: doc.article ?? null,
			via
		}))
	};
};
