import { getGlossary } from '$lib/server/content/store';
import { download } from '$lib/server/exports';
import { toTbx } from '$lib/exports';

export const GET = () => download(toTbx(getGlossary()), 'glossary', 'tbx');
