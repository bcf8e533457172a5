/**
 * The /read form: the pasted text or an uploaded file, checked against the limits and the per-client rate,
 * through the pipeline. Every problem is a message in the reader's language and a 4xx, never a server error;
 * nothing is stored.
 */
import { fail, json, type RequestEvent } from '@sveltejs/kit';
import { IMPORT_LIMITS, type TextEncodingName } from '$lib/import';
import { READER_COOKIE, parseReaderSettings } from '$lib/reader/settings';
import { fileToText } from './files';
import { readText, type ReadResult } from './read';
import { readLimiter, readWordsLimiter } from './rate-limit';

/** What the page shows after a successful read (the popover's word data is fetched on first tap). */
export interface ReadPage extends Omit<ReadResult, 'popover'> {
	/** The text that was read (for a file, its text), put back into the form. */
	text: string;
	file?: { name: string; encoding?: TextEncodingName };
}

const MEGABYTES = IMPORT_LIMITS.fileBytes / 1024 / 1024;

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
	const { popover: _words, ...rest } = result;
	const page: ReadPage = { ...rest, text, file: source };
	return { read: page };
}

/**
 * POST /read/words.json: the word data of a text read at /read, which the reader's script fetches on the first
 * sign of interest instead of the page embedding it. The form's text goes through the same pipeline again, so
 * the words match the markup; the answer is JSON, a message with a 4xx when the text cannot be read.
 */
export async function readWordsAction(
	event: Pick<RequestEvent, 'request' | 'cookies' | 'locals' | 'getClientAddress'>
): Promise<Response> {
	const { request, cookies, locals } = event;
	const t = locals.t;
	const limited = readWordsLimiter.take(event.getClientAddress());
	if (!limited.ok)
		return json({ error: t('read.errors.rateLimited', { seconds: limited.retryAfter }) }, { status: 429 });
	let form: FormData;
	try {
		form = await request.formData();
	} catch {
		return json({ error: t('read.errors.body') }, { status: 413 });
	}
	const text = String(form.get('text') ?? '').replace(/\r\n?/g, '\n');
	const result = await readText(text, parseReaderSettings(cookies.get(READER_COOKIE)));
	if (typeof result === 'string')
		return json(
			{ error: t(`read.errors.${result}`, { count: [...text].length, limit: IMPORT_LIMITS.characters }) },
			{ status: result === 'tooLong' ? 413 : 400 }
		);
	return json(result.popover);
}
