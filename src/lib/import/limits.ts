import { hasHan } from '$lib/chinese';

/** What one text brought into the reader may hold. Stated on /read and enforced by the server. */
export const IMPORT_LIMITS = {
	/** Characters of text after decoding (pasted or from a file). */
	characters: 50_000,
	/** Bytes of an uploaded file (.txt, .docx, .html). */
	fileBytes: 2 * 1024 * 1024
} as const;

/** Why a text cannot be brought in: nothing in it, more than the limit, or no Chinese. */
export type TextProblem = 'empty' | 'noChinese' | 'tooLong';

/** Whether a text can be read or imported, and why not (the same rule at /read and /articles/new). */
export function textProblem(text: string): TextProblem | undefined {
	if (!text.trim()) return 'empty';
	if ([...text].length > IMPORT_LIMITS.characters) return 'tooLong';
	if (!hasHan(text)) return 'noChinese';
	return undefined;
}
