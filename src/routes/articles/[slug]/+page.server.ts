import { error } from '@sveltejs/kit';
import { publishedArticle } from '$lib/server/review/published';
import { READER_SCRIPT_URL } from '$lib/server/reader-script';
import { wordMarkupData } from '$lib/server/reader/words';
import { READER_COOKIE, parseReaderSettings } from '$lib/reader/settings';

export const load = async ({ params, locals, cookies }) => {
	// The content file's English with every approved review change applied.
	const article = await publishedArticle(params.slug);
	if (!article) error(404, locals.t('errors.articleNotFound', { slug: params.slug }));
	// Word boundaries, HSK levels and (for Traditional) converted text, for the reader's settings.
	const words = await wordMarkupData(article, parseReaderSettings(cookies.get(READER_COOKIE)));
	return { article, words, scriptUrl: READER_SCRIPT_URL };
};
