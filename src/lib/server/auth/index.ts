/**
 * Reviewer accounts, sign-in and sessions. Routes call `login()` then set the cookie with
 * `sessionCookieOptions()`; the `handle` hook calls `validateSession(cookies.get(SESSION_COOKIE))`; logout calls
 * `invalidateSession()` and deletes the cookie. Accounts are created with `npm run reviewer:add -- <username>`.
 */
export { hashPassword, verifyPassword, needsRehash } from './password';
export {
	addReviewer,
	setReviewerPassword,
	setReviewerRole,
	getReviewer,
	findReviewer,
	listReviewers,
	UsernameSchema,
	PasswordSchema,
	RoleSchema,
	type Account,
	type Reviewer,
	type ReviewerRef
} from './reviewers';
export {
	createSession,
	validateSession,
	invalidateSession,
	invalidateReviewerSessions,
	sessionCookieOptions,
	SESSION_COOKIE,
	SESSION_TTL_MS,
	type Session,
	type SessionCookieOptions
} from './sessions';
export {
	login,
	backoffMs,
	deviceCookieOptions,
	DEVICE_COOKIE,
	LOGIN_THROTTLE,
	type Backoff,
	type LoginAttempt,
	type LoginResult
} from './login';
