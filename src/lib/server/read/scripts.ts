/** /read's own browser script (the texts read here before), bundled at build time and served with a content-hashed URL. */
import recent, { hash } from '$lib/read/enhance/recent.ts?browser-script';

export const RECENT_SCRIPT = recent;
export const RECENT_SCRIPT_URL = `/js/read.js?v=${hash}`;
