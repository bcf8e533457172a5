declare module '*?browser-script' {
	/** The module bundled and minified for the browser. */
	const code: string;
	/** A short content hash of `code`, for cache-busting URLs. */
	export const hash: string;
	export default code;
}

declare module '*?browser-style' {
	/** The stylesheet bundled and minified for the browser. */
	const code: string;
	/** A short content hash of `code`, for cache-busting URLs. */
	export const hash: string;
	export default code;
}
