/**
 * Where to send the browser after a form or sign-in, from a value the user controls (`?next=`, `returnTo`).
 * Checking the string's shape is not enough: browsers drop TAB, CR and LF inside URLs and read `\` as `/`, so
 * `/\tother.example` and `/\other.example` become `//other.example` (another site). Instead the value is resolved
 * as the browser would resolve it, against this request's origin, and kept only if it stays on that origin.
 */

/** C0 controls and DEL: never part of a path we wrote, and browsers strip some of them before resolving. */
const CONTROL = /[\u0000-\u001F\u007F]/; // eslint-disable-line no-control-regex

/**
 * A same-origin path (pathname + search + hash of the resolved URL) for `value`, or `fallback` for anything
 * else: not a string, not starting with `/`, containing control characters, or resolving to another origin.
 */
export function safeRedirectPath(value: unknown, origin: URL | string, fallback = '/'): string {
	if (typeof value !== 'string' || !value.startsWith('/') || CONTROL.test(value)) return fallback;
	const base = new URL(typeof origin === 'string' ? origin : origin.origin);
	let resolved: URL;
	try {
		resolved = new URL(value, base);
	} catch {
		return fallback;
	}
	if (resolved.origin !== base.origin) return fallback;
	return resolved.pathname + resolved.search + resolved.hash;
}
