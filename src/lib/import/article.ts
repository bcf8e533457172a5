/**
 * Detected blocks as an article in the one article model (src/lib/content/schema.ts): segments of one sentence,
 * stable ids (title, subtitle, h1, p1-1, c1-1, n1-1, g1), the Chinese as the source has it and the English left
 * empty (nothing fills a translation that does not exist). Traditional text is annotated through its Simplified
 * form, character for character, and keeps what was written in `written`. Pure.
 */
import type { Article, Block, Segment } from '$lib/content/schema';
import { hanChars } from '$lib/chinese';
import type { DetectedBlock } from './blocks';
import { splitSentences } from './sentences';

/** The script a text is written in. */
export type SourceScript = 'simplified' | 'traditional';

export interface BuiltArticle {
	article: Article;
	script: SourceScript;
	/** For a Traditional text: each Chinese text of the article (Simplified, as in the model) → as written. */
	written: Record<string, string>;
	/** Chinese characters in the text. */
	characters: number;
}

export interface BuildOptions {
	/** The article's slug (an id). */
	slug: string;
	/** Traditional → Simplified, one character for one (server-side; without it, text is taken as Simplified). */
	toSimplified?: (text: string) => string;
}

/** Whether a text is Traditional: enough of its characters change when converted to Simplified. */
export function detectScript(text: string, toSimplified?: (text: string) => string): SourceScript {
	if (!toSimplified) return 'simplified';
	const han = hanChars(text);
	const simplified = hanChars(toSimplified(han.join('')));
	const changed = han.filter((c, i) => simplified[i] !== c).length;
	return changed >= 3 && changed >= han.length * 0.05 ? 'traditional' : 'simplified';
}

/**
 * An article in the model's script: when its Chinese is Traditional, every Chinese text (each `zh` field) is
 * converted to Simplified and what was written is kept in `written` (Simplified → as written). A Simplified
 * article comes back unchanged.
 */
export function inModelScript(
	article: Article,
	toSimplified: (text: string) => string
): { article: Article; script: SourceScript } {
	const texts: string[] = [];
	const collect = (x: unknown): void => {
		if (Array.isArray(x)) x.forEach(collect);
		else if (x && typeof x === 'object')
			for (const [key, value] of Object.entries(x))
				if (key === 'zh' && typeof value === 'string') texts.push(value);
				else collect(value);
	};
	const rest: Article = { ...article };
	delete rest.written;
	collect(rest);
	if (detectScript(texts.join('\n'), toSimplified) === 'simplified') return { article, script: 'simplified' };
	const written: Record<string, string> = {};
	const convert = (x: unknown): unknown => {
		if (Array.isArray(x)) return x.map(convert);
		if (!x || typeof x !== 'object') return x;
		return Object.fromEntries(
			Object.entries(x).map(([key, value]) => {
				if (key !== 'zh' || typeof value !== 'string') return [key, convert(value)];
				const simplified = toSimplified(value);
				if (simplified !== value) written[simplified] = value;
				return [key, simplified];
			})
		);
	};
	return { article: { ...(convert(rest) as Article), written }, script: 'traditional' };
}

/** Build the article from detected blocks. */
export function buildArticle(blocks: readonly DetectedBlock[], options: BuildOptions): BuiltArticle {
	const all = blocks.map((b) => `${b.text}${b.credit ?? ''}`).join('\n');
	const script = detectScript(all, options.toSimplified);
	const written: Record<string, string> = {};
	const zh = (text: string) => {
		if (script === 'simplified' || !options.toSimplified) return text;
		const simplified = options.toSimplified(text);
		written[simplified] = text;
		return simplified;
	};
	const segment = (id: string, text: string): Segment => ({ id, zh: zh(text), en: '' });
	const segments = (id: string, text: string) =>
		splitSentences(text).map((sentence, i) => segment(`${id}-${i + 1}`, sentence));
	const counters: Record<string, number> = {};
	const next = (prefix: string) => `${prefix}${(counters[prefix] = (counters[prefix] ?? 0) + 1)}`;

	let title: Segment | undefined;
	let subtitle: Segment | undefined;
	let byline: Segment | undefined;
	const out: Block[] = [];
	for (const b of blocks) {
		switch (b.kind) {
			case 'title':
				title = segment('title', b.text);
				break;
			case 'subtitle':
				subtitle = segment('subtitle', b.text);
				break;
			case 'byline':
				byline = segment('byline', b.text);
				break;
			case 'heading': {
				const id = next('h');
				out.push({ type: 'heading', id, segments: [segment(`${id}-1`, b.text)] });
				break;
			}
			case 'lead':
			case 'paragraph': {
				const id = next('p');
				out.push({
					type: 'paragraph',
					id,
					...(b.kind === 'lead' ? { lead: true } : {}),
					segments: segments(id, b.text)
				});
				break;
			}
			case 'caption': {
				const id = next('c');
				out.push({
					type: 'caption',
					id,
					segments: [segment(`${id}-1`, b.text)],
					...(b.credit ? { credit: segment(`${id}-credit`, b.credit) } : {})
				});
				break;
			}
			case 'note': {
				const id = next('n');
				out.push({ type: 'note', id, segments: [segment(`${id}-1`, b.text)] });
				break;
			}
			case 'gap':
				out.push({ type: 'gap', id: next('g'), note: { en: '', zh: zh(b.text) } });
				break;
		}
	}
	return {
		article: {
			slug: options.slug,
			title: title ?? { id: 'title', zh: '', en: '' },
			...(subtitle ? { subtitle } : {}),
			...(byline ? { byline } : {}),
			source: { zh: '', en: '' },
			date: { zh: '', en: '' },
			notes: [],
			blocks: out
		},
		script,
		written,
		characters: hanChars(all).length
	};
}
