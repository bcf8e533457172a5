/** What one text brought into the reader may hold. Stated on /read and enforced by the server. */
export const IMPORT_LIMITS = {
	/** Characters of text after decoding (pasted or from a file). */
	characters: 50_000,
	/** Bytes of an uploaded file (.txt, .docx, .html). */
	fileBytes: 2 * 1024 * 1024
} as const;
