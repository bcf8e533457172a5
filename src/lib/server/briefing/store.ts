/**
 * Briefing data kept in the database: editors' corrections of figure rows and the reviews of section summaries.
 * Both tables are append-only (migration 0007_briefing), so every change is kept with its author and time.
 */
import { REVIEW_STATUSES, type ReviewStatus } from '$lib/review/status';
import { CORRECTABLE_FIELDS, type CorrectableField, type FigureCorrection } from '$lib/briefing/figures';
import type { SummaryReview } from '$lib/briefing/summary';
import * as v from 'valibot';
import { nonXmlCharacter } from '$lib/exports/xml-text';
import { getDb, type Db } from '../db/index';
import { nonBlank, parseInput } from '../db/input';

/** The longest text a correction or summary may hold. */
export const BRIEFING_TEXT_MAX = 2000;

/** A corrected field: any text up to the limit (empty clears the field), nothing XML cannot carry. */
const CorrectionText = v.pipe(
	v.string('a correction must be text'),
	v.maxLength(BRIEFING_TEXT_MAX, `a correction is longer than ${BRIEFING_TEXT_MAX} characters`),
	v.check(
		(s) => nonXmlCharacter(s) === undefined,
		(issue) =>
			`the correction contains the character ${nonXmlCharacter(String(issue.input))}, which cannot be saved`
	)
);
const CorrectionFields = v.record(v.picklist(CORRECTABLE_FIELDS), CorrectionText);
const SummaryInput = v.object({
	en: nonBlank('The summary', BRIEFING_TEXT_MAX),
	status: v.picklist(REVIEW_STATUSES, 'unknown status')
});

/** Every correction of an article's figures, oldest first. */
export async function figureCorrections(slug: string, db?: Db): Promise<FigureCorrection[]> {
	const d = db ?? (await getDb());
	return (
		await d.all(
			d.kysely
				.selectFrom('figure_corrections as c')
				.innerJoin('reviewers as r', 'r.id', 'c.reviewer_id')
				.select(['c.figure_key', 'c.field', 'c.value', 'r.username', 'c.at'])
				.where('c.slug', '=', slug)
				.orderBy('c.id')
		)
	).map((r) => ({ key: r.figure_key, field: r.field, value: r.value, author: r.username, at: r.at }));
}

/** Record an editor's correction of some fields of one row (only the fields that change). */
export async function correctFigure(
	input: { slug: string; key: string; reviewerId: number; fields: Partial<Record<CorrectableField, string>> },
	db?: Db
): Promise<number> {
	const d = db ?? (await getDb());
	const at = d.now().toISOString();
	const entries = Object.entries(parseInput(CorrectionFields, input.fields)) as [CorrectableField, string][];
	return await d.transaction(async () => {
		for (const [field, value] of entries)
			await d.run(
				d.kysely.insertInto('figure_corrections').values({
					slug: input.slug,
					figure_key: input.key,
					field,
					value: value.trim(),
					reviewer_id: input.reviewerId,
					at
				})
			);
		return entries.length;
	});
}

/** Every review of an article's summaries, oldest first. */
export async function summaryReviews(slug: string, db?: Db): Promise<SummaryReview[]> {
	const d = db ?? (await getDb());
	return (
		await d.all(
			d.kysely
				.selectFrom('summary_reviews as s')
				.innerJoin('reviewers as r', 'r.id', 's.reviewer_id')
				.select(['s.section', 's.en', 's.status', 'r.username', 's.at'])
				.where('s.slug', '=', slug)
				.orderBy('s.id')
		)
	).map((r) => ({ section: r.section, en: r.en, status: r.status, reviewer: r.username, at: r.at }));
}

/** Record a review of a section summary: its English (as edited) and status. */
export async function reviewSummary(
	input: { slug: string; section: string; en: string; status: ReviewStatus; reviewerId: number },
	db?: Db
): Promise<void> {
	const d = db ?? (await getDb());
	const { en, status } = parseInput(SummaryInput, { en: input.en, status: input.status });
	await d.transaction(
		async () =>
			await d.run(
				d.kysely.insertInto('summary_reviews').values({
					slug: input.slug,
					section: input.section,
					en: en.trim(),
					status,
					reviewer_id: input.reviewerId,
					at: d.now().toISOString()
				})
			)
	);
}
