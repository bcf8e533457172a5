/** Review text limits, shared by the forms, the XLIFF import and the store (no imports: the store reads it too). */

/** Longest English target, draft or comment, in characters. */
export const MAX_TEXT = 20_000;
