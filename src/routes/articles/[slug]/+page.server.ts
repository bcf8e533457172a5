import { requirePublishedArticle } from '$lib/server/review/published';
import { READER_SCRIPT_URL } from '$lib/server/reader-script';
import { wordMarkupData } from '$lib/server/reader/word-data';
import { articleProfile } from '$lib/server/study/difficulty';

export const load = async ({ params, locals, parent }) => {
	// The content file's English with every approved review change applied.
	const article = await requirePublishedArticle(params.slug, locals);
	// Word boundaries, HSK levels and (for Traditional) converted text, for the reader's settings.
	const { readerSettings } = await parent();
	const [words, profile] = await Promise.all([
		wordMarkupData(article, readerSettings),
		articleProfile(article)
	]);
	return { article, words, profile, scriptUrl: READER_SCRIPT_URL };
};
