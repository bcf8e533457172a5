import { RECENT_SCRIPT, RECENT_SCRIPT_URL } from '$lib/server/read';
import { hashedAsset } from '$lib/server/http/hashed-asset';

export const GET = ({ url }) => hashedAsset(RECENT_SCRIPT, 'text/javascript', url, RECENT_SCRIPT_URL);
