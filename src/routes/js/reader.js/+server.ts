import { READER_SCRIPT } from '$lib/server/reader-script';
import { hashedAsset } from '$lib/server/http/hashed-asset';

export const GET = ({ url }) => hashedAsset(READER_SCRIPT, 'text/javascript', url);
