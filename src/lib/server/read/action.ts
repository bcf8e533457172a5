/**
 * The /read form: the pasted text or an uploaded file, checked against the limits and the per-client rate,
 * through the pipeline. Every problem is a message in the reader's language and a 4xx, never a server error;
 * nothing is stored.
 */
import { fail, type RequestEvent } from '@sveltejs/kit';
import { IMPORT_LIMITS, type TextEncodingName } from '$lib/import';
import { READER_COOKIE, parseReaderSettings } from '$lib/reader/settings';
import { fileToText } from './files';
import { readText, type ReadResult } from './read';
import { readLimiter } from './rate-limit';

/** What the page shows after a successful read. */
export interface ReadPage extends Omit<ReadResult, 'popover'> {
	/** The popover's word data as JSON, safe inside a <script type="application/json"> element. */
	wordsJson: string;
	/** The text that was read (for a file, its text), put back into the form. */
	text: string;
	file?: { name: string; encoding?: TextEncodingName };
}

const MEGABYTES = IMPORT_LIMITS.fileBytes / 1024 / 1024;

/** JSON that cannot end the <script> element around it or open a comment. */
const embeddable = (value: unknown) =>
	JSON.stringify(value)
		.replace(/</g, '\\u003c')
		.replace(/\u2028/g, '\\u2028')
		.replace(/\u2029/g, '\\u2029');

/** Handle a POST to /read. */
export async function readAction(
	event: Pick<RequestEvent, 'request' | 'cookies' | 'locals' | 'getClientAddress'>
) {
	const { request, cookies, locals } = event;
	const t = locals.t;
	const limited = readLimiter.take(event.getClientAddress());
	if (!limited.ok) return fail(429, { error: t('read.errors.rateLimited', { seconds: limited.retryAfter }) });
	let form: FormData;
	try {
		form = await request.formData();
	} catch {
		// Cut off, not form data, or over the server's BODY_SIZE_LIMIT: a message, not a server error.
		return fail(413, { error: t('read.errors.body') });
	}
	const file = form.get('file');
	// Forms send newlines as CRLF: count them as the one character the reader typed.
	let text = String(form.get('text') ?? '').replace(/\r\n?/g, '\n');
	let source: ReadPage['file'];
	if (file instanceof File && file.size > 0) {
		if (file.size > IMPORT_LIMITS.fileBytes)
			return fail(413, { error: t('read.errors.fileTooLarge', { megabytes: MEGABYTES }) });
		const read = await fileToText(file.name, new Uint8Array(await file.arrayBuffer()));
		if (!read.ok) return fail(400, { error: t(`read.errors.${read.reason}`) });
		text = read.text;
		source = { name: file.name, encoding: read.encoding };
	}
	const result = await readText(text, parseReaderSettings(cookies.get(READER_COOKIE)));
	if (typeof result === 'string') {
		const count = [...text].length;
		// A text over the limit is not sent back: the form would carry it to the next request again.
		return fail(result === 'tooLong' ? 413 : 400, {
			error: t(`read.errors.${result}`, { count, limit: IMPORT_LIMITS.characters }),
			text: result === 'tooLong' ? '' : text
		});
	}
	const { popover, ...rest } = result;
	const page: ReadPage = { ...rest, wordsJson: embeddable(popover), text, file: source };
	return { read: page };
}
