/**
 * A glossary term in the reader's text is a plain link to its entry, with no class: `<a href="/g/<key>">`, or
 * `/glossary/<id>` for an entry whose key another took first ($lib/glossary/term-links). Its address says what it
 * is, and a class on each of hundreds of links cost bytes on every page. Scripts and styles find term links with
 * this selector (the prefix both addresses share), inside the reader's text: its only other links are note
 * references (#note-…).
 */
export const TERM_LINK = 'a[href^="/g"]';
