import { redirect } from '@sveltejs/kit';
import { SESSION_COOKIE, invalidateSession, sessionCookieOptions } from '$lib/server/auth';

export const load = () => redirect(303, '/');

export const actions = {
	default: async ({ cookies, url }) => {
		await invalidateSession(cookies.get(SESSION_COOKIE));
		cookies.delete(SESSION_COOKIE, sessionCookieOptions(url));
		redirect(303, '/');
	}
};
