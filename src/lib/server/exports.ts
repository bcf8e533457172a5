/** Downloads: an export format's body, filename and media type, as a Response. */
import type { AnnotatedArticle } from '$lib/content/annotate';
import {
	CONTENT_TYPES,
	attachmentDisposition,
	exportFilename,
	toArticleCsv,
	toJson,
	toTmx,
	toXliff,
	type ArticleFormat,
	type ExportFormat,
	type ExportStates
} from '$lib/exports';

/** A file download with the right media type and a safe filename. */
export function download(body: string | Uint8Array, name: string, format: ExportFormat): Response {
	// A fresh Uint8Array is backed by a plain ArrayBuffer, which is what a Response body accepts.
	return new Response(typeof body === 'string' ? body : new Uint8Array(body), {
		headers: {
			'content-type': CONTENT_TYPES[format],
			'content-disposition': attachmentDisposition(exportFilename(name, format)),
			'cache-control': 'no-cache'
		}
	});
}

/** The public downloads of an article: what the reader shows, with review states where there are any. */
export function exportArticle(
	article: AnnotatedArticle,
	format: ArticleFormat,
	states?: ExportStates
): Response {
	const body = {
		tmx: () => toTmx(article),
		xlf: () => toXliff(article, states),
		csv: () => toArticleCsv(article, states),
		json: () => toJson(article)
	}[format]();
	return download(body, article.slug, format);
}
