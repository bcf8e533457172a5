/**
 * An import in progress: the structure an editor checks and fixes before an article is saved (/articles/new).
 * Blocks hold their sentences explicitly, so what the editor sees is exactly what will be saved; every edit is a
 * pure function from one preview to the next. `previewToArticle` gives the article in the one model (English
 * empty, ids as $lib/import's buildArticle gives them). Pure.
 */
import * as v from 'valibot';
import { hasHan, hanChars } from '$lib/chinese';
import type { DetectedBlock } from '$lib/import';
import { splitSentences } from '$lib/import';
import { ArticleSchema, IdSchema, type Article, type Block, type Segment } from '$lib/content/schema';

/** The kinds a block can be given in the preview. */
export const BLOCK_KINDS = [
	'title',
	'subtitle',
	'byline',
	'heading',
	'lead',
	'paragraph',
	'caption',
	'note',
	'gap'
] as const;
export type BlockKind = (typeof BLOCK_KINDS)[number];

const text = v.pipe(v.string(), v.maxLength(60_000));

export const PreviewBlockSchema = v.object({
	kind: v.picklist(BLOCK_KINDS),
	/** One sentence per entry (a segment each); a gap's entries are its note. */
	sentences: v.array(text),
	credit: v.optional(text)
});
export type PreviewBlock = v.InferOutput<typeof PreviewBlockSchema>;

export const PreviewMetaSchema = v.object({
	slug: v.pipe(v.string(), v.maxLength(200)),
	sourceZh: text,
	sourceEn: text,
	dateZh: text,
	dateEn: text,
	bylineEn: text,
	fileName: v.nullable(v.string()),
	encoding: v.nullable(v.string())
});
export type PreviewMeta = v.InferOutput<typeof PreviewMetaSchema>;

export const PreviewSchema = v.object({
	version: v.literal(1),
	meta: PreviewMetaSchema,
	blocks: v.array(PreviewBlockSchema)
});
export type Preview = v.InferOutput<typeof PreviewSchema>;

/** Largest slug accepted (it is a URL path segment and a file-name-like id). */
export const SLUG_MAX = 80;

/** Why a slug cannot be used (before looking for duplicates). */
export function slugProblem(slug: string): 'empty' | 'form' | 'tooLong' | undefined {
	if (!slug) return 'empty';
	if (slug.length > SLUG_MAX) return 'tooLong';
	return v.is(IdSchema, slug) ? undefined : 'form';
}

/** A slug suggestion from a file name: lowercase ASCII letters and digits joined by single hyphens. */
export function suggestSlug(name: string | null | undefined): string {
	const base = (name ?? '')
		.replace(/\.[a-z0-9]+$/i, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, SLUG_MAX)
		.replace(/-+$/, '');
	return base;
}

/** The preview of freshly detected blocks. */
export function previewFromBlocks(
	blocks: readonly DetectedBlock[],
	meta: Partial<PreviewMeta> = {}
): Preview {
	return {
		version: 1,
		meta: {
			slug: meta.slug ?? '',
			sourceZh: meta.sourceZh ?? '',
			sourceEn: meta.sourceEn ?? '',
			dateZh: meta.dateZh ?? '',
			dateEn: meta.dateEn ?? '',
			bylineEn: meta.bylineEn ?? '',
			fileName: meta.fileName ?? null,
			encoding: meta.encoding ?? null
		},
		blocks: blocks.map((b) => ({
			kind: b.kind,
			sentences: b.kind === 'paragraph' || b.kind === 'lead' ? splitSentences(b.text) : [b.text],
			...(b.credit ? { credit: b.credit } : {})
		}))
	};
}

/** A block's sentences from the text the editor typed: one sentence per line, blank lines dropped. */
export function sentencesFromLines(value: string): string[] {
	return value
		.split(/\r?\n/)
		.map((line) => line.trim())
		.filter(Boolean);
}

/** The text a block shows in the editor: one sentence per line. */
export const linesOf = (block: PreviewBlock): string => block.sentences.join('\n');

/** An edit the editor can make to the blocks (besides typing in them). */
export type PreviewEdit =
	| { op: 'merge'; block: number }
	| { op: 'join'; block: number }
	| { op: 'split'; block: number; sentence: number }
	| { op: 'gap'; block: number }
	| { op: 'remove'; block: number }
	| { op: 'up'; block: number };

/** Parse an edit button's value ("merge:3", "split:3:2"). */
export function parseEdit(value: unknown): PreviewEdit | undefined {
	if (typeof value !== 'string') return undefined;
	const m = /^(merge|join|split|gap|remove|up):(\d{1,5})(?::(\d{1,5}))?$/.exec(value);
	if (!m) return undefined;
	const block = Number(m[2]);
	if (m[1] === 'split')
		return m[3] === undefined ? undefined : { op: 'split', block, sentence: Number(m[3]) };
	return { op: m[1] as Exclude<PreviewEdit['op'], 'split'>, block };
}

/** Whether a sentence ends a sentence (a word broken by a line break does not). */
const ENDS_SENTENCE = /[。！？!?；;…”」』）)】.]$/;

/**
 * Apply one edit: merge a block with the next (sentences kept), join it with the next (its last sentence and the
 * next block's first become one: a word or sentence broken across lines), split a block before a sentence, mark
 * a gap after a block, remove a block, or move a block up. Out-of-range edits change nothing.
 */
export function applyEdit(preview: Preview, edit: PreviewEdit): Preview {
	const blocks = preview.blocks.map((b) => ({ ...b, sentences: [...b.sentences] }));
	const at = edit.block;
	const block = blocks[at];
	if (!block) return preview;
	const next = blocks[at + 1];
	switch (edit.op) {
		case 'merge':
		case 'join': {
			if (!next) return preview;
			const joined =
				edit.op === 'join' && block.sentences.length && next.sentences.length
					? [
							...block.sentences.slice(0, -1),
							`${block.sentences.at(-1)}${next.sentences[0]}`,
							...next.sentences.slice(1)
						]
					: [...block.sentences, ...next.sentences];
			blocks.splice(at, 2, { ...block, sentences: joined, ...(next.credit ? { credit: next.credit } : {}) });
			break;
		}
		case 'split': {
			if (edit.sentence <= 0 || edit.sentence >= block.sentences.length) return preview;
			blocks.splice(
				at,
				1,
				{ kind: block.kind, sentences: block.sentences.slice(0, edit.sentence) },
				{
					kind: block.kind === 'lead' ? 'paragraph' : block.kind,
					sentences: block.sentences.slice(edit.sentence),
					...(block.credit ? { credit: block.credit } : {})
				}
			);
			break;
		}
		case 'gap':
			blocks.splice(at + 1, 0, { kind: 'gap', sentences: [] });
			break;
		case 'remove':
			blocks.splice(at, 1);
			break;
		case 'up':
			if (at === 0) return preview;
			blocks.splice(at - 1, 2, block, blocks[at - 1]!);
			break;
	}
	return { ...preview, blocks };
}

/** Whether a block's last sentence looks cut off (no final punctuation): a candidate for "join". */
export function looksBroken(block: PreviewBlock): boolean {
	const last = block.sentences.at(-1);
	return (block.kind === 'paragraph' || block.kind === 'lead') && !!last && !ENDS_SENTENCE.test(last);
}

/** What keeps a preview from being saved (message keys under articles.problems, with values). */
export type PreviewProblem =
	| { code: 'slugEmpty' | 'slugForm' | 'slugTooLong' | 'noTitle' | 'twoTitles' | 'noBody' }
	| { code: 'sourceZh' | 'dateZh' | 'bylineEn' }
	| { code: 'noChinese'; block: number }
	| { code: 'emptyGapNote'; block: number };

/** Every problem with the preview, in order; none means it can be saved. */
export function previewProblems(preview: Preview): PreviewProblem[] {
	const problems: PreviewProblem[] = [];
	const slug = slugProblem(preview.meta.slug);
	if (slug === 'empty') problems.push({ code: 'slugEmpty' });
	if (slug === 'form') problems.push({ code: 'slugForm' });
	if (slug === 'tooLong') problems.push({ code: 'slugTooLong' });
	const titles = preview.blocks.filter((b) => b.kind === 'title');
	if (!titles.length) problems.push({ code: 'noTitle' });
	if (titles.length > 1) problems.push({ code: 'twoTitles' });
	if (!hasHan(preview.meta.sourceZh)) problems.push({ code: 'sourceZh' });
	if (!hasHan(preview.meta.dateZh)) problems.push({ code: 'dateZh' });
	if (hasHan(preview.meta.bylineEn)) problems.push({ code: 'bylineEn' });
	preview.blocks.forEach((b, i) => {
		if (b.kind === 'gap') return;
		if (!b.sentences.some(hasHan)) problems.push({ code: 'noChinese', block: i });
	});
	if (!preview.blocks.some((b) => !['title', 'subtitle', 'byline', 'gap'].includes(b.kind)))
		problems.push({ code: 'noBody' });
	return problems;
}

/** Chinese characters in the preview. */
export const previewCharacters = (preview: Preview): number =>
	preview.blocks.reduce((n, b) => n + hanChars(b.sentences.join('') + (b.credit ?? '')).length, 0);

/** The English of a field that has none yet: stored empty, filled by review (never invented). */
const NONE = '';

/**
 * The article the preview describes, in the one model: sentences become segments with ids as buildArticle
 * gives them (title, subtitle, h1-1, p1-1, c1-1, n1-1, g1), English empty. Call only without problems.
 */
export function previewToArticle(preview: Preview): Article {
	const counters: Record<string, number> = {};
	const nextId = (prefix: string) => `${prefix}${(counters[prefix] = (counters[prefix] ?? 0) + 1)}`;
	const segs = (id: string, sentences: readonly string[]): Segment[] =>
		sentences.filter(hasHan).map((zh, i) => ({ id: `${id}-${i + 1}`, zh, en: NONE }));
	let title: Segment | undefined;
	let subtitle: Segment | undefined;
	let byline: string | undefined;
	const blocks: Block[] = [];
	for (const b of preview.blocks) {
		const whole = b.sentences.join('');
		switch (b.kind) {
			case 'title':
				title = { id: 'title', zh: whole, en: NONE };
				break;
			case 'subtitle':
				subtitle = { id: 'subtitle', zh: whole, en: NONE };
				break;
			case 'byline':
				byline = whole;
				break;
			case 'heading': {
				const id = nextId('h');
				blocks.push({ type: 'heading', id, segments: [{ id: `${id}-1`, zh: whole, en: NONE }] });
				break;
			}
			case 'lead':
			case 'paragraph': {
				const id = nextId('p');
				blocks.push({
					type: 'paragraph',
					id,
					...(b.kind === 'lead' ? { lead: true } : {}),
					segments: segs(id, b.sentences)
				});
				break;
			}
			case 'caption': {
				const id = nextId('c');
				const credit = b.credit?.trim();
				blocks.push({
					type: 'caption',
					id,
					segments: segs(id, b.sentences),
					...(credit && hasHan(credit) ? { credit: { id: `${id}-credit`, zh: credit, en: NONE } } : {})
				});
				break;
			}
			case 'note': {
				const id = nextId('n');
				blocks.push({ type: 'note', id, segments: segs(id, b.sentences) });
				break;
			}
			case 'gap': {
				const zh = whole.trim();
				blocks.push({ type: 'gap', id: nextId('g'), note: { en: NONE, ...(zh ? { zh } : {}) } });
				break;
			}
		}
	}
	const { meta } = preview;
	return {
		slug: meta.slug,
		title: title ?? { id: 'title', zh: '', en: NONE },
		...(subtitle ? { subtitle } : {}),
		...(byline ? { byline: { id: 'byline', zh: byline, en: meta.bylineEn.trim() } } : {}),
		source: { zh: meta.sourceZh.trim(), en: meta.sourceEn.trim() },
		date: { zh: meta.dateZh.trim(), en: meta.dateEn.trim() },
		notes: [],
		blocks
	};
}

/**
 * Validate an article whose English may be empty (an imported article before its translation) against the one
 * article schema: every rule of ArticleSchema holds, except that an English field may be empty. Returns the
 * article or the schema's messages.
 */
export function validateImportedArticle(
	value: unknown
): { ok: true; article: Article } | { ok: false; errors: string[] } {
	const SENTINEL = 'Not yet translated';
	const fill = (x: unknown): unknown => {
		if (Array.isArray(x)) return x.map(fill);
		if (x && typeof x === 'object')
			return Object.fromEntries(
				Object.entries(x).map(([k, val]) => [k, k === 'en' && val === '' ? SENTINEL : fill(val)])
			);
		return x;
	};
	const empty = (x: unknown): unknown => {
		if (Array.isArray(x)) return x.map(empty);
		if (x && typeof x === 'object')
			return Object.fromEntries(
				Object.entries(x).map(([k, val]) => [k, k === 'en' && val === SENTINEL ? '' : empty(val)])
			);
		return x;
	};
	const parsed = v.safeParse(ArticleSchema, fill(value));
	if (!parsed.success)
		return {
			ok: false,
			errors: parsed.issues.map((i) => {
				const path = v.getDotPath(i);
				return path ? `${path}: ${i.message}` : i.message;
			})
		};
	return { ok: true, article: empty(parsed.output) as Article };
}
