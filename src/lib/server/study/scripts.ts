/**
 * The learner's browser scripts, bundled at build time like the reader's (build-tools/browser-script.ts) and served
 * from memory with content-hashed URLs: the site script (due count, known shares) and the study page's script.
 */
import site, { hash as siteHash } from '$lib/study/enhance/site.ts?browser-script';
import study, { hash as studyHash } from '$lib/study/enhance/study.ts?browser-script';

export const SITE_SCRIPT = site;
export const SITE_SCRIPT_URL = `/js/site.js?v=${siteHash}`;
export const STUDY_SCRIPT = study;
export const STUDY_SCRIPT_URL = `/js/study.js?v=${studyHash}`;
