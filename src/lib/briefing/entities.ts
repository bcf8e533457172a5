/**
 * Who and what an article names: glossary entries that are named things (organisations, companies, zones,
 * ports, projects, programmes, markets, places), found by the glossary's own matching, and the entities of
 * content/briefing/entities.yaml, found by their forms. A form inside a glossary term's match is part of that
 * term (舟山港 inside 宁波舟山港), so it does not count; forms of ordinary words count only where listed. Pure.
 */
import type { GlossaryCategory, GlossaryEntry } from '$lib/content/schema';
import type { EntitiesFile, EntityType } from './schema';

/** A text of the article where names are looked for: a segment, the byline or a caption's credit. */
export interface NamingText {
	/** Segment id (the byline is "byline", a caption's credit "<block id>-credit"). */
	key: string;
	/** The reader's element id (block id, or "article-title"). */
	anchor: string;
	zh: string;
	en: string;
	/** Glossary terms matched in the Chinese, as [start, end) code-point spans with the entry id. */
	terms: { id: string; start: number; end: number }[];
}

/** A named thing with the texts of one article that name it. */
export interface EntityMention {
	id: string;
	zh: string;
	en: string;
	type: EntityType;
	about: string | null;
	/** The glossary entry it comes from, if any. */
	glossaryId: string | null;
	texts: { key: string; anchor: string; zh: string; en: string }[];
}

const CATEGORY_TYPES: Partial<Record<GlossaryCategory, EntityType>> = {
	institution: 'organisation',
	company: 'company',
	zone: 'zone',
	project: 'project',
	programme: 'programme',
	market: 'market',
	place: 'place'
};

/** The entity type of a glossary entry, or undefined when it is not a named thing. */
export function glossaryEntityType(entry: GlossaryEntry, file: EntitiesFile): EntityType | undefined {
	return file.glossaryTypes[entry.id] ?? CATEGORY_TYPES[entry.category];
}

/** Every occurrence of `form` in `zh`, as code-point spans. */
function occurrences(zh: string, form: string): { start: number; end: number }[] {
	const out: { start: number; end: number }[] = [];
	const len = [...form].length;
	for (let i = zh.indexOf(form); i !== -1; i = zh.indexOf(form, i + form.length)) {
		const start = [...zh.slice(0, i)].length;
		out.push({ start, end: start + len });
	}
	return out;
}

/** The entities named in one article's texts, in order of first mention. */
export function articleEntities(
	slug: string,
	texts: readonly NamingText[],
	glossary: ReadonlyMap<string, GlossaryEntry>,
	file: EntitiesFile
): EntityMention[] {
	const found = new Map<string, EntityMention>();
	const add = (base: Omit<EntityMention, 'texts'>, text: NamingText) => {
		let e = found.get(base.id);
		if (!e) found.set(base.id, (e = { ...base, texts: [] }));
		if (!e.texts.some((t) => t.key === text.key))
			e.texts.push({ key: text.key, anchor: text.anchor, zh: text.zh, en: text.en });
	};
	for (const text of texts) {
		// Glossary entries and curated entities, in the order they appear in this text.
		const hits: { at: number; base: Omit<EntityMention, 'texts'> }[] = [];
		for (const term of text.terms) {
			const entry = glossary.get(term.id);
			const type = entry && glossaryEntityType(entry, file);
			if (!entry || !type) continue;
			hits.push({
				at: term.start,
				base: {
					id: `glossary-${entry.id}`,
					zh: entry.term,
					en: entry.rendering.en,
					type,
					about: null,
					glossaryId: entry.id
				}
			});
		}
		for (const entity of file.entities) {
			const only = entity.only?.[slug];
			if (entity.only && !only?.includes(text.key)) continue;
			for (const form of new Set([entity.zh, ...entity.forms])) {
				const spans = occurrences(text.zh, form).filter(
					(o) =>
						!text.terms.some((t) => t.start <= o.start && o.end <= t.end && t.end - t.start > o.end - o.start)
				);
				if (spans.length)
					hits.push({
						at: spans[0]!.start,
						base: {
							id: entity.id,
							zh: entity.zh,
							en: entity.en,
							type: entity.type,
							about: entity.about ?? null,
							glossaryId: null
						}
					});
			}
		}
		for (const hit of hits.sort((a, b) => a.at - b.at)) add(hit.base, text);
	}
	return [...found.values()];
}

/** An entity across the library: every article and text that names it. */
export interface LibraryEntity extends Omit<EntityMention, 'texts'> {
	articles: { slug: string; title: string; texts: EntityMention['texts'] }[];
}

/** The library's entities, merged by id, sorted by English name. */
export function libraryEntities(
	perArticle: readonly { slug: string; title: string; entities: readonly EntityMention[] }[]
): LibraryEntity[] {
	const out = new Map<string, LibraryEntity>();
	for (const a of perArticle)
		for (const { texts, ...e } of a.entities) {
			let hit = out.get(e.id);
			if (!hit) out.set(e.id, (hit = { ...e, articles: [] }));
			hit.articles.push({ slug: a.slug, title: a.title, texts });
		}
	return [...out.values()].sort((a, b) => a.en.localeCompare(b.en, 'en', { sensitivity: 'base' }));
}
