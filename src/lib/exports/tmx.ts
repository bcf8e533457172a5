/**
 * TMX 1.4b (LISA OSCAR): one <tu> per segment with a zh-CN and an en <tuv>, so any CAT tool can load an
 * article as translation memory. Level 1 (plain text): segment text is escaped, never markup.
 */
import type { Article, Segment } from '$lib/content/schema';
import { DEFAULT_TOOL, SOURCE_LANG, TARGET_LANG, type Tool } from './model';
import { buildXml, compact, type XmlNode } from './xml';
import { walkSegments } from '$lib/content/walk';

export interface TmxOptions {
	/** The segments to export, in order (e.g. only approved ones, with their reviewed English); default all. */
	segments?: readonly Segment[];
	/** Written to the header's creationtool, creationtoolversion and o-tmf. */
	tool?: Tool;
	/** Written as the header's creationdate when given (omitted otherwise, so output is deterministic). */
	createdAt?: Date;
}

/** TMX dates are UTC in the basic ISO 8601 form YYYYMMDDThhmmssZ. */
function tmxDate(d: Date): string {
	return d
		.toISOString()
		.replace(/[-:]/g, '')
		.replace(/\.\d{3}/, '');
}

/** TMX 1.4b for one article: header per the spec, one <tu tuid="segment id"> per segment. */
export function toTmx(article: Article, options: TmxOptions = {}): string {
	const tool = options.tool ?? DEFAULT_TOOL;
	const blockOf = new Map(walkSegments(article).map((r) => [r.segment.id, r.block]));
	const segments = options.segments ?? walkSegments(article).map((r) => r.segment);

	const tu = segments.map((s): XmlNode => {
		const notes: XmlNode[] = [];
		if (s.note) {
			notes.push({ '@_xml:lang': TARGET_LANG, '#text': s.note.en });
			if (s.note.zh) notes.push({ '@_xml:lang': SOURCE_LANG, '#text': s.note.zh });
		}
		const props: XmlNode[] = [{ '@_type': 'x-article', '#text': article.slug }];
		const block = blockOf.get(s.id);
		if (block) props.push({ '@_type': 'x-block', '#text': block });
		// Order per the spec: <note> and <prop> first, then the <tuv>s.
		return compact({
			'@_tuid': s.id,
			note: notes.length ? notes : undefined,
			prop: props,
			tuv: [
				{ '@_xml:lang': SOURCE_LANG, seg: s.zh },
				{ '@_xml:lang': TARGET_LANG, seg: s.en }
			]
		});
	});

	return buildXml({
		tmx: {
			'@_version': '1.4',
			header: compact({
				'@_creationtool': tool.name,
				'@_creationtoolversion': tool.version,
				'@_segtype': 'sentence',
				'@_o-tmf': tool.name,
				'@_adminlang': 'en',
				'@_srclang': SOURCE_LANG,
				'@_datatype': 'plaintext',
				'@_creationdate': options.createdAt ? tmxDate(options.createdAt) : undefined
			}),
			body: tu.length ? { tu } : ''
		}
	});
}
