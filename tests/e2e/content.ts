// The real article and glossary, read the way the app reads them, so the browser tests check real content.
import { readFileSync } from 'node:fs';
import { parseArticle, parseGlossary } from '../../src/lib/content/validate';

export const SLUG = 'beilun-liucu-liuyou';
export const article = parseArticle(
	`content/articles/${SLUG}.yaml`,
	readFileSync(new URL(`../../content/articles/${SLUG}.yaml`, import.meta.url), 'utf8')
);
export const glossary = parseGlossary(
	'content/glossary.yaml',
	readFileSync(new URL('../../content/glossary.yaml', import.meta.url), 'utf8')
);
