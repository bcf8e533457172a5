import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { IdSchema } from '$lib/content/schema';
import { ENTRY_LIMITS, formValues } from '$lib/glossary/edit';
import { getArticle } from '$lib/server/content/store';
import { addEntry, proposedTerms, suggestForTerm } from '$lib/server/glossary';
import { readGlossaryForm } from '$lib/server/glossary/actions';
import { requireGlossaryEditor } from '$lib/server/glossary/guard';

/** ?term= (a proposed term, prefilled) and ?from= (the article it was proposed for, whose sentences are shown). */
const Query = v.object({
	term: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(ENTRY_LIMITS.term)), ''),
	from: v.optional(IdSchema)
});

export const load = async ({ url, locals }) => {
	requireGlossaryEditor(locals, url);
	const parsed = v.safeParse(Query, {
		term: url.searchParams.get('term') ?? undefined,
		from: url.searchParams.get('from') ?? undefined
	});
	const { term, from } = parsed.success ? parsed.output : { term: '', from: undefined };
	const article = from ? await getArticle(from) : undefined;
	const proposal = article && term ? (await proposedTerms(article)).find((p) => p.term === term) : undefined;
	return {
		values: formValues({ term, ...(term ? suggestForTerm(term) : {}) }),
		evidence:
			article && proposal
				? {
						slug: article.slug,
						title: article.title.zh,
						count: proposal.count,
						sentences: proposal.sentences
					}
				: undefined
	};
};

export const actions = {
	default: async (event) => {
		const read = await readGlossaryForm(event);
		if (!read.ok) return read.failure;
		const result = await addEntry(read.values, read.editor.id);
		if (!result.ok) return fail(400, { values: read.values, problems: result.problems });
		redirect(303, `/glossary/${result.entry.id}?added=1`);
	}
};
