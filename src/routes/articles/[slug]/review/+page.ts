// The review workspace is an interactive app (autosave, filters, keyboard): SvelteKit's client runtime is on here.
export const csr = true;
