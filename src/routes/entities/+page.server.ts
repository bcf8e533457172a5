import * as v from 'valibot';
import { libraryEntities } from '$lib/briefing/entities';
import { ENTITY_TYPES } from '$lib/briefing/schema';
import { entitiesOf, publishedLibrary } from '$lib/server/briefing';

const TypeSchema = v.optional(v.picklist(ENTITY_TYPES));

export const load = async ({ url }) => {
	const parsed = v.safeParse(TypeSchema, url.searchParams.get('type') || undefined);
	const type = parsed.success ? parsed.output : undefined;
	const articles = await publishedLibrary();
	const all = libraryEntities(
		articles.map((a) => ({ slug: a.slug, title: a.title.en, entities: entitiesOf(a) }))
	);
	return {
		type: type ?? null,
		types: ENTITY_TYPES,
		entities: type ? all.filter((e) => e.type === type) : all
	};
};
