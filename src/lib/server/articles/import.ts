/**
 * Bringing an article in: text (pasted, or a .txt/.docx/.html file read as at /read) through the one pipeline
 * ($lib/import) into a structure preview ($lib/articles/preview), and a confirmed preview saved as an article in
 * one transaction. Used by /articles/new and by `npm run article:import` (./cli.ts), so both save the same way.
 */
import {
	detectBlocks,
	inModelScript,
	IMPORT_LIMITS,
	textProblem,
	type TextEncodingName,
	type TextProblem
} from '$lib/import';
import { hasWord, type Dictionary } from '$lib/dictionary';
import {
	previewFromBlocks,
	previewProblems,
	previewToArticle,
	suggestSlug,
	type Preview,
	type PreviewProblem
} from '$lib/articles/preview';
import { fileToText } from '../read/files';
import { toSimplified } from '../chinese-script';
import type { Db } from '../db/index';
import { saveArticle, type StoredArticleInfo } from './store';

/** Why a text or file cannot be brought in (message keys under read.errors, as at /read). */
export type ImportProblem = TextProblem | 'fileTooLarge' | 'unsupported' | 'binary' | 'unreadable';

/** Text from a file, as /read reads it: its kind from the name, its encoding detected and named. */
export async function textOfFile(
	name: string,
	bytes: Uint8Array
): Promise<
	{ ok: true; text: string; encoding: TextEncodingName | null } | { ok: false; problem: ImportProblem }
> {
	if (bytes.byteLength > IMPORT_LIMITS.fileBytes) return { ok: false, problem: 'fileTooLarge' };
	const read = await fileToText(name, bytes);
	if (!read.ok) return { ok: false, problem: read.reason };
	return { ok: true, text: read.text, encoding: read.encoding ?? null };
}

/** The preview of a text, or why the text cannot be brought in. */
export function previewText(
	text: string,
	/** Joins a line broken inside a dictionary word; without it only short fragments are joined. */
	dictionary: Dictionary | undefined,
	meta: { fileName?: string | null; encoding?: string | null; slug?: string } = {}
): { ok: true; preview: Preview } | { ok: false; problem: ImportProblem } {
	const normal = text.replace(/\r\n?/g, '\n');
	const problem = textProblem(normal);
	if (problem) return { ok: false, problem };
	const blocks = detectBlocks(normal, dictionary ? { isWord: (w) => hasWord(dictionary, w) } : {});
	return {
		ok: true,
		preview: previewFromBlocks(blocks, {
			slug: meta.slug ?? suggestSlug(meta.fileName),
			fileName: meta.fileName ?? null,
			encoding: meta.encoding ?? null
		})
	};
}

/** Save a preview as an article: its problems, or the saved article. */
export async function savePreview(
	preview: Preview,
	options: {
		createdBy: number | null;
		publish?: boolean;
		importId?: string;
		/** Whether another source (the curated YAML) holds this slug. */
		taken: (slug: string) => boolean;
	},
	db?: Db
): Promise<{ ok: true; saved: StoredArticleInfo } | { ok: false; problems: PreviewProblem[] }> {
	const problems = previewProblems(preview);
	if (problems.length) return { ok: false, problems };
	const saved = await saveArticle(
		{
			// A Traditional text is annotated through Simplified and keeps what was written (shown as written under the
			// reader's Traditional settings), as /read does.
			article: inModelScript(previewToArticle(preview), toSimplified).article,
			fileName: preview.meta.fileName,
			encoding: preview.meta.encoding,
			createdBy: options.createdBy,
			publish: options.publish,
			importId: options.importId,
			taken: options.taken
		},
		db
	);
	return { ok: true, saved };
}
