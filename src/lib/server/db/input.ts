/** Validation of store inputs: stores throw InputError (routes answer 400) rather than writing bad data. */
import * as v from 'valibot';
import { nonXmlCharacter } from '../../exports/xml-text';

/** Input that a store refused, with one message per problem. */
export class InputError extends Error {
	readonly problems: string[];
	constructor(problems: string[]) {
		super(problems.join('; '));
		this.name = 'InputError';
		this.problems = problems;
	}
}

/** Parse `value` with `schema` or throw an InputError. */
export function parseInput<S extends v.GenericSchema>(schema: S, value: unknown): v.InferOutput<S> {
	const result = v.safeParse(schema, value);
	if (result.success) return result.output;
	throw new InputError(
		result.issues.map((issue) => {
			const path = v.getDotPath(issue);
			return path ? `${path}: ${issue.message}` : issue.message;
		})
	);
}

/**
 * Text that is not blank (stored as given, not trimmed), at most `max` characters, and without characters XML
 * cannot carry (every export writes it into XML).
 */
export const nonBlank = (what: string, max: number) =>
	v.pipe(
		v.string(`${what} must be text`),
		v.check((s) => s.trim().length > 0, `${what} is empty`),
		v.maxLength(max, `${what} is longer than ${max} characters`),
		v.check(
			(s) => nonXmlCharacter(s) === undefined,
			(issue) =>
				`${what} contains the character ${nonXmlCharacter(String(issue.input))}, which cannot be saved`
		)
	);

/** A database row id. */
export const RowId = v.pipe(
	v.number('id must be a number'),
	v.integer('id must be an integer'),
	v.minValue(1, 'id must be positive')
);
