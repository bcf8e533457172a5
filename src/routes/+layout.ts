// Pages are rendered on the server and read without JavaScript. The reader pages add a small enhancement
// script of their own; pages that need a client app (review) turn `csr` back on.
export const csr = false;
