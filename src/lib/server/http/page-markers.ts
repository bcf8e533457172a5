/**
 * Svelte's server render marks blocks with comments (`<!--[-->`, `<!--]-->`, `<!---->`, `<!--[0-->`, and a
 * hash before each head section) so the client runtime can hydrate the page. Pages rendered without it
 * (`csr = false`: the reader, /read, the library…) are never hydrated, and on the reader those comments are
 * hundreds of bytes of nothing, so they go. A page that will hydrate (it carries SvelteKit's bootstrap, which
 * names `__sveltekit_`) keeps them. User text cannot look like a marker: every text is escaped (`<` as `&lt;`).
 */
const MARKER = /<!--(?:\[-?\d*|\]!?|[0-9a-z]{0,8})-->/g;

export function withoutHydrationMarkers(html: string): string {
	return html.includes('__sveltekit_') ? html : html.replace(MARKER, '');
}
