/**
 * The /articles/new pages' server side: start an import from a paste or a file, change the preview (form posts,
 * so it works without JavaScript), confirm or discard it. Editors only (`importArticles`), checked before the
 * body is read; every problem is a message and a 4xx.
 */
import { fail, type ActionFailure, type RequestEvent } from '@sveltejs/kit';
import { detectScript, IMPORT_LIMITS, type SourceScript } from '$lib/import';
import { toSimplified } from '$lib/server/chinese-script';
import { can } from '$lib/review/roles';
import {
	applyEdit,
	BLOCK_KINDS,
	parseEdit,
	sentencesFromLines,
	type BlockKind,
	type Preview
} from '$lib/articles/preview';
import { getDictionary } from '$lib/server/dictionary';
import { getArticle, importedEngine } from '$lib/server/content/store';
import { hasHan } from '$lib/chinese';
import { numberedToMarks } from '$lib/dictionary/pinyin';
import { readingsToCheck, type ReadingToCheck } from '$lib/pinyin/check';
import { getJieba } from '$lib/server/pinyin';
import { addPinyinCorrection, syncPinyinCorrections } from '$lib/server/pinyin/corrections';
import { getDb, InputError } from '../db/index';
import { refusal } from '../review/guard';
import { previewText, savePreview, textOfFile } from './import';
import { createImport, discardImport, getImport, updateImport } from './store';

/** Slugs no article may take (routes under /articles/). */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set(['new']);

type Failure = ActionFailure<Record<string, unknown>>;

const MEGABYTES = IMPORT_LIMITS.fileBytes / 1024 / 1024;
/** The largest request worth reading: a file at the limit, or the text at the limit in UTF-8, with the form. */
const MAX_BODY = Math.max(IMPORT_LIMITS.fileBytes, IMPORT_LIMITS.characters * 4) + 256 * 1024;

/** The editor, or the failure saying why not (before the body is read). */
function editor(event: RequestEvent): { id: number } | { failure: Failure } {
	const { locals } = event;
	const account = locals.reviewer;
	if (!account) return { failure: fail(401, { error: locals.t('auth.sessionExpired') }) };
	if (!can(account.role, 'importArticles'))
		return { failure: fail(403, { error: refusal(locals.t, account, 'importArticles') }) };
	return account;
}

async function formOf(event: RequestEvent): Promise<FormData | { failure: Failure }> {
	const t = event.locals.t;
	const declared = Number(event.request.headers.get('content-length'));
	if (Number.isFinite(declared) && declared > MAX_BODY)
		return { failure: fail(413, { error: t('articles.new.tooLarge', { megabytes: MEGABYTES }) }) };
	try {
		return await event.request.formData();
	} catch {
		return { failure: fail(413, { error: t('read.errors.body') }) };
	}
}

/** Start an import from the pasted text or the uploaded file; the new import's id. */
export async function startImport(event: RequestEvent): Promise<{ id: string } | { failure: Failure }> {
	const account = editor(event);
	if ('failure' in account) return account;
	const t = event.locals.t;
	const form = await formOf(event);
	if ('failure' in form) return form;
	const file = form.get('file');
	let text = String(form.get('text') ?? '');
	let fileName: string | null = null;
	let encoding: string | null = null;
	if (file instanceof File && file.size > 0) {
		const read = await textOfFile(file.name, new Uint8Array(await file.arrayBuffer()));
		if (!read.ok)
			return { failure: fail(400, { error: t(`read.errors.${read.problem}`, { megabytes: MEGABYTES }) }) };
		text = read.text;
		fileName = file.name;
		encoding = read.encoding;
	}
	const result = previewText(text, await getDictionary(), { fileName, encoding });
	if (!result.ok) {
		const count = [...text].length;
		return {
			failure: fail(result.problem === 'tooLong' ? 413 : 400, {
				error: t(`read.errors.${result.problem}`, { count, limit: IMPORT_LIMITS.characters }),
				text: result.problem === 'tooLong' ? '' : text
			})
		};
	}
	return { id: await createImport(account.id, result.preview) };
}

/** The preview with the form's fields applied (texts, kinds, credits, metadata). */
export function previewWithForm(preview: Preview, form: FormData): Preview {
	const field = (name: string) => {
		const value = form.get(name);
		return typeof value === 'string' ? value.replace(/\r\n?/g, '\n').slice(0, 60_000) : undefined;
	};
	const blocks = preview.blocks.flatMap((block, i) => {
		const kind = field(`kind-${i}`);
		const lines = field(`text-${i}`);
		const credit = field(`credit-${i}`);
		const base = {
			kind: kind && (BLOCK_KINDS as readonly string[]).includes(kind) ? (kind as BlockKind) : block.kind,
			...(credit !== undefined
				? credit.trim()
					? { credit: credit.trim() }
					: {}
				: block.credit
					? { credit: block.credit }
					: {})
		};
		if (lines === undefined) return [{ ...base, sentences: block.sentences }];
		// One sentence per line; a blank line starts a new block of the same kind (a paragraph split in two).
		const parts = lines.split(/\n[ \t\u3000]*\n/).map(sentencesFromLines);
		const kept = parts.filter((p) => p.length);
		if (!kept.length) return [{ ...base, sentences: [] }];
		return kept.map((sentences, j) => ({
			...base,
			...(j > 0 && base.kind === 'lead' ? { kind: 'paragraph' as const } : {}),
			sentences
		}));
	});
	const meta = { ...preview.meta };
	for (const key of ['slug', 'sourceZh', 'sourceEn', 'dateZh', 'dateEn', 'bylineEn'] as const) {
		const value = field(key);
		if (value !== undefined) meta[key] = value.trim().slice(0, key === 'slug' ? 200 : 1000);
	}
	return { ...preview, meta, blocks };
}

/** Blocks whose sentences are saved as one segment (previewToArticle joins them). */
const ONE_SEGMENT: ReadonlySet<string> = new Set(['title', 'subtitle', 'byline', 'heading']);

/** The Chinese of a preview as the saved article's segments will hold it: each sentence, captions' credits too. */
function previewSentences(preview: Preview): string[] {
	return preview.blocks.flatMap((b) => {
		if (b.kind === 'gap') return [];
		const texts = ONE_SEGMENT.has(b.kind) ? [b.sentences.join('')] : b.sentences;
		return [...texts, ...(b.credit ? [b.credit.trim()] : [])].filter(hasHan);
	});
}

/** Whether a preview's text is Simplified or Traditional (which is saved, and read, through Simplified). */
export function previewScript(preview: Preview): SourceScript {
	return scriptOf(previewSentences(preview));
}

const scriptOf = (sentences: readonly string[]) => detectScript(sentences.join('\n'), toSimplified);

/**
 * The readings to check in a preview, as the saved article will read them (the engine for imported text, with the
 * editors' corrections): each sentence as it will be a segment, captions' credits too.
 */
export function previewReadingsToCheck(preview: Preview): ReadingToCheck[] {
	const sentences = previewSentences(preview);
	// A Traditional text is saved (and read) through Simplified: check, and correct, the words it will hold.
	const read = scriptOf(sentences) === 'traditional' ? sentences.map(toSimplified) : sentences;
	const jieba = getJieba();
	return readingsToCheck(read, importedEngine().read, (text) => jieba.cut(text, false));
}

/**
 * A correction from the preview's list of readings to check (the form's other fields are saved first, as by
 * "Save changes"): the word reads the given pinyin in every imported text, the sentence its example. Gives the
 * message saying so.
 */
export async function correctReading(
	event: RequestEvent<{ id: string }>
): Promise<{ failure: Failure } | { corrected: string }> {
	const account = editor(event);
	if ('failure' in account) return account;
	const t = event.locals.t;
	const preview = await loadImport(event.params.id, account.id);
	if (!preview) return { failure: fail(404, { error: t('articles.new.gone') }) };
	const form = await formOf(event);
	if ('failure' in form) return form;
	await updateImport(event.params.id, account.id, previewWithForm(preview, form));
	const k = String(form.get('check') ?? '');
	const field = (name: string) => form.get(`check-${name}-${k}`);
	const db = await getDb();
	try {
		const saved = await addPinyinCorrection(
			db,
			{ word: field('word'), pinyin: field('pinyin'), example: field('example') },
			account.id
		);
		await syncPinyinCorrections(db);
		const pinyin = numberedToMarks(saved.syllables.join(' '));
		return { corrected: t('articles.new.corrected', { word: saved.word, pinyin }) };
	} catch (e) {
		if (e instanceof InputError)
			return { failure: fail(400, { error: t('articles.new.correctionRefused', { detail: e.message }) }) };
		throw e;
	}
}

/** Load an import of the signed-in editor, or undefined. */
export async function loadImport(id: string, reviewerId: number): Promise<Preview | undefined> {
	return /^[A-Za-z0-9_-]{16}$/.test(id) ? getImport(id, reviewerId) : undefined;
}

/** Whether a slug is taken by an article of any source, or reserved. */
export async function slugTaken(slug: string): Promise<boolean> {
	return RESERVED_SLUGS.has(slug) || (await getArticle(slug)) !== undefined;
}

/** One post of the preview form: save the fields, apply an edit, confirm or discard. */
export async function changeImport(
	event: RequestEvent<{ id: string }>,
	what: 'update' | 'confirm' | 'discard'
): Promise<{ failure: Failure } | { updated: true } | { discarded: true } | { saved: string }> {
	const account = editor(event);
	if ('failure' in account) return account;
	const t = event.locals.t;
	const preview = await loadImport(event.params.id, account.id);
	if (!preview) return { failure: fail(404, { error: t('articles.new.gone') }) };
	if (what === 'discard') {
		await discardImport(event.params.id, account.id);
		return { discarded: true };
	}
	const form = await formOf(event);
	if ('failure' in form) return form;
	let next = previewWithForm(preview, form);
	const edit = parseEdit(form.get('edit'));
	if (edit) next = applyEdit(next, edit);
	await updateImport(event.params.id, account.id, next);
	if (what === 'update') return { updated: true };
	const taken = await slugTaken(next.meta.slug);
	// The page lists a taken slug among the problems (from its load); nothing more to say here.
	if (taken) return { failure: fail(400, { slugTaken: true }) };
	try {
		const result = await savePreview(next, {
			createdBy: account.id,
			importId: event.params.id,
			taken: () => taken
		});
		if (!result.ok) return { failure: fail(400, { problems: result.problems }) };
		return { saved: result.saved.slug };
	} catch (e) {
		if (e instanceof InputError) return { failure: fail(400, { error: e.message }) };
		throw e;
	}
}
