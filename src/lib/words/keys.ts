/**
 * Where the saved words live and how a change is announced: no imports, so the page's boot script can ask
 * "has this learner saved anything?" without bundling the store's validation.
 */

/** The localStorage key; the format's version is inside the value. */
export const STORAGE_KEY = 'bilingual-reader.saved-words';

/** The fingerprint of the last text this code wrote under STORAGE_KEY (see fingerprint()). */
export const WRITTEN_KEY = 'bilingual-reader.saved-words.written';

/**
 * Fired on window after every change this tab makes to the store (other tabs hear a `storage` event instead),
 * with the new state as its `detail`: the header's due count, known shares and the reader's word marks follow it.
 */
export const WORDS_CHANGED = 'words:changed';
