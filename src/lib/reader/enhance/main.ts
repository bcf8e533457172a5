/**
 * The reader's enhancement script. The page is complete without it (server-rendered text, ruby, translation,
 * term links, a settings form); this adds term popovers, instant settings, and linked highlighting of a
 * sentence or term with its counterpart. Bundled on its own (see build-tools/browser-script.ts).
 */
import { enhanceSettings } from './settings';
import { enhanceHighlights } from './highlight';
import { enhanceTermPopovers } from './popover';

const article = document.querySelector<HTMLElement>('article.reader');
if (article) {
	enhanceSettings(article);
	enhanceHighlights(article);
	enhanceTermPopovers(article);
}
