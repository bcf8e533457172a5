import { SITE_SCRIPT, SITE_SCRIPT_URL } from '$lib/server/study/scripts';
import { hashedAsset } from '$lib/server/http/hashed-asset';

export const GET = ({ url }) => hashedAsset(SITE_SCRIPT, 'text/javascript', url, SITE_SCRIPT_URL);
