import * as v from 'valibot';
import { getGlossary, listArticles, occurrenceCounts } from '$lib/server/content/store';
import { searchGlossary } from '$lib/glossary/search';
import { IdSchema } from '$lib/content/schema';
import { mayEditGlossary } from '$lib/server/glossary/guard';

const QuerySchema = v.pipe(v.string(), v.trim(), v.maxLength(100));

export const load = async ({ url, locals }) => {
	const parsed = v.safeParse(QuerySchema, url.searchParams.get('q') ?? '');
	const query = parsed.success ? parsed.output : '';
	const counts = await occurrenceCounts();
	return {
		query,
		queryTooLong: !parsed.success,
		entries: searchGlossary(getGlossary(), query).map((e) => ({ ...e, occurrences: counts.get(e.id) ?? 0 })),
		total: getGlossary().length,
		canEdit: mayEditGlossary(locals.reviewer),
		/** For editors: each article's proposed terms page. */
		articles: mayEditGlossary(locals.reviewer)
			? (await listArticles()).map((a) => ({ slug: a.slug, title: a.title.zh }))
			: [],
		/** The id of an entry just deleted (?deleted=), for the notice. */
		deleted: v.is(IdSchema, url.searchParams.get('deleted')) ? url.searchParams.get('deleted') : null
	};
};
