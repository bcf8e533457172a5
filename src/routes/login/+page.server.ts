import { fail, redirect } from '@sveltejs/kit';
import {
	DEVICE_COOKIE,
	SESSION_COOKIE,
	deviceCookieOptions,
	login,
	sessionCookieOptions
} from '$lib/server/auth';
import { LoginForm, parseForm } from '$lib/review/forms';
import { safeRedirectPath } from '$lib/server/http/safe-redirect';

export const load = ({ locals, url }) => {
	const next = safeRedirectPath(url.searchParams.get('next'), url);
	if (locals.reviewer) redirect(303, next);
	return { next, expired: url.searchParams.get('expired') === '1' || locals.sessionExpired };
};

export const actions = {
	default: async ({ request, cookies, url, locals, getClientAddress }) => {
		const form = await request.formData();
		const next = safeRedirectPath(form.get('next'), url);
		const input = parseForm(LoginForm, form);
		const username = input?.username ?? '';
		if (!input || !input.username.trim() || !input.password)
			return fail(400, { username, message: locals.t('login.missing') });
		const result = await login({
			username: input.username,
			password: input.password,
			ip: getClientAddress(),
			deviceToken: cookies.get(DEVICE_COOKIE)
		});
		if (!result.ok) {
			return result.reason === 'throttled'
				? fail(429, { username, message: locals.t('login.throttled', { count: result.retryAfterSeconds }) })
				: fail(400, { username, message: locals.t('login.invalid') });
		}
		cookies.set(SESSION_COOKIE, result.token, sessionCookieOptions(url, result.expiresAt));
		cookies.set(DEVICE_COOKIE, result.device.token, deviceCookieOptions(url, result.device.expiresAt));
		redirect(303, next);
	}
};
