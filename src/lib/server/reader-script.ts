/** The reader's enhancement script: bundled at build time, served from memory with a content-hashed URL. */
import code, { hash } from '$lib/reader/enhance/main.ts?browser-script';

export const READER_SCRIPT = code;
export const READER_SCRIPT_URL = `/js/reader.js?v=${hash}`;
