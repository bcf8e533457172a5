import { READER_SCRIPT, READER_SCRIPT_URL } from '$lib/server/reader-script';
import { hashedAsset } from '$lib/server/http/hashed-asset';

export const GET = ({ url }) => hashedAsset(READER_SCRIPT, 'text/javascript', url, READER_SCRIPT_URL);
