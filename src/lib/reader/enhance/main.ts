/**
 * The reader's enhancement script. The page is complete without it (server-rendered text, ruby, translation,
 * term links, a settings form); this adds the word and term popover, instant settings, keyboard reading by
 * sentence and word, linked highlighting of a sentence or term with its counterpart, reading aloud, and
 * opening at a sentence linked from the word list. Bundled on its own (see build-tools/browser-script.ts).
 */
import { enhanceSettings } from './settings';
import { enhanceHighlights } from './highlight';
import { enhanceWordPopover } from './popover';
import { enhanceAudio } from './audio';
import { enhanceToolbar } from './toolbar';
import { revealLinkedSentence } from '../../words/reveal-sentence';

const article = document.querySelector<HTMLElement>('article.reader');
if (article) {
	enhanceToolbar();
	enhanceSettings(article);
	enhanceHighlights(article, enhanceWordPopover(article));
	enhanceAudio(article);
	revealLinkedSentence(article);
}
