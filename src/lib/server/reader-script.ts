/** The reader's enhancement script and its stylesheets: bundled at build time, served from memory with content-hashed URLs. */
import code, { hash } from '$lib/reader/enhance/main.ts?browser-script';
import style, { hash as styleHash } from '$lib/reader/enhance/script-ui.css?browser-style';
import tones, { hash as tonesHash } from '$lib/reader/tones.css?browser-style';

export const READER_SCRIPT = code;
export const READER_SCRIPT_URL = `/js/reader.js?v=${hash}`;
/** Styles for what only the script makes (the popover, Listen, word marks); linked from /reader-ui/<locale>. */
export const READER_STYLE = style;
export const READER_STYLE_URL = `/css/reader.css?v=${styleHash}`;
/** Tone colours, linked only by a page that shows them (ArticleView.svelte). */
export const TONES_STYLE = tones;
export const TONES_STYLE_URL = `/css/tones.css?v=${tonesHash}`;
