/**
 * Parse and validate content files. Every failure names the file and the field, so a translator editing YAML can
 * find the problem without reading TypeScript.
 */
import * as v from 'valibot';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import {
	ArticleSchema,
	GlossarySchema,
	PinyinOverridesSchema,
	type Article,
	type GlossaryEntry,
	type PinyinOverride,
	type Segment
} from './schema';

/** One or more problems in content files, each "file: field: message". */
export class ContentError extends Error {
	constructor(readonly problems: string[]) {
		super(`Invalid content:\n  ${problems.join('\n  ')}`);
		this.name = 'ContentError';
	}
}

function pathOf(issue: v.BaseIssue<unknown>): string {
	let out = '';
	for (const item of issue.path ?? []) {
		const key = item.key;
		out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key);
	}
	return out || '(top level)';
}

/** Parse YAML and validate it against `schema`; every problem names the file and the field. */
export function parseFile<T extends v.GenericSchema>(schema: T, file: string, source: string): v.InferOutput<T> {
	let data: unknown;
	try {
		data = parseYaml(source, { prettyErrors: true });
	} catch (e) {
		const detail = e instanceof YAMLParseError ? e.message.split('\n')[0] : String(e);
		throw new ContentError([`${file}: not valid YAML: ${detail}`]);
	}
	const result = v.safeParse(schema, data);
	if (!result.success) {
		throw new ContentError(result.issues.map((issue) => `${file}: ${pathOf(issue)}: ${issue.message}`));
	}
	return result.output;
}

/** Every segment of an article with the field path it came from, in reading order. */
export function segmentsWithPaths(article: Article): { segment: Segment; path: string }[] {
	const out: { segment: Segment; path: string }[] = [{ segment: article.title, path: 'title' }];
	if (article.subtitle) out.push({ segment: article.subtitle, path: 'subtitle' });
	if (article.byline) out.push({ segment: article.byline, path: 'byline' });
	article.blocks.forEach((block, b) => {
		if (block.type === 'gap') return;
		block.segments.forEach((segment, s) => out.push({ segment, path: `blocks[${b}].segments[${s}]` }));
		if (block.type === 'caption' && block.credit) out.push({ segment: block.credit, path: `blocks[${b}].credit` });
	});
	return out;
}

/** Parse and check one article file: schema, then unique block and segment ids. */
export function parseArticle(file: string, source: string): Article {
	const article = parseFile(ArticleSchema, file, source);
	const problems: string[] = [];
	const seen = new Map<string, string>();
	const claim = (id: string, path: string) => {
		const first = seen.get(id);
		if (first) problems.push(`${file}: ${path}.id: duplicate id "${id}" (first used at ${first})`);
		else seen.set(id, path);
	};
	article.blocks.forEach((block, b) => claim(block.id, `blocks[${b}]`));
	for (const { segment, path } of segmentsWithPaths(article)) claim(segment.id, path);
	if (problems.length) throw new ContentError(problems);
	return article;
}

/**
 * Parse and check the glossary: schema, unique ids and terms, `related` pointing at real entries, and no rendering
 * both used and avoided by one entry.
 */
export function parseGlossary(file: string, source: string): GlossaryEntry[] {
	const entries = parseFile(GlossarySchema, file, source);
	const problems: string[] = [];
	const ids = new Map<string, number>();
	const forms = new Map<string, string>();
	entries.forEach((entry, i) => {
		if (ids.has(entry.id)) problems.push(`${file}: [${i}].id: duplicate id "${entry.id}"`);
		ids.set(entry.id, i);
		for (const form of [entry.term, ...entry.aliases]) {
			const owner = forms.get(form);
			if (owner && owner !== entry.id)
				problems.push(`${file}: [${i}].term: "${form}" is already a term or alias of "${owner}"`);
			forms.set(form, entry.id);
		}
		const used = new Set([entry.rendering.en, ...entry.alsoRendered].map((r) => r.toLowerCase()));
		entry.avoid.forEach((form, a) => {
			if (used.has(form.toLowerCase()))
				problems.push(`${file}: [${i}].avoid[${a}]: "${form}" is also given as a rendering to use`);
		});
	});
	entries.forEach((entry, i) =>
		entry.related.forEach((id, r) => {
			if (!ids.has(id)) problems.push(`${file}: [${i}].related[${r}]: unknown glossary reference "${id}"`);
		})
	);
	if (problems.length) throw new ContentError(problems);
	return entries;
}

/** Parse and check the pinyin overrides: one syllable per character, and the example contains the word. */
export function parsePinyinOverrides(file: string, source: string): PinyinOverride[] {
	const overrides = parseFile(PinyinOverridesSchema, file, source);
	const problems: string[] = [];
	overrides.forEach((o, i) => {
		const chars = [...o.word].length;
		const syllables = o.pinyin.split(/\s+/).length;
		if (chars !== syllables)
			problems.push(`${file}: [${i}].pinyin: ${syllables} syllables for the ${chars} characters of "${o.word}"`);
		if (!o.example.includes(o.word)) problems.push(`${file}: [${i}].example: does not contain "${o.word}"`);
	});
	if (problems.length) throw new ContentError(problems);
	return overrides;
}
