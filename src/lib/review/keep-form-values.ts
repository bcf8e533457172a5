import type { SubmitFunction } from '@sveltejs/kit';

/**
 * `use:enhance` for the workspace's panels: after the action, the page's data is updated but the form keeps what
 * the reviewer chose or typed (an account and range, an import's options), so the next change is one step away.
 */
export const keepFormValues: SubmitFunction =
	() =>
	({ update }) =>
		update({ reset: false });
