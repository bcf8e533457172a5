/**
 * The reader's enhancement script. The page is complete without it (server-rendered text, ruby, translation,
 * term links, a link to the settings page); this adds the word and term popover, settings in a sheet that apply
 * at once, keyboard reading by sentence and word, linked highlighting of a sentence or term with its counterpart,
 * reading aloud, and opening at a sentence linked from the word list. Bundled on its own (see
 * build-tools/browser-script.ts).
 */
import { enhanceSettings } from './settings';
import { enhanceHighlights } from './highlight';
import { enhanceWordPopover } from './popover';
import { enhanceAudio } from './audio';
import { enhanceToolbar } from './toolbar';
import { insertScriptUi } from './script-ui';
import { READ_WORDS_ID, loadWords, pageSlug } from './words';
import { revealLinkedSentence } from '../../words/reveal-sentence';
import { fillSegmentIds } from '../segment-ids';

const article = document.querySelector<HTMLElement>('article.reader');
if (article) {
	// Before anything reads a sentence's id.
	fillSegmentIds(article);
	// Brought by a touch or a pointer on the text or its tools (src/lib/boot/boot.ts): the word data the first
	// popover needs comes at once, beside the script's other parts, not after them.
	if (article.dataset.interest !== undefined) void loadWords(pageSlug()).catch(() => {});
	// What works on the page as it is starts at once; the settings, the popover and Listen wait for their markup.
	const popover = insertScriptUi(article).then(() => {
		enhanceSettings(article);
		return enhanceWordPopover(article);
	});
	enhanceToolbar();
	enhanceHighlights(article, async (word, back) => (await popover)?.(word, back));
	revealLinkedSentence(article);
	// A text read at /read: /read's own script keeps it in this browser for reading again ($lib/read/enhance/recent).
	const recent = document.getElementById(READ_WORDS_ID)?.dataset.recentScript;
	if (recent) void import(recent).catch(() => {});
	// Awaited at the top level: the boot script replays a held tap once this module has finished, popover in place.
	await popover;
	enhanceAudio(article);
}
