/**
 * The review actions' form fields, validated with valibot at the boundary (the store validates again before
 * writing). Field names here are the `name` attributes of the workspace's forms.
 */
import * as v from 'valibot';
import { IdSchema } from '$lib/content/schema';
import { nonXmlCharacter } from '$lib/exports/xml-text';
import { MAX_TEXT } from './limits';
import { REVIEW_STATUSES } from './status';

export { MAX_TEXT };

/** Largest XLIFF upload accepted (checked before the file is read or parsed). */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

const text = v.pipe(v.string(), v.maxLength(MAX_TEXT));
const nonBlank = v.pipe(
	text,
	v.check((s) => s.trim().length > 0)
);
const version = v.pipe(v.string(), v.regex(/^\d{1,9}$/), v.transform(Number));

export const SaveForm = v.object({
	segmentId: IdSchema,
	en: nonBlank,
	status: v.picklist(REVIEW_STATUSES),
	baseVersion: version,
	/** "next": after saving, open the next segment needing attention (the editor's Ctrl+Enter). */
	then: v.optional(v.picklist(['next']))
});
export const DraftForm = v.object({ segmentId: IdSchema, en: text, baseVersion: version });
export const SegmentForm = v.object({ segmentId: IdSchema });
export const CommentForm = v.object({ segmentId: IdSchema, body: nonBlank });
export const AcceptForm = v.pipe(
	v.object({
		segmentId: IdSchema,
		warningKey: v.pipe(v.string(), v.nonEmpty(), v.maxLength(200)),
		reason: v.pipe(
			v.string(),
			v.maxLength(2_000),
			v.check((s) => s.trim().length > 0)
		)
	}),
	// A warning key names its segment (rule:segment:code:text): refuse keys of other segments.
	v.check((x) => x.warningKey.split(':')[1] === x.segmentId)
);
/** One pre-translation to undo: the segments it filled and the versions it made, as "id:version,id:version". */
export const UndoPretranslateForm = v.object({
	undo: v.pipe(
		v.string(),
		v.maxLength(100_000),
		v.regex(/^[a-z0-9-]+:\d{1,9}(?:,[a-z0-9-]+:\d{1,9})*$/),
		v.transform((s) =>
			s.split(',').map((pair) => {
				const [segmentId = '', version = '0'] = pair.split(':');
				return { segmentId, version: Number(version) };
			})
		),
		v.check((list) => list.every((x) => v.is(IdSchema, x.segmentId)))
	)
});
/** A segment number typed in the assign form (1-based); blank = the article's first or last segment. */
const position = v.pipe(
	v.string(),
	v.trim(),
	v.regex(/^\d{0,6}$/),
	v.transform((s) => (s === '' ? undefined : Number(s)))
);
/** Assign (or take back) the segments `from`…`to` (the whole article when both are blank) to an account. */
export const AssignForm = v.object({
	assignee: v.pipe(v.string(), v.regex(/^[1-9]\d{0,9}$/), v.transform(Number)),
	from: v.optional(position),
	to: v.optional(position),
	change: v.optional(v.picklist(['assign', 'unassign']), 'assign')
});
export const LoginForm = v.object({
	username: v.pipe(v.string(), v.maxLength(200)),
	password: v.pipe(v.string(), v.maxLength(2_000))
});

/** The text fields of a form as a plain object (files are left out), for a schema to check. */
export function formFields(form: FormData): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [k, value] of form) if (typeof value === 'string') out[k] = value;
	return out;
}

/** Parse a form with a schema; undefined if it does not fit. */
export function parseForm<S extends v.GenericSchema>(
	schema: S,
	form: FormData
): v.InferOutput<S> | undefined {
	const result = v.safeParse(schema, formFields(form));
	return result.success ? result.output : undefined;
}

/** Why a text field cannot be stored, said to the reviewer rather than as "could not be read". */
export type TextProblem = { code: 'tooLong'; max: number } | { code: 'badCharacter'; character: string };

/**
 * The problem with a typed text, if any: longer than `max`, or holding a character the exports cannot carry (a
 * control character such as U+000B pasted from Word, U+FFFE). Refused at input, with the character named, so
 * what is saved can always be written to XLIFF, TMX and DOCX.
 */
export function textProblem(value: unknown, max = MAX_TEXT): TextProblem | undefined {
	if (typeof value !== 'string') return undefined;
	if (value.length > max) return { code: 'tooLong', max };
	const character = nonXmlCharacter(value);
	return character ? { code: 'badCharacter', character } : undefined;
}
