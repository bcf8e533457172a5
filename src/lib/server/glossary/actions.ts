/**
 * The glossary's form actions, one way: the form is read into the entry form's values, then the editor is
 * checked (a signed-out post gets its values back with a message to sign in again, so nothing typed is lost).
 */
import { fail, type RequestEvent } from '@sveltejs/kit';
import * as v from 'valibot';
import { formFields } from '$lib/review/forms';
import { formValues, type EntryFormValues, type FieldProblem } from '$lib/glossary/edit';
import type { Account } from '../auth/index';
import { loginUrl } from '../review/guard';
import { glossaryRefusal, mayEditGlossary } from './guard';

/** What a failed glossary action sends back to the form. */
export interface GlossaryFailure {
	values: EntryFormValues;
	problems: FieldProblem[];
	loginUrl?: string;
	[key: string]: unknown;
}

const Version = v.pipe(v.string(), v.regex(/^\d{1,9}$/), v.transform(Number), v.minValue(1));

/** Read a glossary form for a signed-in editor, or the failure to answer with (keeping what was typed). */
export async function readGlossaryForm(
	event: RequestEvent
): Promise<
	| { ok: true; editor: Account; values: EntryFormValues; version: number | undefined }
	| { ok: false; failure: ReturnType<typeof fail<GlossaryFailure>> }
> {
	let form: FormData;
	try {
		form = await event.request.formData();
	} catch {
		const values = formValues({});
		return { ok: false, failure: fail(400, { values, problems: [{ field: 'form', key: 'badForm' }] }) };
	}
	const fields = formFields(form);
	const values = formValues(fields);
	const { reviewer } = event.locals;
	if (!reviewer) {
		const problems: FieldProblem[] = [{ field: 'form', key: 'signedOut' }];
		return { ok: false, failure: fail(401, { values, problems, loginUrl: loginUrl(event.url, true) }) };
	}
	if (!mayEditGlossary(reviewer)) {
		const problems: FieldProblem[] = [
			{ field: 'form', key: 'refused', params: { reason: glossaryRefusal(event.locals.t, reviewer) } }
		];
		return { ok: false, failure: fail(403, { values, problems }) };
	}
	const version = fields['version'] === undefined ? undefined : v.safeParse(Version, fields['version']);
	if (version && !version.success)
		return { ok: false, failure: fail(400, { values, problems: [{ field: 'form', key: 'badForm' }] }) };
	return { ok: true, editor: reviewer, values, version: version?.output };
}
