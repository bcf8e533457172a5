// The saved words live in the browser, so this page is a client app: the server renders its frame and a
// message for readers without JavaScript; the list itself appears once the page runs.
export const csr = true;
