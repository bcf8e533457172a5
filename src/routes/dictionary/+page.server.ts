import * as v from 'valibot';
import { LOOKUP_LIMITS, lookup } from '$lib/server/dictionary';
import { getGlossary } from '$lib/server/content/store';
import { searchGlossary } from '$lib/glossary/search';
import { entryHref } from '$lib/glossary/term-links';

/** Glossary entries listed beside the dictionary's (a policy term is often in the glossary and not in CC-CEDICT). */
const GLOSSARY_MATCHES = 5;

const QuerySchema = v.pipe(v.string(), v.trim(), v.maxLength(LOOKUP_LIMITS.queryLength));

/**
 * /dictionary?q=: a word in characters, pinyin (any spelling) or English, looked up on the server, with the
 * glossary's entries for it.
 */
export const load = async ({ url }) => {
	const parsed = v.safeParse(QuerySchema, url.searchParams.get('q') ?? '');
	const query = parsed.success ? parsed.output : '';
	return {
		query,
		queryTooLong: !parsed.success,
		maxLength: LOOKUP_LIMITS.queryLength,
		results: query ? await lookup(query, 30) : [],
		glossary: query
			? searchGlossary(getGlossary(), query, { explanations: false })
					.slice(0, GLOSSARY_MATCHES)
					.map((e) => ({ href: entryHref(e.id), term: e.term, pinyin: e.pinyin, en: e.rendering.en }))
			: []
	};
};
