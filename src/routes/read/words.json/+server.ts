import { readWordsAction } from '$lib/server/read';

/** The word data of a text read at /read, for its popovers: fetched by the reader's script on first tap. */
export const POST = (event) => readWordsAction(event);
