/** The reader's enhancement script and its stylesheets: bundled at build time, served from memory with content-hashed URLs. */
import { createHash } from 'node:crypto';
import code, { hash } from '$lib/reader/enhance/main.ts?browser-script';
import style, { hash as styleHash } from '$lib/reader/enhance/script-ui.css?browser-style';
import tones, { hash as tonesHash } from '$lib/reader/tones.css?browser-style';
import { readerStyleUrl } from '$lib/reader/enhance/stylesheet';

/**
 * The script and its stylesheet share one version, a hash of both: the script asks for the stylesheet at the
 * address that goes with its own (src/lib/reader/enhance/stylesheet.ts).
 */
const version = createHash('sha256').update(`${hash}:${styleHash}`).digest('hex').slice(0, 12);

export const READER_SCRIPT = code;
export const READER_SCRIPT_URL = `/js/reader.js?v=${version}`;
/** Styles for what only the script makes (the popover, Listen, word marks, the settings sheet's form). */
export const READER_STYLE = style;
/** Where the script asks for them (src/lib/reader/enhance/stylesheet.ts): the script's own version. */
export const READER_STYLE_URL = readerStyleUrl(READER_SCRIPT_URL);
/** Tone colours, linked only by a page that shows them (ArticleView.svelte). */
export const TONES_STYLE = tones;
export const TONES_STYLE_URL = `/css/tones.css?v=${tonesHash}`;
