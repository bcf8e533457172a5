/**
 * A glossary term in the reader's text is a plain link to its entry, `<a href="/glossary/<id>">`, with no class:
 * its address says what it is, and a class on each of hundreds of links cost bytes on every page. Scripts and
 * styles find term links with this selector, inside the reader's text (other links to entries exist elsewhere).
 */
export const TERM_LINK = 'a[href^="/glossary/"]';
