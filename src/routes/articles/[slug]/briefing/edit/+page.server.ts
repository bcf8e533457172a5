import { error, fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { CORRECTABLE_FIELDS } from '$lib/briefing/figures';
import { REVIEW_STATUSES } from '$lib/review/status';
import { InputError } from '$lib/server/db';
import { articleBriefing, correctFigure, requireEditor, reviewSummary } from '$lib/server/briefing';

const CorrectionForm = v.object({
	key: v.pipe(v.string(), v.minLength(1)),
	...Object.fromEntries(CORRECTABLE_FIELDS.map((f) => [f, v.optional(v.string(), '')]))
});
const SummaryForm = v.object({
	section: v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/)),
	en: v.string(),
	status: v.picklist(REVIEW_STATUSES)
});

export const load = async ({ params, locals, url }) => {
	requireEditor(locals, url);
	const briefing = await articleBriefing(params.slug);
	if (!briefing) error(404, locals.t('errors.articleNotFound', { slug: params.slug }));
	return { briefing, statuses: REVIEW_STATUSES };
};

/** The form's text fields as an object. */
const fields = (form: FormData) =>
	Object.fromEntries([...form.entries()].filter((e): e is [string, string] => typeof e[1] === 'string'));

export const actions = {
	correct: async ({ params, locals, url, request }) => {
		const editor = requireEditor(locals, url);
		const parsed = v.safeParse(CorrectionForm, fields(await request.formData()));
		if (!parsed.success) return fail(400, { error: locals.t('briefing.badForm') });
		const briefing = await articleBriefing(params.slug);
		if (!briefing) error(404, locals.t('errors.articleNotFound', { slug: params.slug }));
		const row = briefing.figures.find((f) => f.key === parsed.output.key);
		if (!row) return fail(400, { error: locals.t('briefing.unknownRow') });
		// Only the fields that change are recorded, so the history says what each editor corrected.
		const changed = Object.fromEntries(
			CORRECTABLE_FIELDS.flatMap((f) => {
				const value = String(parsed.output[f as keyof typeof parsed.output] ?? '').trim();
				return value === (row[f] ?? '') ? [] : [[f, value]];
			})
		);
		try {
			await correctFigure({ slug: params.slug, key: row.key, reviewerId: editor.id, fields: changed });
		} catch (e) {
			if (e instanceof InputError) return fail(400, { error: e.message, key: row.key });
			throw e;
		}
		return { saved: row.key };
	},
	summary: async ({ params, locals, url, request }) => {
		const editor = requireEditor(locals, url);
		const parsed = v.safeParse(SummaryForm, fields(await request.formData()));
		if (!parsed.success) return fail(400, { error: locals.t('briefing.badForm') });
		const briefing = await articleBriefing(params.slug);
		if (!briefing) error(404, locals.t('errors.articleNotFound', { slug: params.slug }));
		const { section, en, status } = parsed.output;
		if (section !== 'overview' && !briefing.sections.some((s) => s.id === section))
			return fail(400, { error: locals.t('briefing.unknownSection') });
		try {
			await reviewSummary({ slug: params.slug, section, en, status, reviewerId: editor.id });
		} catch (e) {
			if (e instanceof InputError) return fail(400, { error: e.message, section });
			throw e;
		}
		return { saved: section };
	}
};
