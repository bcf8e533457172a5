import { SITE_SCRIPT, scriptResponse } from '$lib/server/study/scripts';

export const GET = ({ url }) => scriptResponse(SITE_SCRIPT, url);
