import { fail } from '@sveltejs/kit';
import { requirePublishedArticle } from '$lib/server/review/published';
import { READER_SCRIPT_URL, TONES_STYLE_URL } from '$lib/server/reader-script';
import { wordMarkupData } from '$lib/server/reader/word-data';
import { articleProfile } from '$lib/server/study/difficulty';
import { isPublished } from '$lib/server/content/store';
import { storedSlugExists, setPublished } from '$lib/server/articles';
import { can } from '$lib/review/roles';
import { refusal } from '$lib/server/review/guard';
import { articleSegments } from '$lib/content/walk';

export const load = async ({ params, locals, parent }) => {
	// The content file's English with every approved review change applied.
	const article = await requirePublishedArticle(params.slug, locals);
	// Word boundaries, HSK levels and (for Traditional) converted text, for the reader's settings.
	const { readerSettings } = await parent();
	const [words, profile] = await Promise.all([
		wordMarkupData(article, readerSettings),
		articleProfile(article)
	]);
	const segments = articleSegments(article);
	const account = locals.reviewer;
	return {
		article,
		words,
		profile,
		scriptUrl: READER_SCRIPT_URL,
		tonesStyle: TONES_STYLE_URL,
		translation: {
			translated: segments.filter((s) => s.en.trim()).length,
			total: segments.length
		},
		// Editors publish and unpublish articles kept in the database; signed-in accounts see whether it is public.
		publication: account
			? {
					published: (await isPublished(article.slug)) ?? false,
					canPublish: can(account.role, 'publish') && (await storedSlugExists(article.slug))
				}
			: null
	};
};

/** Publish or unpublish (editors; articles kept in the database). Nothing is deleted either way. */
async function publication(
	{ params, locals }: { params: { slug: string }; locals: App.Locals },
	published: boolean
) {
	const account = locals.reviewer;
	if (!account) return fail(401, { publicationError: locals.t('auth.sessionExpired') });
	if (!can(account.role, 'publish'))
		return fail(403, { publicationError: refusal(locals.t, account, 'publish') });
	if (!(await setPublished(params.slug, published, account.id)))
		return fail(404, { publicationError: locals.t('articles.publication.notStored') });
	return { publicationDone: published ? 'published' : 'unpublished' };
}

export const actions = {
	publish: (event) => publication(event, true),
	unpublish: (event) => publication(event, false)
};
