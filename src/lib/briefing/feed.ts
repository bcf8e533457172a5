/**
 * The Atom feed (RFC 4287) of published articles: English titles and summaries, written through the one XML
 * writer ($lib/exports/xml: a library builder that escapes text and replaces characters XML cannot carry). Pure.
 */
import { buildXml, type XmlNode } from '$lib/exports/xml';

export interface FeedEntry {
	slug: string;
	title: string;
	summary: string;
	/** When the entry last changed (ISO 8601). */
	updated: string;
	author?: string;
}

export interface FeedInfo {
	/** The site's origin, e.g. https://reader.example. */
	origin: string;
	title: string;
	updated: string;
}

/** The feed document. */
export function atomFeed(info: FeedInfo, entries: readonly FeedEntry[]): string {
	const articleUrl = (slug: string) => `${info.origin}/articles/${encodeURIComponent(slug)}`;
	const entry = (e: FeedEntry): XmlNode => ({
		id: articleUrl(e.slug),
		title: e.title,
		updated: e.updated,
		author: { name: e.author ?? info.title },
		link: { '@_rel': 'alternate', '@_type': 'text/html', '@_href': articleUrl(e.slug) },
		summary: { '@_type': 'text', '#text': e.summary }
	});
	return buildXml({
		feed: {
			'@_xmlns': 'http://www.w3.org/2005/Atom',
			'@_xml:lang': 'en',
			id: `${info.origin}/feed.xml`,
			title: info.title,
			updated: info.updated,
			link: [
				{ '@_rel': 'self', '@_type': 'application/atom+xml', '@_href': `${info.origin}/feed.xml` },
				{ '@_rel': 'alternate', '@_type': 'text/html', '@_href': `${info.origin}/` }
			],
			entry: entries.map(entry)
		}
	});
}
