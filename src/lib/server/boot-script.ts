/** The boot script every page loads (src/lib/boot/boot.ts): bundled at build time, served with a content-hashed URL. */
import code, { hash } from '$lib/boot/boot.ts?browser-script';

export const BOOT_SCRIPT = code;
export const BOOT_SCRIPT_URL = `/js/boot.js?v=${hash}`;
