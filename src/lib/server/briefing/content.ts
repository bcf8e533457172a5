/**
 * The briefing content shipped in the repository (content/briefing/*.yaml), read at build time by Vite and
 * validated once on first use: per-article briefing files, the shared entity list and the exchange rates.
 */
import { parseFile } from '$lib/content/validate';
import {
	BriefingFileSchema,
	EntitiesFileSchema,
	ExchangeRatesFileSchema,
	type BriefingFile,
	type EntitiesFile,
	type ExchangeRate
} from '$lib/briefing/schema';

const sources = import.meta.glob<string>('/content/briefing/*.yaml', {
	query: '?raw',
	import: 'default',
	eager: true
});

const SPECIAL = new Set(['entities', 'exchange-rates']);
const nameOf = (path: string) => /\/([^/]+)\.yaml$/.exec(path)![1]!;
const file = (path: string) => path.replace(/^\//, '');

interface BriefingContent {
	briefings: Map<string, BriefingFile>;
	entities: EntitiesFile;
	rates: ExchangeRate[];
}

let loaded: BriefingContent | undefined;

/** Every briefing content file, validated (a malformed file throws a ContentError naming file and field). */
export function briefingContent(): BriefingContent {
	if (loaded) return loaded;
	const briefings = new Map<string, BriefingFile>();
	let entities: EntitiesFile = { glossaryTypes: {}, entities: [] };
	let rates: ExchangeRate[] = [];
	for (const [path, source] of Object.entries(sources)) {
		const name = nameOf(path);
		if (name === 'entities') entities = parseFile(EntitiesFileSchema, file(path), source);
		else if (name === 'exchange-rates') rates = parseFile(ExchangeRatesFileSchema, file(path), source);
		else if (!SPECIAL.has(name)) {
			const briefing = parseFile(BriefingFileSchema, file(path), source);
			briefings.set(briefing.slug, briefing);
		}
	}
	loaded = { briefings, entities, rates };
	return loaded;
}

/** The official rate for a year, if stored. */
export function rateFor(year: number | undefined): ExchangeRate | undefined {
	return year === undefined ? undefined : briefingContent().rates.find((r) => r.year === year);
}
