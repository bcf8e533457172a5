/**
 * Vite plugin: validate every content file before a build or dev server starts, so malformed content fails
 * the build with a message naming the file and the field.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import {
	parseArticle,
	parseFile,
	parseGlossary,
	parsePinyinOverrides,
	ContentError
} from '../src/lib/content/validate';
import { BriefingFileSchema, EntitiesFileSchema, ExchangeRatesFileSchema } from '../src/lib/briefing/schema';

export function validateContentDir(dir: string): void {
	const problems: string[] = [];
	const check = (file: string, parse: (file: string, source: string) => unknown) => {
		try {
			parse(file, readFileSync(join(dir, '..', file), 'utf8'));
		} catch (e) {
			if (e instanceof ContentError) problems.push(...e.problems);
			else throw e;
		}
	};
	const articles = join(dir, 'articles');
	if (existsSync(articles))
		for (const name of readdirSync(articles).filter((n) => n.endsWith('.yaml')))
			check(`content/articles/${name}`, parseArticle);
	check('content/glossary.yaml', parseGlossary);
	check('content/pinyin-overrides.yaml', parsePinyinOverrides);
	const briefing = join(dir, 'briefing');
	if (existsSync(briefing))
		for (const name of readdirSync(briefing).filter((n) => n.endsWith('.yaml'))) {
			const schema =
				name === 'entities.yaml'
					? EntitiesFileSchema
					: name === 'exchange-rates.yaml'
						? ExchangeRatesFileSchema
						: BriefingFileSchema;
			check(`content/briefing/${name}`, (file, source) => parseFile(schema, file, source));
		}
	if (problems.length) throw new ContentError(problems);
}

export function contentCheck(dir: string): Plugin {
	return {
		name: 'content-check',
		apply: 'build',
		buildStart() {
			try {
				validateContentDir(dir);
			} catch (e) {
				if (e instanceof ContentError) this.error(e.message);
				throw e;
			}
		}
	};
}
