/**
 * The review form actions' wrapper: a signed-out request is answered before its body is read (an 11 MB upload
 * costs nothing), with the sign-in link and the segment from the action URL; then the form goes through its
 * schema and must name a segment of the article. Real actions, the real article and the real catalog.
 */
import { describe, expect, it } from 'vitest';
import { isActionFailure } from '@sveltejs/kit';
import { translator } from '$lib/i18n';
import en from '$messages/en.json';
import type { Account } from '../auth/index';
import type { ReviewEvent } from './action';
import { reviewActions } from './actions';

const REVIEW = 'http://localhost/articles/beilun-liucu-liuyou/review';

/** A request whose body reports whether anyone started reading it. */
function request(action: string, body: Record<string, string> | number) {
	const read = { started: false };
	const stream = new ReadableStream<Uint8Array>(
		{
			pull(controller) {
				read.started = true;
				if (typeof body === 'number') controller.enqueue(new Uint8Array(body));
				else controller.enqueue(new TextEncoder().encode(new URLSearchParams(body).toString()));
				controller.close();
			}
			// Pulled only when someone reads (no read-ahead).
		},
		{ highWaterMark: 0 }
	);
	const size = typeof body === 'number' ? String(body) : undefined;
	const init = {
		method: 'POST',
		body: stream,
		duplex: 'half',
		headers: {
			'content-type':
				typeof body === 'number' ? 'multipart/form-data; boundary=x' : 'application/x-www-form-urlencoded',
			...(size ? { 'content-length': size } : {})
		}
	};
	const url = new URL(`${REVIEW}${action}`);
	return { request: new Request(url, init as RequestInit), url, read };
}

function event(action: string, body: Record<string, string> | number, reviewer: Account | null) {
	const { request: req, url, read } = request(action, body);
	const locals = { locale: 'en', t: translator('en'), reviewer, sessionExpired: reviewer === null };
	return {
		event: { params: { slug: 'beilun-liucu-liuyou' }, url, request: req, locals } as unknown as ReviewEvent,
		read
	};
}

const ann: Account = { id: 1, username: 'ann', role: 'reviewer' };
const tim: Account = { id: 2, username: 'tim', role: 'translator' };

describe('a signed-out review action', () => {
	it('is refused with 401, the sign-in link and the segment from the URL, without reading the body', async () => {
		const { event: e, read } = event(
			'?/save&segment=p1-1',
			{ segmentId: 'p1-1', en: 'x', status: 'approved', baseVersion: '0' },
			null
		);
		const result = await reviewActions.save(e);
		expect(isActionFailure(result) && result.status).toBe(401);
		expect(result).toMatchObject({
			data: {
				segmentId: 'p1-1',
				error: en.auth.sessionExpired,
				loginUrl: `/login?next=${encodeURIComponent('/articles/beilun-liucu-liuyou/review')}&expired=1`
			}
		});
		expect(read.started).toBe(false);
		expect(e.request.bodyUsed).toBe(false);
	});

	it('never reads an 11 MB upload', async () => {
		const { event: e, read } = event('?/importXliff', 11 * 1024 * 1024, null);
		const result = await reviewActions.importXliff(e);
		expect(isActionFailure(result) && result.status).toBe(401);
		expect(read.started).toBe(false);
	});

	it('says nothing of a segment the URL does not name properly', async () => {
		const { event: e } = event('?/comment&segment=%3Cscript%3E', { segmentId: 'p1-1', body: 'hi' }, null);
		expect(await reviewActions.comment(e)).toMatchObject({ status: 401, data: { segmentId: null } });
	});
});

describe('a signed-in review action', () => {
	it('refuses a form that does not fit its schema, with the action’s message beside the segment of its URL', async () => {
		const { event: e, read } = event('?/comment&segment=p1-1', { segmentId: 'p1-1', body: '   ' }, ann);
		expect(await reviewActions.comment(e)).toMatchObject({
			status: 400,
			data: { segmentId: 'p1-1', error: en.review.errors.emptyComment }
		});
		expect(read.started).toBe(true);
	});

	it('refuses a segment the article does not have', async () => {
		const { event: e } = event('?/discardDraft', { segmentId: 'no-such-segment' }, ann);
		expect(await reviewActions.discardDraft(e)).toMatchObject({
			status: 400,
			data: { segmentId: 'no-such-segment', error: en.review.errors.badForm }
		});
	});

	it('refuses to accept a warning of another segment', async () => {
		const form = { segmentId: 'p1-1', warningKey: 'figures:p3-2:missing:5.3%', reason: 'fine' };
		const { event: e } = event('?/acceptWarning&segment=p1-1', form, ann);
		expect(await reviewActions.acceptWarning(e)).toMatchObject({
			status: 400,
			data: { error: en.review.errors.emptyReason }
		});
	});

	it('refuses an upload declared larger than 10 MB before reading it', async () => {
		const { event: e, read } = event('?/importXliff', 11 * 1024 * 1024, ann);
		expect(await reviewActions.importXliff(e)).toMatchObject({ status: 413 });
		expect(read.started).toBe(false);
	});

	it('refuses a 50 MB TMX before reading it, naming the limit', async () => {
		const { event: e, read } = event('?/importTmx', 50 * 1024 * 1024, ann);
		expect(await reviewActions.importTmx(e)).toMatchObject({
			status: 413,
			data: { memoryErrors: [en.review.import.tooLarge.replace('{{max}}', '10 MB')] }
		});
		expect(read.started).toBe(false);
	});
});

describe('a review action and the account’s role', () => {
	it('refuses a translator’s approval before anything is saved, saying who may approve', async () => {
		const form = { segmentId: 'p1-1', en: 'Some English.', status: 'approved', baseVersion: '0' };
		const { event: e } = event('?/save&segment=p1-1', form, tim);
		expect(await reviewActions.save(e)).toMatchObject({
			status: 403,
			data: {
				segmentId: 'p1-1',
				error:
					'As a translator you cannot set a segment to “Approved”; only reviewers or editors can. Save it as translated for a reviewer to check.'
			}
		});
	});

	it('refuses a translator’s TMX import and QA acceptance before reading the body', async () => {
		const { event: tmx, read } = event('?/importTmx', 1024, tim);
		expect(await reviewActions.importTmx(tmx)).toMatchObject({
			status: 403,
			data: {
				error:
					'As a translator you cannot accept QA warnings or import into the translation memory; only reviewers or editors can.'
			}
		});
		expect(read.started).toBe(false);
		const form = { segmentId: 'p1-1', warningKey: 'figures:p1-1:missing:5', reason: 'fine' };
		const { event: accept } = event('?/acceptWarning&segment=p1-1', form, tim);
		expect(await reviewActions.acceptWarning(accept)).toMatchObject({ status: 403 });
	});

	it('refuses a translator’s or a reviewer’s assignment, saying only editors may assign', async () => {
		for (const account of [tim, ann]) {
			const { event: e, read } = event('?/assign', { assignee: '2', from: '1', to: '5' }, account);
			expect(await reviewActions.assign(e)).toMatchObject({
				status: 403,
				data: {
					error: `As a ${account.role} you cannot assign work; only editors can.`
				}
			});
			expect(read.started).toBe(false);
		}
	});

	it('tells an editor what is wrong with a range before anything is stored', async () => {
		const eve: Account = { id: 3, username: 'eve', role: 'editor' };
		const { event: reversed } = event('?/assign', { assignee: '2', from: '9', to: '4' }, eve);
		expect(await reviewActions.assign(reversed)).toMatchObject({
			status: 400,
			data: { assignError: en.review.assign.reversed }
		});
		const { event: words } = event('?/assign', { assignee: '2', from: 'one', to: '4' }, eve);
		expect(await reviewActions.assign(words)).toMatchObject({
			status: 400,
			data: { error: en.review.assign.badForm }
		});
	});
});
